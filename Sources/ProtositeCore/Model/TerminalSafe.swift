/// Text from content files shown on a terminal. A protocol (an unknown key,
/// a status value, a dropped raw-HTML snippet, a file name) is written by
/// someone other than the person reading the messages, and an escape
/// sequence in it could rewrite the screen, retitle the window or forge a
/// "built" line. Control characters are shown escaped (`\u{1B}`, `\n`),
/// as a compiler shows them, so every message stays one line of plain text.
public enum TerminalSafe {
    public static func text(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isUnsafe(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides that can make
    /// a line read differently from what it says.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
    }
}
