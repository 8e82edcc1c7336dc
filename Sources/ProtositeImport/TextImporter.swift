import Foundation

/// Reads a plain-text export line by line and writes protocol Markdown.
/// In order: page furniture goes (`PageFurniture`); adoption and review
/// lines become front matter (`MetadataExtractor`); the opening lines give
/// the title and council (`OpeningLines`); the contents list goes
/// (`ContentsList`), its entries marking the headings; signature blocks
/// go (`SignatureBlock`); the rest becomes
/// blocks — headings, clause paragraphs, one paragraph per sub-clause label
/// (`LabelSplitter`), bullets, footnotes — and the file is read back with
/// the build's parser until it builds (`BuildCheck`).
struct TextImporter {
    /// Every line of the source, page furniture included.
    let allLines: [SourceLine]
    /// The lines without page furniture: the document.
    let lines: [SourceLine]
    let fileName: String
    private var warnings: [ImportWarning] = []

    init(_ text: String, fileName: String = "imported.md") {
        allLines = BareClauseNumbers.join(SourceLines.split(text))
        let furniture = PageFurniture.remove(from: allLines)
        lines = furniture.lines
        warnings = furniture.warnings
        self.fileName = fileName
    }

    mutating func run() -> ImportResult {
        // A footer such as "Adopted May 2023 · Review May 2026" on every page is
        // furniture, and still says when the document was adopted.
        let metadata = MetadataExtractor.extract(allLines)
        warnings += metadata.warnings
        var consumed = metadata.consumed
        let signatures = SignatureBlock.find(in: lines, skipping: consumed)
        consumed.formUnion(signatures.consumed)
        warnings += signatures.warnings
        let opening = OpeningLines.read(lines, skipping: consumed)
        consumed.formUnion(opening.consumed)
        warnings += opening.warnings
        let contents = ContentsList.find(in: lines, from: opening.end, skipping: consumed)
        consumed.formUnion(contents.consumed)
        warnings += contents.warnings
        var footnotes: [MarkdownBlock] = []
        for line in lines where !consumed.contains(line.number) {
            if let (label, text) = InlineText.footnoteDefinition(line.text) {
                footnotes.append(MarkdownBlock(kind: .footnote(label: label), text: InlineText.inline(text), line: line.number))
                consumed.insert(line.number)
            }
        }
        var blocks = bodyBlocks(consumed: consumed, consumedCells: metadata.consumedCells, contents: contents.headings) + footnotes

        let title = opening.title
        var fields = ImportedFrontMatter.fields(title: title, titleLine: opening.consumed.min() ?? 0, council: opening.council, metadata: metadata)
        if title == nil {
            warnings.append(ImportWarning(line: 1, column: 1, message: "no title found in the opening lines; set 'title:' in the front matter"))
        }
        let markdown = BuildCheck.settle(fields: &fields, blocks: &blocks, fileName: fileName, warnings: &warnings)
        return ImportResult(markdown: markdown, warnings: warnings.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    // MARK: - Body

    /// A paragraph being gathered from its lines.
    private struct OpenParagraph {
        var pieces: [String] = []
        var line = 0
        /// The last source text added, to tell whether it ended a clause.
        var lastText = ""
        /// It opened with a sub-clause label (`(c) …`).
        var labelled = false
        /// The length of the source line it last took text from, as written.
        var lastLineLength = 0
        /// Its lines with a tab stop's gap inside their text, as a table's rows have.
        var gappedLines: [Int] = []
    }

    private mutating func bodyBlocks(consumed: Set<Int>, consumedCells: [Int: Set<String>], contents: [String: Int]) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var open = OpenParagraph()
        /// A label alone on its line waits for its text on the next.
        var pendingLabel: (label: ExportLabel, line: Int)?
        /// Paragraphs that look like tables no column could be read from.
        var unreadTables: [ImportWarning] = []
        func flush() {
            if !open.pieces.isEmpty {
                blocks.append(MarkdownBlock(kind: .paragraph, text: open.pieces.joined(separator: " "), line: open.line))
            }
            if open.gappedLines.count >= Self.gappedLinesOfATable, let first = open.gappedLines.first, let last = open.gappedLines.last {
                unreadTables.append(ImportWarning(line: first, column: 1, message: "lines \(first)–\(last) look like a table whose columns could not be told apart (some are a single space apart); they are written as one paragraph: check them, or write a Markdown table"))
            }
            open = OpenParagraph()
        }
        func flushLabel() {
            if let pending = pendingLabel {
                blocks.append(MarkdownBlock(kind: .paragraph, text: pending.label.written, line: pending.line))
                pendingLabel = nil
            }
        }
        /// Starts a paragraph with `lead` (a label or number as written) and its text.
        func start(_ lead: String?, _ text: Substring, line: Int) {
            flush()
            var body = InlineText.inline(String(text))
            if let lead { body = body.isEmpty ? lead : lead + " " + body } else { body = InlineText.escapeStart(body) }
            open.pieces = [body]
            open.line = line
            open.lastText = String(text)
        }
        func add(_ text: Substring, line: Int) {
            if let pending = pendingLabel {
                pendingLabel = nil
                start(pending.label.written, text, line: pending.line)
                open.labelled = true
            } else if open.pieces.isEmpty {
                start(nil, text, line: line)
            } else {
                // A line wrapped by a narrow column or a page break: rejoin it.
                open.pieces.append(InlineText.inline(String(text)))
                open.lastText = String(text)
            }
        }

        let body = lines.filter { !consumed.contains($0.number) }
        let wrapWidth = LineWrap.width(of: body)
        /// One line per paragraph, as Word's plain text keeps them.
        let unwrapped = LineWrap.isUnwrapped(body)
        let detailCells = body.map { DetailsBlock.detailCells($0.text) }
        /// The last single-letter label met, so that `o` after `n` is read
        /// as a letter and not as the `o` bullet PDF exports draw.
        var lastLetter: Character?
        /// The name line of a two-line heading, already written with it.
        var joinedToHeading: Int?
        /// The position after a table or details block, whose lines are written already.
        var writtenThrough = 0
        for (position, line) in body.enumerated() {
            if line.number == joinedToHeading || position < writtenThrough { continue }
            if line.isBlank {
                if pendingLabel == nil { flush() }
                continue
            }
            let raw = line.text
            let text = raw.trimmingCharacters(in: .whitespaces)
            let previousBlank = position == 0 || body[position - 1].isBlank || body[position - 1].number != line.number - 1
            let nextBlank = position + 1 >= body.count || body[position + 1].isBlank
            // In an export of one line per paragraph a line break ends the
            // paragraph, unless the next line carries a cut sentence on.
            let startsParagraph = previousBlank || (unwrapped && !LineWrap.continues(body[position - 1].text, into: raw))
            let endsParagraph = nextBlank || (unwrapped && !LineWrap.continues(raw, into: body[position + 1].text))
            let alone = (unwrapped && bullet(raw) == nil ? startsParagraph && endsParagraph : previousBlank && nextBlank) && pendingLabel == nil
            if unwrapped, !previousBlank, startsParagraph, pendingLabel == nil {
                flushLabel()
                flush()
            }
            // `1` over `The Council is …`: the clause starts here, whatever
            // came before, and a short clause without a full stop is still a
            // clause, not a numbered heading. (`1` over `INTRODUCTION` is one.)
            let opensClause = line.opensClause && !InlineText.isAllCaps(text)
            if opensClause {
                flushLabel()
                flush()
            }
            // A new clause or label starts where the text before has ended one.
            let mayStart = open.pieces.isEmpty || Self.endsClause(open.lastText)

            let next = position + 1 < body.count ? body[position + 1].text.trimmingCharacters(in: .whitespaces) : nil
            // `PART 1` over `INTRODUCTION`: one heading of the two lines
            // (where a sentence has ended, a page or a paragraph begun:
            // `… in` / `Part 2` / `Councillors` is a sentence wrapped).
            if !opensClause, mayStart || previousBlank || line.pageBreak, pendingLabel == nil, let next, !nextBlank, body[position + 1].number == line.number + 1, !body[position + 1].opensClause,
               let division = DivisionHeading.text(label: text, name: next) {
                flush()
                let name = next.trimmingCharacters(in: .whitespaces)
                blocks.append(divisionHeading(division, label: text.trimmingCharacters(in: .whitespaces), name: name, following: body[(position + 2)...], line: line.number))
                joinedToHeading = body[position + 1].number
                continue
            }
            // `SECTION 1 – GENERAL` with its first clause on the very next line
            // (`Part 2 – The Council may delegate its` over `functions …` is
            // a sentence the export wrapped).
            if !opensClause, mayStart || previousBlank || line.pageBreak, pendingLabel == nil, nextBlank || !LineWrap.continues(raw, into: body[position + 1].text),
               let division = DivisionHeading.oneLine(text) {
                flush()
                blocks.append(divisionHeading(text, label: division.label, name: division.name, following: body[(position + 1)...], line: line.number))
                continue
            }
            // `Stage      Time allowed` over rows in the same columns: a table.
            if !opensClause, mayStart || previousBlank || line.pageBreak, pendingLabel == nil, let table = ColumnTable.read(body, at: position) {
                flush()
                blocks.append(MarkdownBlock(kind: .paragraph, text: table.markdown { InlineText.inline($0).replacingOccurrences(of: "|", with: "\\|") }, line: line.number))
                writtenThrough = position + table.lineCount
                continue
            }
            // `Minute reference: 24/031      Version: 2.0`: a paragraph a cell,
            // but for the cells read into front matter.
            if !opensClause, mayStart || previousBlank || line.pageBreak, pendingLabel == nil, let details = DetailsBlock.read(body, cells: detailCells, at: position) {
                flush()
                for cell in details.cells where consumedCells[cell.line]?.contains(cell.text) != true {
                    blocks.append(MarkdownBlock(kind: .paragraph, text: InlineText.escapeStart(InlineText.inline(cell.text)), line: cell.line))
                }
                writtenThrough = position + details.lineCount
                continue
            }
            if !opensClause, let heading = heading(text, alone: alone, afterEnd: mayStart && pendingLabel == nil, next: next, contents: contents, line: line.number) {
                flushLabel()
                flush()
                blocks.append(heading)
                continue
            }
            if let item = bullet(raw), !Self.continuesLetters(text, after: lastLetter) {
                flushLabel()
                flush()
                blocks.append(MarkdownBlock(kind: .bullet(indent: item.indent), text: InlineText.inline(item.text), line: line.number))
                continue
            }
            let pieces = LabelSplitter.split(text)
            for (index, piece) in pieces.enumerated() {
                // A label set off by a tab stop's gap starts a rule even after a line
                // without a full stop (a sub-heading such as "Full Council meetings").
                if let (label, rest, gap) = ExportLabel.leading(in: piece), index > 0 || mayStart || pendingLabel != nil || (gap >= 3 && !rest.isEmpty) {
                    if let letter = label.core.first, label.core.count == 1, letter.isLetter, Self.follows(letter, lastLetter) { lastLetter = letter }
                    flushLabel()
                    if rest.isEmpty {
                        flush()
                        pendingLabel = (label, line.number)
                    } else {
                        start(label.written, rest, line: line.number)
                        open.labelled = true
                    }
                } else if let (number, rest) = Self.leadingNumber(String(piece)), number.split(separator: ".").count >= 2, index > 0 || mayStart {
                    // `5.1  The council's …`: a clause paragraph, its gap closed.
                    flushLabel()
                    start(number, Substring(rest), line: line.number)
                } else if index == 0, Self.leadingNumber(text) != nil, text.first?.isNumber == true, mayStart, !open.pieces.isEmpty {
                    // `1. text` after a finished sentence: a numbered item of its own.
                    flushLabel()
                    start(nil, piece, line: line.number)
                } else if !piece.isEmpty {
                    // `(c) item three.` then `The sentence after the list`: an item
                    // of one line that ends in a full stop where the next word
                    // would still have fitted has ended, so the capitalised line
                    // after it is a paragraph of its own. A long item's line runs
                    // to the width and its next sentence still joins it.
                    if index == 0, open.labelled, open.pieces.count == 1, open.lastText.hasSuffix("."), piece.first?.isUppercase == true,
                       let wrapWidth, LineWrap.endedEarly(length: open.lastLineLength, before: piece, width: wrapWidth) {
                        flush()
                    }
                    add(piece, line: line.number)
                }
            }
            if !open.pieces.isEmpty {
                open.lastLineLength = raw.count
                if pieces.contains(where: Self.hasInnerGap) { open.gappedLines.append(line.number) }
            }
        }
        flushLabel()
        flush()
        warnings += unreadTables
        return blocks
    }

    /// Lines with gaps inside them that make a paragraph look like a table.
    static let gappedLinesOfATable = 2

    /// A tab stop's gap (three spaces or a tab) inside a piece of text,
    /// after its leading label or number: a table's columns, not prose.
    static func hasInnerGap(_ piece: Substring) -> Bool {
        var text = piece.drop { $0 == " " || $0 == "\t" }
        if let (_, rest, _) = ExportLabel.leading(in: text) {
            text = rest
        } else if let (number, _) = leadingNumber(String(text)) {
            text = text.dropFirst(number.count).drop { $0 == " " || $0 == "\t" }
        }
        return text.trimmingCharacters(in: .whitespaces).contains("   ") || text.trimmingCharacters(in: .whitespaces).contains("\t")
    }

    /// A part's or section's heading as written (`PART 1: INTRODUCTION`), or,
    /// for a section whose clauses carry its number, that clause (`4. BUDGET`),
    /// with a warning, since the words change.
    private mutating func divisionHeading(_ text: String, label: String, name: String, following: ArraySlice<SourceLine>, line: Int) -> MarkdownBlock {
        let written = Self.headingText(text)
        guard let clause = DivisionHeading.clauseHeading(label: label, name: name, following: following.map(\.text)) else {
            return MarkdownBlock(kind: .heading(level: 2), text: written, line: line)
        }
        let heading = Self.headingText(clause)
        let number = heading.prefix { $0 != "." }
        warnings.append(ImportWarning(line: line, column: 1, message: "'\(written)' written '\(heading)' so that it is clause \(number), over its clauses \(number).1 …, and 'section \(number)' links to it"))
        return MarkdownBlock(kind: .heading(level: 2), text: heading, line: line)
    }

    /// A heading line: numbered (`1. RULES OF DEBATE`, `2.0 THE ROLE`),
    /// named in the contents list, or a short capitalised line standing
    /// alone in a document with no contents list.
    private mutating func heading(_ text: String, alone: Bool, afterEnd: Bool, next: String?, contents: [String: Int], line: Int) -> MarkdownBlock? {
        // A heading the contents list names, even with its text on the very
        // next line (`Introduction`, then the introduction).
        if !alone, afterEnd, !contents.isEmpty, let level = contents[ContentsList.key(text)], text.split(separator: " ").count <= 12 {
            return MarkdownBlock(kind: .heading(level: level), text: Self.headingText(text), line: line)
        }
        // `1.    RULES OF DEBATE AT MEETINGS` with its first rule on the very
        // next line, as PDF exports set model standing orders: a numbered
        // line in capitals after a finished sentence is a heading too; so is
        // `3. Interests` when the next line is its clause `3.1`.
        if !alone, afterEnd, let (number, rest) = Self.leadingNumber(text), number.split(separator: ".").filter({ !$0.isEmpty }).count == 1,
           !rest.isEmpty, rest.split(separator: " ").count <= 12, !Self.endsLikeSentence(rest), !rest.hasSuffix(":"), !rest.hasSuffix("—") {
            let first = number.split(separator: ".").first.map(String.init) ?? number
            let opensItsClauses = next.map { $0.hasPrefix(first + ".") && $0.dropFirst(first.count + 1).first?.isNumber == true } ?? false
            if InlineText.isAllCaps(rest) || (opensItsClauses && rest.split(separator: " ").count <= 8) {
                return MarkdownBlock(kind: .heading(level: 2), text: Self.headingText(text), line: line)
            }
        }
        guard alone else { return nil }
        if let (number, rest) = Self.leadingNumber(text) {
            let parts = number.split(separator: ".").filter { !$0.isEmpty }
            let words = rest.split(separator: " ").count
            if !rest.isEmpty, words <= 12, !Self.endsLikeSentence(rest), parts.count == 1 || (parts.count == 2 && parts[1] == "0") {
                return MarkdownBlock(kind: .heading(level: 2), text: Self.headingText(text), line: line)
            }
            if parts.count == 2, !rest.isEmpty, words <= 8, !Self.endsLikeSentence(rest), !rest.hasSuffix(":") {
                warnings.append(ImportWarning(line: line, column: 1, message: "'\(text)' read as a numbered sub-heading; make it a paragraph if it is a clause"))
                return MarkdownBlock(kind: .heading(level: 3), text: Self.headingText(text), line: line)
            }
            return nil
        }
        if ExportLabel.leading(in: Substring(text)) != nil { return nil }
        if let level = contents[ContentsList.key(text)] {
            return MarkdownBlock(kind: .heading(level: level), text: Self.headingText(text), line: line)
        }
        if contents.isEmpty, !text.hasPrefix("-"), Self.isLikelyHeading(text) {
            warnings.append(ImportWarning(line: line, column: 1, message: "'\(text)' read as a heading"))
            return MarkdownBlock(kind: .heading(level: 2), text: Self.headingText(text), line: line)
        }
        return nil
    }

    /// True when `letter` starts or carries on a run of letter labels (`a`,
    /// or the letter after the last one), as roman `i`, `v` under `n` do not.
    static func follows(_ letter: Character, _ last: Character?) -> Bool {
        let lower = Character(letter.lowercased())
        guard let last else { return lower == "a" }
        guard let code = last.lowercased().unicodeScalars.first?.value, let next = Unicode.Scalar(code + 1) else { return false }
        return lower == "a" || lower == Character(next)
    }

    /// `o     During the debate…` right after rule `n`: the next letter, not a bullet.
    static func continuesLetters(_ text: String, after last: Character?) -> Bool {
        guard let last, let first = text.first, first == "o" || first == "O" else { return false }
        return last == (first == "o" ? "n" : "N")
    }

    /// A heading's text with the export's tab-stop gaps closed (`1.    GENERAL` → `1. GENERAL`).
    static func headingText(_ text: String) -> String {
        InlineText.inline(text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " "))
    }

