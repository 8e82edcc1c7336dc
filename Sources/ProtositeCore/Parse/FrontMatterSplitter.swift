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
    /// Reads only as far as the closing fence: the body is handed on whole.
    public static func split(_ text: String, path: String) -> Result<SplitSource, Diagnostic> {
        let utf8 = text.utf8
        var start = utf8.startIndex
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { start = utf8.index(start, offsetBy: 3) }
        guard let firstEnd = lineEnd(utf8, from: start), isFence(utf8[start..<firstEnd]) else {
            return .failure(.error("no front matter: a protocol file starts with a '---' line, then 'title: …' and the other settings, then another '---' line", in: path, line: 1, column: 1))
        }
        let yamlStart = next(utf8, after: firstEnd)
        var cursor = yamlStart
        var line = 2
        while cursor < utf8.endIndex {
            let end = lineEnd(utf8, from: cursor) ?? utf8.endIndex
            let content = utf8[cursor..<end]
            if isFence(content) || isDocumentEnd(content) {
                let yaml = String(text[yamlStart..<cursor])
                let bodyStart = next(utf8, after: end)
                return .success(SplitSource(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]), bodyFirstLine: line + 1))
            }
            cursor = next(utf8, after: end)
            line += 1
        }
        return .failure(.error("the front matter opened on line 1 is never closed: add a '---' line after the settings", in: path, line: 1, column: 1))
    }

    /// The index of the line's `\n` (or the end of the text).
    private static func lineEnd(_ utf8: String.UTF8View, from start: String.Index) -> String.Index? {
        guard start <= utf8.endIndex else { return nil }
        return utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
    }

    private static func next(_ utf8: String.UTF8View, after end: String.Index) -> String.Index {
        end < utf8.endIndex ? utf8.index(after: end) : end
    }

    /// `---` with optional trailing spaces or `\r`.
    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        trimmed(line).elementsEqual("---".utf8)
    }

    /// YAML's `...` also ends the front matter.
    private static func isDocumentEnd(_ line: Substring.UTF8View) -> Bool {
        trimmed(line).elementsEqual("...".utf8)
    }

    private static func trimmed(_ line: Substring.UTF8View) -> Substring.UTF8View {
        var line = line
        while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line = line.dropLast() }
        return line
    }
}
