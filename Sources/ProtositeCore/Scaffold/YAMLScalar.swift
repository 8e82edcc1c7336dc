/// YAML values as protosite writes them (the importer's front matter,
/// `init`'s protosite.yml): plain when YAML would read them back unchanged,
/// double-quoted (with `\\` and `"` escaped) when not.
/// Line breaks and other control characters are written as escapes, so a
/// value from a document (a Word title with a line break, `---` after it)
/// stays on its one line and cannot end the front matter.
public enum YAMLScalar {
    public static func quote(_ text: String) -> String {
        let plain = !text.isEmpty && !text.contains(where: { ":#[]{},&*!|>'\"%@`".contains($0) })
            && text.first != " " && text.last != " " && text.first != "-" && text.first != "?"
            && !text.unicodeScalars.contains(where: needsEscape)
        if plain { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where needsEscape(scalar): out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Control characters, and the line and paragraph separators YAML also
    /// reads as line breaks.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}"
    }
}
