import Foundation

/// Inputs that the system cmark-gfm (Debian's 0.29.0.gfm.6) handles in
/// quadratic time or memory, refused before it sees them. Upstream fixed
/// them later (CVE-2023-37463 tables; CVE-2023-22483/22484/22486 bracket
/// and raw-HTML scanning), but protosite must use the system library, so
/// the body is scanned line by line first, in one linear pass.
///
/// Measured with the debug build before this check: a 6 KB table whose
/// header has 1,000 columns took 12 s and 430 MB; 40,000 `![[]()` in one
/// paragraph 9 s; 20,000 `<![CDATA[` 4.6 s. Real protocols stay far below
/// every limit: tables of a few columns, a few links per paragraph.
enum MarkdownLimits {
    /// Columns of one table: GFM pads every row to the header's width, so
    /// width times rows is what costs.
    static let maximumColumns = 100
    /// Cells of one table, padding included.
    static let maximumCells = 200_000
    /// `[` in one block (lines between blank lines): each unmatched opener
    /// is searched again at every `]`.
    static let maximumBrackets = 2_000
    /// `<?` and `<!` in one block: each unclosed one is scanned to the end.
    static let maximumHTMLOpeners = 1_000

    /// A refused input, at its 1-based line of the body.
    struct Refusal: Equatable {
        var message: String
        var line: Int
    }

    static func check(_ body: String) -> Refusal? {
        var blockStart = 1
        var brackets = 0, openers = 0
        var previousBlank = true
        var table: (columns: Int, line: Int, rows: Int)?
        var lineNumber = 0
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = line.utf8
            let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if blank {
                blockStart = lineNumber + 1
                brackets = 0
                openers = 0
                table = nil
                previousBlank = true
                continue
            }
            if var open = table {
                open.rows += 1
                table = open
                if open.columns * open.rows > maximumCells {
                    return Refusal(message: "this table of \(open.columns) columns has more than \(maximumCells) cells; split it into smaller tables", line: open.line)
                }
            } else if !previousBlank, let columns = delimiterRowColumns(bytes) {
                if columns > maximumColumns {
                    return Refusal(message: "this table has \(columns) columns; tables of up to \(maximumColumns) are built", line: lineNumber)
                }
                table = (columns, lineNumber, 1)
            }
            previousBlank = false
            var last: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "[") { brackets += 1 }
                if last == UInt8(ascii: "<"), byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") { openers += 1 }
                last = byte
            }
            if brackets > maximumBrackets {
                return Refusal(message: "more than \(maximumBrackets) '[' in one paragraph (links nested or left open); split it with blank lines or write \\[", line: blockStart)
            }
            if openers > maximumHTMLOpeners {
                return Refusal(message: "more than \(maximumHTMLOpeners) '<?' or '<!' in one paragraph; split it with blank lines or write &lt;", line: blockStart)
            }
        }
        return nil
    }

    /// The number of columns when `line` is a table's delimiter row
    /// (`|---|:--:|`, `-|-`), else nil.
    static func delimiterRowColumns(_ line: Substring.UTF8View) -> Int? {
        var pipes = 0, dashes = 0
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: ":"), 0x20, 0x09, 0x0D: continue
            default: return nil
            }
        }
        guard pipes > 0, dashes > 0 else { return nil }
        let cells = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            .split(separator: "|", omittingEmptySubsequences: false)
        // A leading and a trailing `|` do not make columns.
        return cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
    }
}