    /// The text so far ends a clause: a full stop, colon or semicolon, or
    /// the `and` / `or` that ends an item of a list.
    static func endsClause(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last else { return true }
        // `You must—`: statutory codes (the Welsh model code among them)
        // introduce their lettered list with a dash, not a colon.
        if ".:;!?—–".contains(last) { return true }
        if "\"'”’)".contains(last), let before = trimmed.dropLast().last, ".:;!?".contains(before) { return true }
        let lastWord = trimmed.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return lastWord == "and" || lastWord == "or"
    }

    /// `1.`, `2.0`, `2.1`, `1.1.` at the start, and the text after it; also
    /// `7.—(1)`, a clause whose text opens with its first sub-clause (the
    /// text after it then starts with the dash, which the build reads).
    static func leadingNumber(_ text: String) -> (String, String)? {
        var body = Substring(text)
        if body.hasPrefix("- ") { return nil }
        var number = ""
        while let first = body.first, first.isASCII, first.isNumber || first == "." {
            number.append(first)
            body = body.dropFirst()
            if number.count > 24 { return nil }
        }
        guard !number.isEmpty, number.first!.isNumber, let next = body.first else { return nil }
        let dashed = number.hasSuffix(".") && (next == "—" || next == "–") && body.dropFirst().first == "("
        guard next == " " || next == "\t" || dashed else { return nil }
        guard number.split(separator: ".").allSatisfy({ $0.count <= 3 }) else { return nil }
        return (number, body.trimmingCharacters(in: .whitespaces))
    }

    static func endsLikeSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".;,".contains(last)
    }

    private func bullet(_ raw: String) -> (indent: String, text: String)? {
        let leading = raw.prefix { $0 == " " || $0 == "\t" }
        let rest = raw.dropFirst(leading.count)
        for marker in ["• ", "· ", "▪ ", "◦ ", "- ", "o ", "* "] where rest.hasPrefix(marker) {
            if marker == "o ", rest.count < 4 { continue }
            let text = rest.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            return (leading.isEmpty ? "" : "  ", text)
        }
        return nil
    }

    /// ALL CAPS, or a short line of capitalised words with no full stop.
    static func isLikelyHeading(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count <= 10, !Self.endsLikeSentence(text), !text.hasSuffix(":"), text.first?.isUppercase == true else { return false }
        if InlineText.isAllCaps(text) { return true }
        return words.count <= 8 && words.allSatisfy { InlineText.minorWords.contains($0.lowercased()) || $0.first?.isUppercase == true || !($0.first?.isLetter ?? false) }
    }
}
