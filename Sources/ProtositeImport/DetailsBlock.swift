import Foundation

/// A document's details set as a small table of `Label: value` cells,
/// two to a line,
///
///     Minute reference: 24/031               Version: 2.0
///     Responsible officer: Town Clerk
///
/// Read as prose the cells would run together into one paragraph; each
/// is a paragraph of its own. A run of such lines counts only when one
/// of them is set in columns, two cells or a label and its value a tab
/// stop's gap apart (`Owner:        Town Clerk`), so a single `Note: …`
/// line stays a sentence.
enum DetailsBlock {
    /// A label is a few capitalised words.
    static let maximumLabelWords = 4
    /// A document's details take a few lines; a longer run is read no
    /// further, so that every line of a long list is not read again from
    /// each line before it.
    static let maximumLines = 12

    /// The cells of the run of detail lines starting at `lines[start]`,
    /// with their source line numbers, and how many lines it takes;
    /// `cells[i]` is `detailCells` of `lines[i]`, read once for all.
    static func read(_ lines: [SourceLine], cells: [[String]?], at start: Int) -> (cells: [(line: Int, text: String)], lineCount: Int)? {
        var found: [(line: Int, text: String)] = []
        var index = start
        var wide = false
        while index < lines.count, index - start < maximumLines, index == start || !lines[index].pageBreak, let line = cells[index] {
            // Two cells on a line, or a label and its value a tab stop apart
            // (`Owner:        Town Clerk`): set as a table, not as prose.
            wide = wide || line.count >= 2 || ColumnTable.gapCells(lines[index].text).count > line.count
            found += line.map { (lines[index].number, $0) }
            index += 1
        }
        guard wide else { return nil }
        return (found, index - start)
    }

    /// Every cell of the line is `Label: value`.
    static func detailCells(_ text: String) -> [String]? {
        guard text.contains(":") else { return nil }
        var cells: [String] = []
        // A label whose value stands a tab stop after it is one cell with it.
        for cell in ColumnTable.gapCells(text) {
            if let last = cells.last, last.hasSuffix(":") {
                cells[cells.count - 1] = last + " " + cell
            } else {
                cells.append(cell)
            }
        }
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
