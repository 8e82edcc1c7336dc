import CYaml
import Foundation

/// Reads YAML's event stream (libyaml, the parser Yams itself uses) before
/// Yams composes a tree, and refuses the two uses of aliases whose cost
/// grows exponentially with a few hundred bytes of text:
///
/// - an alias used as a mapping key, or inside one (`*l7 : 1`): Yams checks
///   keys for duplicates by hashing them, and hashing an aliased key walks
///   every copy it stands for, so seven nested anchors of ten items took 20
///   seconds and ten took hours;
/// - aliases that expand, all told, to more than `nodeLimit` values (the
///   "billion laughs"): anything that walks the tree afterwards walks every
///   copy.
///
/// Front matter and `protosite.yml` never need either; an ordinary alias of
/// a value (`review: *due`) still reads.
enum YAMLAliasGuard {
    /// Far above any real front matter (a version table of a hundred rows
    /// is about a thousand values) and far below what takes visible time.
    static let nodeLimit = 100_000

    /// A use of aliases that is refused, at its 1-based line and column
    /// within the YAML text.
    struct Refusal: Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The first refused use of aliases in `yaml`, or nil. Text libyaml
    /// cannot read is left for Yams to report with its own message.
    static func check(_ yaml: String) -> Refusal? {
        // No `*`, no alias: most front matter is not read twice.
        guard yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var bytes = Array(yaml.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Refusal? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walker = Walker()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let refusal = walker.take(event) { return refusal }
            }
        }
    }

    /// The open collections, each knowing whether it is (inside) a key and
    /// how many values it stands for with its aliases expanded.
    private struct Walker {
        struct Frame {
            var isMapping: Bool
            var insideKey: Bool
            var children = 0
            var size = 1
            var anchor: String?
        }
        var stack: [Frame] = []
        /// Expanded size of each anchored node.
        var anchors: [String: Int] = [:]

        mutating func take(_ event: yaml_event_t) -> Refusal? {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                if isKeyPosition {
                    return Refusal(message: "an alias (*\(name)) cannot be used as a key: write the key out", line: line, column: column)
                }
                return add(anchors[name] ?? 1, line: line, column: column)
            case YAML_SCALAR_EVENT:
                let size = 1
                if let anchor = Self.string(event.data.scalar.anchor) { anchors[anchor] = size }
                return add(size, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? Self.string(event.data.mapping_start.anchor) : Self.string(event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, insideKey: isKeyPosition, anchor: anchor))
                return nil
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                if let anchor = frame.anchor { anchors[anchor] = frame.size }
                return add(frame.size, line: line, column: column)
            default:
                return nil
            }
        }

        /// Whether the next node is a mapping key or stands inside one.
        private var isKeyPosition: Bool {
            guard let top = stack.last else { return false }
            return top.insideKey || (top.isMapping && top.children % 2 == 0)
        }

        /// Counts a finished node into its parent, saturating at the limit.
        private mutating func add(_ size: Int, line: Int, column: Int) -> Refusal? {
            guard !stack.isEmpty else { return nil }
            stack[stack.count - 1].children += 1
            let total = min(stack[stack.count - 1].size + size, YAMLAliasGuard.nodeLimit + 1)
            stack[stack.count - 1].size = total
            if total > YAMLAliasGuard.nodeLimit {
                return Refusal(message: "aliases here expand to more than \(YAMLAliasGuard.nodeLimit) values: write the values out", line: line, column: column)
            }
            return nil
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
    }
}
