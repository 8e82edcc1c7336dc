import Foundation

/// Word documents to protocol Markdown: the Title style and heading
/// styles, Word's automatic numbering (`WordParagraphNumbers`: the label
/// Word draws, kept beside each paragraph before any Markdown is written,
/// then written by `WordLabelMarkdown` in the forms SPEC §4 reads as
/// clauses), bulleted lists, bold and italic, tables and footnotes.
/// Adoption and review lines become front matter, as in text; the result
/// is read back with the build's parser until it builds (`BuildCheck`).
struct DocxImporter {
    let package: DocxPackage
    let fileName: String
    private var warnings: [ImportWarning] = []

    init(_ data: Data, fileName: String = "imported.md") throws {
        package = try DocxPackage(data)
        self.fileName = fileName
    }

    /// One body paragraph as Word shows it: its label and style, read
    /// before any Markdown is written.
    private struct Paragraph {
        /// Its place among the body's elements, 1-based: the "line" of warnings.
        var line: Int
        var styleName: String
        var headingLevel: Int?
        var label: WordLabel?
        /// Inline Markdown of its runs.
        var text: String
        /// Its text without markup, for metadata and the title.
        var plain: String
        /// Its text with its tabs, as a contents list sets page numbers off.
        var tabbed = ""
        /// A table, already Markdown.
        var isTable = false
    }

