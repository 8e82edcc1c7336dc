import ProtositeSearch

/// JSON written by hand so output is byte-identical from build to build
/// (keys in the order given) and safe inside HTML `<script>` blocks: `<`,
/// `>`, `&`, U+2028 and U+2029 are always escaped.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys in the order they are written.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// `nil` becomes `null`.
    public static func optional(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        write(to: &out, indent: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as bytes, the line breaks and indents made only for arrays
    /// and objects: `protocols.json` holds ten values a protocol, and making
    /// every value's indent strings and every string's quoted copy was most
    /// of its cost.
    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .string(let s): JSONString.append(s, to: &out)
        case .number(let n): out += String(n).utf8
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .null: out += Array("null".utf8)
        case .array(let items):
            if items.isEmpty { out += Array("[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.breakLine(&out, indent: indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.breakLine(&out, indent: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += Array("{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.breakLine(&out, indent: indent.map { $0 + 1 })
                JSONString.append(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.breakLine(&out, indent: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A new line indented `level` steps, when pretty; nothing otherwise.
    private static func breakLine(_ out: inout [UInt8], indent level: Int?) {
        guard let level else { return }
        out.append(UInt8(ascii: "\n"))
        out += repeatElement(UInt8(ascii: " "), count: 2 * level)
    }
}
