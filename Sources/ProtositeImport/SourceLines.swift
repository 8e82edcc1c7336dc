/// The lines of an export with their 1-based numbers, cleaned of carriage
/// returns, form feeds (page breaks) and trailing white space.
struct SourceLine {
    var number: Int
    var text: String

    var isBlank: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }
}

enum SourceLines {
    static func split(_ text: String) -> [SourceLine] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                var cleaned = String(line).replacingOccurrences(of: "\u{0C}", with: "")
                while let last = cleaned.last, last == " " || last == "\t" { cleaned.removeLast() }
                return SourceLine(number: index + 1, text: cleaned)
            }
    }
}

import Foundation
