import Foundation

/// A table an export set in columns, one row a line:
///
///     Stage                                   Time allowed
///     Acknowledgement of complaint            5 working days
///     Informal resolution by the Clerk        20 working days
///
/// PDF exports set the columns apart with runs of spaces, Word's plain
/// text with tabs. A table opens with a header of short names (two or
/// more, none a sentence, the first no clause number or label) and has
/// at least `minimumRows` rows of two or more cells, each cell starting
/// under a header's column (a line whose cells start only under the later
/// columns carries on the row above, as a wrapped cell does). A clause
/// set with a hanging indent (`1.1    The Council …` over its wrapped
/// text) opens with a number, and a lettered list with labels, so
/// neither is read as a table.
struct ColumnTable {
    var header: [String]
    var rows: [[String]]
    /// How many lines, from the first, it takes.
    var lineCount: Int

    static let minimumRows = 2
    /// Spaces that part two cells of a PDF's table (one is a word space).
    static let minimumGap = 2
    /// A header's names are short.
    static let maximumHeaderWords = 5
    /// A cell may start this many characters off its header's column.
    static let alignmentSlack = 2

    /// The table whose header is `lines[start]`, if one is there, with at
    /// least `minimumRows` rows (a version table may have one).
    static func read(_ lines: [SourceLine], at start: Int, minimumRows: Int = minimumRows) -> ColumnTable? {
        guard start < lines.count, !lines[start].isBlank else { return nil }
        let tabbed = lines[start].text.contains("\t")
        let columns = cells(lines[start].text, tabbed: tabbed)
        guard columns.count >= 2, isHeader(columns.map(\.text)) else { return nil }
        var table = ColumnTable(header: columns.map(\.text), rows: [], lineCount: 1)
        var index = start + 1
        while index < lines.count, !lines[index].isBlank, !lines[index].pageBreak, lines[index].text.contains("\t") == tabbed {
            let found = cells(lines[index].text, tabbed: tabbed)
            // Each cell under its header's column, in order.
            var placed: [(column: Int, text: String)] = []
            for cell in found {
                let column = tabbed ? placed.count : (columns.lastIndex { $0.start <= cell.start + alignmentSlack } ?? -1)
                let previous = placed.last?.column ?? -1
                guard (0..<columns.count).contains(column), column > previous else { placed = []; break }
                placed.append((column, cell.text))
            }
            guard let first = placed.first else { break }
            if first.column == 0 || tabbed {
                guard placed.count >= 2 || tabbed else { break }
                var row = Array(repeating: "", count: columns.count)
                for cell in placed { row[cell.column] = cell.text }
                table.rows.append(row)
            } else {
                // A wrapped cell's next line.
                guard !table.rows.isEmpty else { break }
                for cell in placed { table.rows[table.rows.count - 1][cell.column] += (table.rows[table.rows.count - 1][cell.column].isEmpty ? "" : " ") + cell.text }
            }
            index += 1
            table.lineCount += 1
        }
        guard table.rows.count >= minimumRows else { return nil }
        return table
    }

    /// The cells of a line whose columns a wide gap parts, tabs counted as
    /// such a gap: the details, signature and role lines read their cells so.
    static func gapCells(_ text: String) -> [String] {
        cells(text.replacingOccurrences(of: "\t", with: "   "), tabbed: false).map(\.text)
    }

    /// The cells of a line and the column each starts at: split at tabs,
    /// or at runs of `minimumGap` spaces or more.
    static func cells(_ text: String, tabbed: Bool) -> [(start: Int, text: String)] {
        if tabbed {
            return text.split(separator: "\t", omittingEmptySubsequences: false).map { (0, $0.trimmingCharacters(in: .whitespaces)) }
        }
        var found: [(start: Int, text: String)] = []
        var current = ""
        var currentStart = 0
        var spaces = 0
        for (offset, character) in text.enumerated() {
            if character == " " {
                spaces += 1
                continue
            }
            if !current.isEmpty, spaces >= minimumGap {
                found.append((currentStart, current))
                current = ""
            } else if !current.isEmpty, spaces > 0 {
                current += String(repeating: " ", count: spaces)
            }
            if current.isEmpty { currentStart = offset }
            current.append(character)
            spaces = 0
        }
        if !current.isEmpty { found.append((currentStart, current)) }
        return found
    }

    /// Short names, none ending like a sentence; the first no clause number or label.
    static func isHeader(_ names: [String]) -> Bool {
        guard let first = names.first, TextImporter.leadingNumber(first + " ") == nil, ExportLabel.leading(in: Substring(first + " ")) == nil,
              PageFurniture.pageNumber(names.joined(separator: " ")) == nil else { return false }
        return names.allSatisfy { name in
            name.contains(where: \.isLetter) && name.split(separator: " ").count <= maximumHeaderWords && !TextImporter.endsLikeSentence(name) && !name.hasSuffix(":")
        }
    }

    /// The table as Markdown (GitHub's tables), its cells written as `cell` gives them.
    func markdown(_ cell: (String) -> String) -> String {
        Self.markdown([header.map(cell)] + rows.map { $0.map(cell) })
    }

    /// Rows of Markdown cells (the first the header) as a GitHub table,
    /// every row padded to the widest.
    static func markdown(_ rows: [[String]]) -> String {
        guard let header = rows.first, !header.isEmpty else { return "" }
        let width = rows.map(\.count).max() ?? header.count
        func line(_ cells: [String]) -> String {
            "| " + (cells + Array(repeating: "", count: max(0, width - cells.count))).joined(separator: " | ") + " |"
        }
        return ([line(header), "|" + Array(repeating: "---|", count: width).joined()] + rows.dropFirst().map(line)).joined(separator: "\n")
    }
}
