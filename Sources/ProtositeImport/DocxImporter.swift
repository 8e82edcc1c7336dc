import Foundation

/// Word documents to protocol Markdown: the Title style and "Heading N"
/// styles, numbered and bulleted lists, bold and italic, tables and
/// footnotes. Adoption and review lines become front matter, as in text.
struct DocxImporter {
    let package: DocxPackage
    private var warnings: [ImportWarning] = []

    init(_ data: Data) throws {
        package = try DocxPackage(data)
    }

    mutating func run() throws -> ImportResult {
        guard let document = XMLTreeBuilder.parse(package.document), let body = document.child("w:body") else {
            throw ImportError.unreadable("word/document.xml is not well-formed XML")
        }
        let styles = styleNames()
        let bulletLists = bulletNumberings()
        var title: String?
        var blocks: [String] = []
        var plainLines: [SourceLine] = []
        var blockForLine: [Int: Int] = [:]
        var usedFootnotes: [String] = []
        for (index, element) in body.children.enumerated() {
            switch element.name {
            case "w:p":
                let style = element.child("w:pPr")?.child("w:pStyle")?.attribute("val") ?? ""
                let name = (styles[style] ?? style).lowercased()
                let text = runsMarkdown(element, footnotes: &usedFootnotes)
                let plain = element.all("w:t").map(\.text).joined()
                guard !plain.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                plainLines.append(SourceLine(number: index + 1, text: plain))
                blockForLine[index + 1] = blocks.count
                if name == "title" {
                    // One line however Word broke it: a title is one YAML line.
                    if title == nil { title = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ") } else { blocks.append("## " + text) }
                } else if name.hasPrefix("heading"), let level = Int(name.filter(\.isNumber)) {
                    blocks.append(String(repeating: "#", count: min(level + 1, 6)) + " " + text)
                } else if let numbering = element.child("w:pPr")?.child("w:numPr") {
                    let level = Int(numbering.child("w:ilvl")?.attribute("val") ?? "0") ?? 0
                    let numID = numbering.child("w:numId")?.attribute("val") ?? ""
                    let marker = bulletLists.contains(numID) ? "- " : "1. "
                    blocks.append(String(repeating: "   ", count: level) + marker + text)
                } else {
                    blocks.append(text)
                }
            case "w:tbl":
                blocks.append(table(element, footnotes: &usedFootnotes))
            default:
                continue
            }
        }
        // Adoption and review lines leave the body for the front matter.
        let metadata = MetadataExtractor.extract(plainLines)
        let removed = Set(metadata.consumed.compactMap { blockForLine[$0] })
        let kept = blocks.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        var markdown = "---\ntitle: \(YAMLScalar.quote(title ?? "Untitled protocol"))\n"
        if metadata.adopted != nil { markdown += "status: adopted\nadopted: \(YAMLScalar.quote(metadata.adopted!))\n" }
        if let review = metadata.review { markdown += "review: \(YAMLScalar.quote(review))\n" }
        if let words = CitedAs.infer(fromTitle: title) { markdown += "cited_as: \(words)\n" }
        markdown += "---\n\n"
        // Items of one list stay together; a bulleted and a numbered list are two lists.
        func marker(_ block: String) -> String? {
            let trimmed = block.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("- ") ? "-" : trimmed.hasPrefix("1. ") ? "1." : nil
        }
        for (index, block) in kept.enumerated() {
            if index > 0 {
                let same = marker(block) != nil && marker(block) == marker(kept[index - 1])
                markdown += same ? "\n" : "\n\n"
            }
            markdown += block
        }
        markdown += "\n"
        let notes = footnoteTexts()
        for id in usedFootnotes {
            markdown += "\n[^\(Self.footnoteLabel(id))]: \(Self.escape(notes[id] ?? ""))\n"
        }
        if title == nil {
            warnings.append(ImportWarning(line: 1, column: 1, message: "no paragraph in the Title style; set 'title:' in the front matter"))
        }
        return ImportResult(markdown: markdown, warnings: warnings)
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

    private func table(_ element: XMLElementNode, footnotes: inout [String]) -> String {
        let rows = element.children.filter { $0.name == "w:tr" }.map { row in
            row.children.filter { $0.name == "w:tc" }.map { cell in
                cell.children.filter { $0.name == "w:p" }.map { runsMarkdown($0, footnotes: &footnotes) }.joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
            }
        }
        guard let header = rows.first, !header.isEmpty else { return "" }
        let width = rows.map(\.count).max() ?? header.count
        func line(_ cells: [String]) -> String {
            "| " + (cells + Array(repeating: "", count: max(0, width - cells.count))).joined(separator: " | ") + " |"
        }
        return ([line(header), "|" + Array(repeating: "---|", count: width).joined()] + rows.dropFirst().map(line)).joined(separator: "\n")
    }

    /// Style id → name ("Heading1" → "heading 1").
    private func styleNames() -> [String: String] {
        guard let data = package.styles, let root = XMLTreeBuilder.parse(data) else { return [:] }
        var names: [String: String] = [:]
        for style in root.all("w:style") {
            if let id = style.attribute("styleId"), let name = style.child("w:name")?.attribute("val") { names[id] = name }
        }
        return names
    }

    /// The numbering ids whose first level is a bullet.
    private func bulletNumberings() -> Set<String> {
        guard let data = package.numbering, let root = XMLTreeBuilder.parse(data) else { return [] }
        var bulletAbstracts: Set<String> = []
        for abstract in root.all("w:abstractNum") {
            let format = abstract.all("w:lvl").first?.child("w:numFmt")?.attribute("val")
            if format == "bullet", let id = abstract.attribute("abstractNumId") { bulletAbstracts.insert(id) }
        }
        var bullets: Set<String> = []
        for num in root.all("w:num") {
            if let id = num.attribute("numId"), let abstract = num.child("w:abstractNumId")?.attribute("val"), bulletAbstracts.contains(abstract) {
                bullets.insert(id)
            }
        }
        return bullets
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
