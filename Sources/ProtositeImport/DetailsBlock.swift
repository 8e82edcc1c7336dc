import Foundation

/// A document's details set as a small table of `Label: value` cells,
/// two to a line,
///
///     Minute reference: 24/031               Version: 2.0
///     Responsible officer: Town Clerk
///
/// Read as prose the cells would run together into one paragraph; each
/// is a paragraph of its own. A run of such lines counts only when one
/// of them has two cells or more (a tab stop's gap apart), so a single
/// `Note: …` line stays a sentence.
enum DetailsBlock {
    /// A label is a few capitalised words.
    static let maximumLabelWords = 4

    /// The cells of the run of detail lines starting at `lines[start]`,
    /// with their source line numbers, and how many lines it takes.
    static func read(_ lines: [SourceLine], at start: Int) -> (cells: [(line: Int, text: String)], lineCount: Int)? {
        var cells: [(line: Int, text: String)] = []
        var index = start
        var wide = false
        while index < lines.count, !lines[index].isBlank, index == start || !lines[index].pageBreak {
            guard let found = detailCells(lines[index].text) else { break }
            wide = wide || found.count >= 2
            cells += found.map { (lines[index].number, $0) }
            index += 1
        }
        guard wide else { return nil }
        return (cells, index - start)
    }

    /// Every cell of the line is `Label: value`.
    static func detailCells(_ text: String) -> [String]? {
        let cells = ColumnTable.cells(text.replacingOccurrences(of: "\t", with: "   "), tabbed: false).map(\.text)
        guard !cells.isEmpty, cells.allSatisfy(isDetail) else { return nil }
        return cells
    }

    /// `Minute reference: 24/031`: a short label of words, a colon, a value.
    static func isDetail(_ cell: String) -> Bool {
        guard let colon = cell.firstIndex(of: ":") else { return false }
        let label = cell[..<colon]
        let value = cell[cell.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let words = label.split(separator: " ")
        guard !value.isEmpty, !words.isEmpty, words.count <= maximumLabelWords, label.first?.isUppercase == true else { return false }
        return words.allSatisfy { $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }
    }
}
