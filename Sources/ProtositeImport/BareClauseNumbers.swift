import Foundation

/// Clause numbers set alone on their line, above the clause they number:
///
///     1
///     The Council is committed to …
///
/// Left alone, `PageFurniture` takes such a `1` for a page number and the
/// document loses every clause. A bare number is a clause number when the
/// text follows it at once (no blank line, no form feed between), starts a
/// sentence, is not set far further in than that text (as a centred page
/// number is), what stands before the number has ended, and the number
/// continues the document's run of such numbers (1, then 2, …). It is
/// written before its text, `1. The Council is …`, which the build reads
/// as clause 1. A page number at a page's end has a blank line or a form
/// feed after it, and stays furniture.
enum BareClauseNumbers {
    /// Clause numbers are short; a longer run of digits is a year or an amount.
    static let maximumDigits = 3
    /// A number set this much further in than its text is centred, as page numbers are.
    static let maximumExtraIndent = 8

    /// The lines with each bare clause number joined to its text: the
    /// text's line reads `N. text` and opens a clause, the number's line
    /// becomes blank (so the clause is a paragraph of its own, and every
    /// line keeps its number for warnings).
    static func join(_ lines: [SourceLine]) -> [SourceLine] {
        var lines = lines
        var expected = 1
        for index in lines.indices.dropLast() {
            guard let number = bareNumber(lines[index].text), number == expected else { continue }
            let next = lines[index + 1]
            guard !next.isBlank, !next.pageBreak else { continue }
            let text = next.text.trimmingCharacters(in: .whitespaces)
            guard text.first?.isUppercase == true, indent(lines[index].text) <= indent(next.text) + maximumExtraIndent else { continue }
            guard index == 0 || lines[index].pageBreak || endsText(lines[index - 1]) else { continue }
            lines[index + 1].text = String(next.text.prefix(indent(next.text))) + "\(number). " + text
            lines[index + 1].opensClause = true
            lines[index].text = ""
            expected += 1
        }
        return lines
    }

    /// The number a line holds and nothing else.
    static func bareNumber(_ raw: String) -> Int? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= maximumDigits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// The line before a clause number has ended what came before: it is
    /// blank, ends a clause, is a heading, or is a page's furniture. A page
    /// number inside a sentence (`… the advice of the` / `2` / `Tree
    /// Warden …`) has text before it that runs on.
    private static func endsText(_ line: SourceLine) -> Bool {
        if line.isBlank { return true }
        let text = line.text.trimmingCharacters(in: .whitespaces)
        return TextImporter.endsClause(text) || TextImporter.isLikelyHeading(text)
            || PageFurniture.pageNumber(line.text) != nil || PageFooter.split(line.text) != nil
    }

    private static func indent(_ text: String) -> Int {
        text.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
    }
}
