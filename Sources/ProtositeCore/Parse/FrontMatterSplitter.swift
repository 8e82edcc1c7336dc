/// Separates the YAML front matter between the opening `---` lines from the
/// Markdown body, keeping the line numbers that tie each back to the file.
public struct SplitSource: Sendable, Equatable {
    /// The YAML text between the `---` lines.
    public var yaml: String
    /// The file line of the YAML's first line (2 when the file opens with `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// The file line of the body's first line.
    public var bodyFirstLine: Int
}

public enum FrontMatterSplitter {
    public static func split(_ text: String, path: String) -> Result<SplitSource, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        func isFence(_ line: Substring) -> Bool {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            return trimmed.trimmingTrailingSpaces() == "---"
        }
        guard let first = lines.first, isFence(first) else {
            return .failure(.error("no front matter: a protocol file starts with a '---' line, then 'title: …' and the other settings, then another '---' line", in: path, line: 1, column: 1))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0].trimmingTrailingSpaces() == "..." }) else {
            return .failure(.error("the front matter opened on line 1 is never closed: add a '---' line after the settings", in: path, line: 1, column: 1))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(SplitSource(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
