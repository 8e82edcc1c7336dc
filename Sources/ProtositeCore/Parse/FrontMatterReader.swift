import Foundation
import Yams

/// Decodes front matter YAML into `FrontMatter`, reporting every problem at
/// its line and column in the whole file.
public struct FrontMatterReader {
    /// Front matter and where each of its values stands, for later messages.
    public struct Reading {
        public var frontMatter: FrontMatter
        public var positions: FrontMatterPositions
    }

    let path: String
    /// The file line the YAML text starts on.
    let firstLine: Int

    public init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    public func read(_ yaml: String, diagnostics: inout [Diagnostic]) -> Reading? {
        if let refusal = YAMLAliasGuard.check(yaml) {
            diagnostics.append(.error("the front matter is refused: \(refusal.message)", in: path, line: refusal.line + firstLine - 1, column: refusal.column))
            return nil
        }
        let node: Node
        do {
            // Every front-matter value is read as text (dates are parsed by DateParser),
            // so no implicit typing: the basic resolver skips its regular expressions.
            // The encoding is given: Yams's default reads the environment, for every file.
            guard let composed = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                diagnostics.append(.error("the front matter is empty: it needs at least 'title: …'", in: path, line: firstLine - 1, column: 1))
                return nil
            }
            node = composed
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
            return nil
        } catch {
            diagnostics.append(.error("the front matter could not be read: \(error)", in: path, line: firstLine, column: 1))
            return nil
        }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("the front matter must be 'key: value' lines", in: path, line: fileLine(node.mark), column: node.mark?.column ?? 1))
            return nil
        }
        let positions = FrontMatterPositions(root: mapping, firstLine: firstLine)
        reportUnknownKeys(mapping, known: FrontMatter.knownKeys, what: "front-matter key", diagnostics: &diagnostics)
        if case .sequence(let rows)? = mapping["history"] {
            for row in rows {
                if case .mapping(let rowMapping) = row {
                    reportUnknownKeys(rowMapping, known: FrontMatter.HistoryRow.knownKeys, what: "history key", diagnostics: &diagnostics)
                }
            }
        }
        if let frontMatter = PlainFrontMatter.read(mapping) {
            return Reading(frontMatter: frontMatter, positions: positions)
        }
        do {
            let frontMatter = try Self.decoder.decode(FrontMatter.self, from: node)
            return Reading(frontMatter: frontMatter, positions: positions)
        } catch let error as DecodingError {
            diagnostics.append(diagnostic(for: error, positions: positions))
            return nil
        } catch {
            diagnostics.append(.error("the front matter could not be read: \(error)", in: path, line: firstLine, column: 1))
            return nil
        }
    }

    /// One decoder for every file: making one reads the environment. Its
    /// `decode(_:from:)` keeps no state between calls.
    nonisolated(unsafe) private static let decoder = YAMLDecoder(encoding: .utf8)

    private func fileLine(_ mark: Mark?) -> Int {
        (mark?.line ?? 1) + firstLine - 1
    }

    private func reportUnknownKeys(_ mapping: Node.Mapping, known: [String], what: String, diagnostics: inout [Diagnostic]) {
        for (key, _) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            var message = "unknown \(what) '\(name)'"
            if let nearest = NearestWord.find(name, in: known) { message += "; did you mean '\(nearest)'?" }
            diagnostics.append(.warning(message, in: path, line: fileLine(key.mark), column: key.mark?.column ?? 1))
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error("the front matter is not valid YAML: \(problem)", in: path, line: fileLine(mark), column: mark.column)
        default:
            return .error("the front matter is not valid YAML: \(error)", in: path, line: firstLine, column: 1)
        }
    }

    private func diagnostic(for error: DecodingError, positions: FrontMatterPositions) -> Diagnostic {
        let context: DecodingError.Context
        let expected: String
        switch error {
        case .typeMismatch(let type, let c):
            context = c
            expected = describe(type)
        case .valueNotFound(let type, let c):
            context = c
            expected = describe(type)
        case .keyNotFound(let key, let c):
            context = c
            expected = "a '\(key.stringValue)' value"
        case .dataCorrupted(let c):
            context = c
            expected = "a valid value"
        @unknown default:
            return .error("the front matter could not be read: \(error)", in: path, line: firstLine, column: 1)
        }
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        let name = keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        let (line, column) = positions.position(of: context.codingPath)
        return .error("'\(name)' must be \(expected)", in: path, line: line, column: column)
    }

    private func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.contains("Array") || name.contains("TextList") { return "a list, like [one, two]" }
        if name.contains("HistoryRow") || name.contains("Dictionary") { return "a set of 'key: value' settings" }
        return "text"
    }
}

/// Where each front-matter value stands in the file.
public struct FrontMatterPositions {
    let root: Node.Mapping
    let firstLine: Int

    /// The line and column of a top-level key's value (or of the key when the
    /// value has none), else the front matter's first line.
    public func position(of key: String) -> (line: Int, column: Int) {
        for (k, v) in root where k.string == key {
            return at(v.mark ?? k.mark)
        }
        return (firstLine, 1)
    }

    /// The position of `history[row].key`.
    public func position(ofHistoryRow row: Int, key: String) -> (line: Int, column: Int) {
        guard case .sequence(let rows)? = root["history"], row < rows.count else { return position(of: "history") }
        let rowNode = rows[row]
        if case .mapping(let mapping) = rowNode {
            for (k, v) in mapping where k.string == key { return at(v.mark ?? k.mark) }
        }
        return at(rowNode.mark)
    }

    func position(of codingPath: [CodingKey]) -> (line: Int, column: Int) {
        var node: Node = .mapping(root)
        var best = node.mark
        for key in codingPath {
            switch node {
            case .mapping(let mapping):
                guard let (k, v) = mapping.first(where: { $0.key.string == key.stringValue }) else { return at(best) }
                best = v.mark ?? k.mark
                node = v
            case .sequence(let sequence):
                guard let index = key.intValue, index < sequence.count else { return at(best) }
                node = sequence[index]
                best = node.mark ?? best
            default:
                return at(best)
            }
        }
        return at(best)
    }

    private func at(_ mark: Mark?) -> (line: Int, column: Int) {
        guard let mark else { return (firstLine, 1) }
        return (mark.line + firstLine - 1, mark.column)
    }
}
