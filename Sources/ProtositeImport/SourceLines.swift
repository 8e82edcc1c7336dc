import Foundation

/// The lines of an export with their 1-based numbers, cleaned of carriage
/// returns, form feeds (page breaks) and trailing white space.
struct SourceLine {
    var number: Int
    var text: String
    /// The line began a new page (a form feed stood in it).
    var pageBreak = false
    /// The line opens a clause whose number stood alone on the line above
    /// (`BareClauseNumbers`): a paragraph of its own, never a heading.
    var opensClause = false

    var isBlank: Bool { text.unicodeScalars.allSatisfy { CharacterSet.whitespaces.contains($0) } }
}

enum SourceLines {
    static func split(_ text: String) -> [SourceLine] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                let pageBreak = line.contains("\u{0C}")
                var cleaned = pageBreak ? line.replacingOccurrences(of: "\u{0C}", with: "") : String(line)
                while let last = cleaned.last, last == " " || last == "\t" { cleaned.removeLast() }
                return SourceLine(number: index + 1, text: cleaned, pageBreak: pageBreak)
            }
    }
}