    mutating func run() throws -> ImportResult {
        guard let document = XMLTreeBuilder.parse(package.document), let body = document.child("w:body") else {
            throw ImportError.unreadable("word/document.xml is not well-formed XML")
        }
        let styles = WordStyles(package.styles.flatMap(XMLTreeBuilder.parse))
        let numbering = WordNumbering(package.numbering.flatMap(XMLTreeBuilder.parse))
        var numbers = WordParagraphNumbers(styles: styles, numbering: numbering)
        var usedFootnotes: [String] = []
        var paragraphs: [Paragraph] = []
        for (index, element) in body.children.enumerated() {
            switch element.name {
            case "w:p":
                // Word counts a numbered paragraph even when it is empty.
                let label = numbers.label(of: element, line: index + 1)
                let style = numbers.styleID(of: element)
                let plain = element.all("w:t").map(\.text).joined()
                guard !plain.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                let outline = element.child("w:pPr")?.child("w:outlineLvl")?.attribute("val").flatMap(Int.init).flatMap { (0...8).contains($0) ? $0 + 1 : nil }
                paragraphs.append(Paragraph(line: index + 1, styleName: styles.name(style).lowercased(), headingLevel: outline ?? styles.headingLevel(style), label: label, text: runsMarkdown(element, footnotes: &usedFootnotes), plain: plain, tabbed: Self.textWithTabs(element)))
            case "w:tbl":
                let markdown = table(element, numbers: &numbers, at: index + 1, footnotes: &usedFootnotes)
                guard !markdown.isEmpty else { continue }
                paragraphs.append(Paragraph(line: index + 1, styleName: "", label: nil, text: markdown, plain: "", isTable: true))
            default:
                continue
            }
        }
        warnings += numbers.warnings

        // The title: the Title style, else the opening lines as text import reads them.
        var title: String?
        var council: String?
        var consumed: Set<Int> = []
        var titleLine = 0
        if let first = paragraphs.first(where: { $0.styleName == "title" }) {
            // One line however Word broke it: a title is one YAML line.
            title = first.plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            titleLine = first.line
            consumed.insert(first.line)
            // `Wickham Green Parish Council Standing Orders`: the council, then the title.
            if let (named, rest) = title.flatMap(OpeningLines.councilAndTitle) {
                council = InlineText.titleCase(named)
                title = InlineText.titleCase(rest)
            }
        } else {
            let opening = paragraphs.prefix { !$0.isTable && $0.label == nil && $0.headingLevel == nil }.prefix(6).map { SourceLine(number: $0.line, text: $0.plain) }
            let found = OpeningLines.read(Array(opening), skipping: [])
            if let found = found.title.map({ (title: $0, result: found) }) {
                title = found.title
                council = found.result.council
                titleLine = found.result.consumed.min() ?? 0
                consumed.formUnion(found.result.consumed)
                warnings += found.result.warnings
                warnings.append(ImportWarning(line: max(titleLine, 1), column: 1, message: "no paragraph in the Title style; the title '\(found.title)' is taken from the opening lines"))
            }
        }
        // A contents list, typed (`1. Meetings<tab>2`) or Word's own (the
        // `toc` styles), leaves the body: the site makes its own.
        let contentsLines = paragraphs.filter { !$0.isTable && $0.label == nil && $0.headingLevel == nil }.map { SourceLine(number: $0.line, text: $0.tabbed) }
        let contents = ContentsList.find(in: contentsLines, from: 0, skipping: consumed)
        consumed.formUnion(contents.consumed)
        warnings += contents.warnings
        let tocEntries = paragraphs.filter { $0.styleName.hasPrefix("toc") && !consumed.contains($0.line) }.map(\.line)
        if let first = tocEntries.first, let last = tocEntries.last {
            consumed.formUnion(tocEntries)
            warnings.append(ImportWarning(line: first, column: 1, message: "the contents list (paragraphs \(first)–\(last), in Word's contents styles) removed; the site makes its own"))
        }
        // Adoption and review lines leave the body for the front matter.
        let metadata = MetadataExtractor.extract(paragraphs.filter { !$0.isTable && $0.label == nil }.map { SourceLine(number: $0.line, text: $0.plain) })
        warnings += metadata.warnings
        consumed.formUnion(metadata.consumed)

        var blocks: [MarkdownBlock] = []
        let kept = paragraphs.filter { !consumed.contains($0.line) }
        // Plain paragraphs whose cells a tab parts (`Committee<tab>Quorum`):
        // a table typed with tabs, read as a text export's is.
        let tabbedLines = kept.map { $0.label == nil && $0.headingLevel == nil && !$0.isTable && $0.tabbed.contains("\t") ? SourceLine(number: $0.line, text: $0.tabbed) : SourceLine(number: $0.line, text: "") }
        var tableEnd = 0
        for (position, paragraph) in kept.enumerated() where position >= tableEnd {
            if !tabbedLines[position].isBlank, let table = ColumnTable.read(tabbedLines, at: position) {
                blocks.append(MarkdownBlock(kind: .paragraph, text: table.markdown { Self.escape($0).replacingOccurrences(of: "|", with: "\\|") }, line: paragraph.line))
                tableEnd = position + table.lineCount
            } else if paragraph.isTable {
                blocks.append(MarkdownBlock(kind: .paragraph, text: paragraph.text, line: paragraph.line))
            } else if paragraph.styleName == "title" {
                blocks.append(MarkdownBlock(kind: .heading(level: 2), text: paragraph.text, line: paragraph.line))
            } else {
                blocks.append(WordLabelMarkdown.block(label: paragraph.label, headingLevel: paragraph.headingLevel, text: paragraph.text, line: paragraph.line))
            }
        }
        let notes = footnoteTexts()
        for id in usedFootnotes {
            blocks.append(MarkdownBlock(kind: .footnote(label: Self.footnoteLabel(id)), text: Self.escape(notes[id] ?? ""), line: 1))
        }
        if title == nil {
            warnings.append(ImportWarning(line: 1, column: 1, message: "no paragraph in the Title style; set 'title:' in the front matter"))
        }
        var fields = ImportedFrontMatter.fields(title: title, titleLine: titleLine, council: council, metadata: metadata)
        let markdown = BuildCheck.settle(fields: &fields, blocks: &blocks, fileName: fileName, warnings: &warnings)
        return ImportResult(markdown: markdown, warnings: warnings.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    /// A paragraph's text with each tab as `\t`: its runs' text and tabs,
    /// not the tab stops its properties set.
    static func textWithTabs(_ paragraph: XMLElementNode) -> String {
        var out = ""
        func visit(_ node: XMLElementNode) {
            switch node.name {
            case "w:pPr", "w:rPr": return
            case "w:t": out += node.text
            case "w:tab": out += "\t"
            default: node.children.forEach(visit)
            }
        }
        paragraph.children.forEach(visit)
        return out
    }

    /// A paragraph's runs: text, **bold**, *italic*, footnote marks.
    private func runsMarkdown(_ paragraph: XMLElementNode, footnotes: inout [String]) -> String {
        var out = ""
        for run in paragraph.children where run.name == "w:r" || run.name == "w:hyperlink" {
            for piece in (run.name == "w:hyperlink" ? run.children.filter { $0.name == "w:r" } : [run]) {
                let properties = piece.child("w:rPr")
                let bold = properties?.child("w:b").map { $0.attribute("val") != "0" && $0.attribute("val") != "false" } ?? false
                let italic = properties?.child("w:i").map { $0.attribute("val") != "0" && $0.attribute("val") != "false" } ?? false
                if let reference = piece.child("w:footnoteReference"), let id = reference.attribute("id") {
                    out += "[^\(Self.footnoteLabel(id))]"
                    if !footnotes.contains(id) { footnotes.append(id) }
                    continue
                }
                var text = piece.children.filter { $0.name == "w:t" || $0.name == "w:tab" }.map { $0.name == "w:tab" ? " " : $0.text }.joined()
                guard !text.isEmpty else { continue }
                text = Self.escape(text)
                let core = text.trimmingCharacters(in: .whitespaces)
                guard !core.isEmpty, bold || italic else { out += text; continue }
                let leading = String(text.prefix { $0 == " " })
                let trailing = String(text.reversed().prefix { $0 == " " })
                let mark = bold && italic ? "***" : bold ? "**" : "*"
                out += leading + mark + core + mark + trailing
            }
        }
        return out
    }

    /// A table; its numbered paragraphs count in Word's lists and show their labels.
    private func table(_ element: XMLElementNode, numbers: inout WordParagraphNumbers, at position: Int, footnotes: inout [String]) -> String {
        let rows = element.children.filter { $0.name == "w:tr" }.map { row in
            row.children.filter { $0.name == "w:tc" }.map { cell in
                cell.children.filter { $0.name == "w:p" }.map { paragraph in
                    let label = numbers.label(of: paragraph, line: position).flatMap { $0.isBullet ? nil : Self.escape($0.text) }
                    let text = runsMarkdown(paragraph, footnotes: &footnotes)
                    return label.map { $0 + " " + text } ?? text
                }.joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
            }
        }
        return ColumnTable.markdown(rows)
    }

    /// Footnote id → its text.
    private func footnoteTexts() -> [String: String] {
        guard let data = package.footnotes, let root = XMLTreeBuilder.parse(data) else { return [:] }
        var texts: [String: String] = [:]
        for note in root.all("w:footnote") {
            guard let id = note.attribute("id") else { continue }
            texts[id] = note.all("w:t").map(\.text).joined().trimmingCharacters(in: .whitespaces)
        }
        return texts
    }

    /// A footnote id as a Markdown label: Word writes numbers, but the id
    /// is the file's to say, and a line break or `]` in it would end the
    /// label (or the definition) early. Anything but letters, digits, `-`
    /// and `_` is dropped; the hash of the id keeps distinct ids apart.
    static func footnoteLabel(_ id: String) -> String {
        let kept = String(id.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType == .decimal)) || $0 == "-" || $0 == "_" })
        if kept == id, !kept.isEmpty { return id }
        var hash: UInt32 = 2_166_136_261
        for byte in id.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return (kept.isEmpty ? "note" : kept) + "-" + String(hash, radix: 36)
    }

    /// Characters that Markdown would read as structure inside running text.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "*_`[]<>\\".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
