/// Front-matter values as the importer writes them: plain when YAML would
/// read them back unchanged, double-quoted (with `\\` and `"` escaped) when not.
enum YAMLScalar {
    static func quote(_ text: String) -> String {
        let plain = !text.isEmpty && !text.contains(where: { ":#[]{},&*!|>'\"%@`".contains($0) }) && text.first != " " && text.first != "-"
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
