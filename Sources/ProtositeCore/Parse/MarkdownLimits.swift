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
        var body = body
        // One pass over contiguous bytes: every build runs this over every file.
        return body.withUTF8 { check(bytes: $0) }
    }

    private static func check(bytes body: UnsafeBufferPointer<UInt8>) -> Refusal? {
        var blockStart = 1
        var brackets = 0, openers = 0
        var previousBlank = true
        var table: (columns: Int, line: Int, rows: Int)?
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= body.count {
            // The line's end, whether it is blank, and its '[' and '<?'/'<!',
            // found in one pass over its bytes.
            var lineEnd = lineStart
            var blank = true
            var lineBrackets = 0, lineOpeners = 0
            var last: UInt8 = 0
            while lineEnd < body.count {
                let byte = body[lineEnd]
                if byte == 0x0A { break }
                if byte != 0x20 && byte != 0x09 && byte != 0x0D { blank = false }
                if byte == UInt8(ascii: "[") { lineBrackets += 1 }
                if last == UInt8(ascii: "<"), byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") { lineOpeners += 1 }
                last = byte
                lineEnd += 1
            }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: body[lineStart..<lineEnd])
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
            } else if !previousBlank, let columns = delimiterRowColumns(line) {
                if columns > maximumColumns {
                    return Refusal(message: "this table has \(columns) columns; tables of up to \(maximumColumns) are built", line: lineNumber)
                }
                table = (columns, lineNumber, 1)
            }
            previousBlank = false
            brackets += lineBrackets
            openers += lineOpeners
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
    static func delimiterRowColumns(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
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
        // Cells between pipes that hold a dash; a leading and a trailing `|` do not make columns.
        var columns = 0, cellHasDash = false
        for byte in line {
            if byte == UInt8(ascii: "|") {
                if cellHasDash { columns += 1 }
                cellHasDash = false
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") {
                cellHasDash = true
            }
        }
        return columns + (cellHasDash ? 1 : 0)
    }
}
