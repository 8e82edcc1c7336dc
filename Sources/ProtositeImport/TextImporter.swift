import Foundation

/// Reads a plain-text export line by line and writes protocol Markdown:
/// title and council from the opening lines, headings (numbered, ALL CAPS,
/// or listed in a "Contents" block), clause paragraphs kept as they are,
/// bullets as lists, superscript footnote marks as GFM footnotes.
struct TextImporter {
    let lines: [SourceLine]
    private var warnings: [ImportWarning] = []

    init(_ text: String) {
        lines = SourceLines.split(text)
    }

    static let superscripts: [Character: Character] = ["¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0"]

    mutating func run() -> ImportResult {
        let metadata = MetadataExtractor.extract(lines)
        var consumed = metadata.consumed
        let (title, council, headerEnd) = header(consumed: &consumed)
        let contents = contentsHeadings(from: headerEnd, consumed: &consumed)
        var footnotes: [(String, String)] = []
        for line in lines where !consumed.contains(line.number) {
            if let (label, text) = footnoteDefinition(line.text) {
                footnotes.append((label, text))
                consumed.insert(line.number)
            }
        }
        let body = bodyMarkdown(consumed: consumed, contents: contents)
        var markdown = "---\n"
        markdown += "title: \(YAMLScalar.quote(title ?? "Untitled protocol"))\n"
        if let council { markdown += "council: \(YAMLScalar.quote(council))\n" }
        if metadata.adopted != nil || !metadata.history.isEmpty { markdown += "status: adopted\n" }
        if let adopted = metadata.adopted { markdown += "adopted: \(YAMLScalar.quote(adopted))\n" }
        if let review = metadata.review { markdown += "review: \(YAMLScalar.quote(review))\n" }
        if !metadata.history.isEmpty {
            markdown += "history:\n"
            for row in metadata.history {
                var fields = ["date: \(YAMLScalar.quote(row.date))"]
                if !row.version.isEmpty { fields.append("version: \(YAMLScalar.quote(row.version))") }
                if !row.change.isEmpty { fields.append("change: \(YAMLScalar.quote(row.change))") }
                if !row.review.isEmpty { fields.append("review: \(YAMLScalar.quote(row.review))") }
                markdown += "  - {" + fields.joined(separator: ", ") + "}\n"
            }
        }
        markdown += "---\n\n" + body
        if !footnotes.isEmpty {
            markdown += "\n" + footnotes.map { "[^\($0.0)]: \(inline($0.1))" }.joined(separator: "\n\n") + "\n"
        }
        if title == nil {
            warnings.append(ImportWarning(line: 1, column: 1, message: "no title found in the opening lines; set 'title:' in the front matter"))
        }
        return ImportResult(markdown: markdown, warnings: warnings)
    }

    // MARK: - Opening lines

    /// The council and title from the short lines at the top.
    private mutating func header(consumed: inout Set<Int>) -> (String?, String?, Int) {
        var title: String?
        var council: String?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            let text = line.text.trimmingCharacters(in: .whitespaces)
            let standsAlone = index + 1 >= lines.count || lines[index + 1].isBlank
            guard standsAlone, text.count <= 120, !text.hasSuffix("."), text.lowercased() != "contents",
                  Self.leadingNumber(text) == nil, title == nil || council == nil else { break }
            if let dash = text.range(of: " - "), text[..<dash.lowerBound].lowercased().hasSuffix("council") {
                council = titleCase(String(text[..<dash.lowerBound]))
                title = titleCase(String(text[dash.upperBound...]))
            } else if text.lowercased().hasSuffix("council") && council == nil {
                council = titleCase(text)
            } else if title == nil {
                title = titleCase(text)
            } else {
                break
            }
            consumed.insert(line.number)
            index += 1
        }
        return (title, council, index)
    }

    /// Headings named in a "Contents" block (page numbers dropped), with
    /// their level: ALL CAPS entries `##`, the others `###`.
    private mutating func contentsHeadings(from start: Int, consumed: inout Set<Int>) -> [String: Int] {
        guard let at = lines[start...].firstIndex(where: { !$0.isBlank }), lines[at].text.trimmingCharacters(in: .whitespaces).lowercased() == "contents" else { return [:] }
        consumed.insert(lines[at].number)
        var headings: [String: Int] = [:]
        var index = at + 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                if !headings.isEmpty { break }
                index += 1
                continue
            }
            var entry = line.text
            while let last = entry.last, last.isNumber || last == "\t" || last == " " || last == "." { entry.removeLast() }
            let key = Self.headingKey(entry)
            if !key.isEmpty { headings[key] = isAllCaps(entry) ? 2 : 3 }
            consumed.insert(line.number)
            index += 1
        }
        return headings
    }

    static func headingKey(_ text: String) -> String {
        var key = text.trimmingCharacters(in: .whitespaces).lowercased()
        while let last = key.last, last == ":" || last == "." { key.removeLast() }
        return key
    }

    // MARK: - Body

    private mutating func bodyMarkdown(consumed: Set<Int>, contents: [String: Int]) -> String {
        var blocks: [String] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(paragraph.joined(separator: " ")) }
            paragraph = []
        }
        let body = lines.filter { !consumed.contains($0.number) }
        for (position, line) in body.enumerated() {
            if line.isBlank { flush(); continue }
            let raw = line.text
            let text = raw.trimmingCharacters(in: .whitespaces)
            let previousBlank = position == 0 || body[position - 1].isBlank || body[position - 1].number != line.number - 1
            let nextBlank = position + 1 >= body.count || body[position + 1].isBlank
            let alone = previousBlank && nextBlank

            if let level = contents[Self.headingKey(text)], alone {
                flush()
                blocks.append(String(repeating: "#", count: level) + " " + inline(text))
                continue
            }
            if let (number, rest) = Self.leadingNumber(text) {
                let parts = number.split(separator: ".").filter { !$0.isEmpty }
                let isHeadingText = !rest.isEmpty && rest.split(separator: " ").count <= 12 && !Self.endsLikeSentence(rest)
                if alone, isHeadingText, parts.count == 1 || (parts.count == 2 && parts[1] == "0") {
                    flush()
                    blocks.append("## " + inline(text))
                    continue
                }
                if alone, parts.count == 2, rest.split(separator: " ").count <= 8, !Self.endsLikeSentence(rest), !rest.hasSuffix(":") {
                    flush()
                    blocks.append("### " + inline(text))
                    warnings.append(ImportWarning(line: line.number, column: 1, message: "'\(text)' read as a numbered sub-heading; make it a paragraph if it is a clause"))
                    continue
                }
            }
            if let item = bullet(raw) {
                flush()
                blocks.append(item.indent + "- " + inline(item.text))
                continue
            }
            if contents.isEmpty, alone, !text.hasPrefix("-"), isLikelyHeading(text) {
                flush()
                blocks.append("## " + inline(text))
                warnings.append(ImportWarning(line: line.number, column: 1, message: "'\(text)' read as a heading"))
                continue
            }
            if paragraph.isEmpty {
                paragraph.append(escapeStart(inline(text)))
            } else {
                // A line broken by a page break or a narrow column: rejoin it.
                paragraph.append(inline(text))
            }
        }
        flush()
        // Bullets of one list stay together; other blocks are separated by blank lines.
        var out = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 {
                let bothItems = block.trimmingCharacters(in: .whitespaces).hasPrefix("- ") && blocks[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("- ")
                out += bothItems ? "\n" : "\n\n"
            }
            out += block
        }
        return out + "\n"
    }

    /// `1.`, `2.0`, `2.1`, `1.1.` at the start, and the text after it.
    static func leadingNumber(_ text: String) -> (String, String)? {
        var body = Substring(text)
        if body.hasPrefix("- ") { return nil }
        var number = ""
        while let first = body.first, first.isASCII, first.isNumber || first == "." {
            number.append(first)
            body = body.dropFirst()
        }
        guard !number.isEmpty, number.first!.isNumber, let next = body.first, next == " " || next == "\t" else { return nil }
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
    private func isLikelyHeading(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count <= 10, !Self.endsLikeSentence(text), !text.hasSuffix(":"), text.first?.isUppercase == true else { return false }
        if isAllCaps(text) { return true }
        let small: Set<String> = ["a", "an", "and", "of", "on", "the", "for", "to", "in", "between", "with", "by"]
        return words.count <= 8 && words.allSatisfy { small.contains($0.lowercased()) || $0.first?.isUppercase == true || !($0.first?.isLetter ?? false) }
    }

    private func isAllCaps(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy { $0.isUppercase }
    }

    // MARK: - Inline text

    /// Footnote marks and bare addresses; everything else as written.
    private func inline(_ text: String) -> String {
        var out = ""
        var pendingDigits = ""
        for character in text {
            if let digit = Self.superscripts[character] {
                pendingDigits.append(digit)
                continue
            }
            if !pendingDigits.isEmpty { out += "[^\(pendingDigits)]"; pendingDigits = "" }
            out.append(character)
        }
        if !pendingDigits.isEmpty { out += "[^\(pendingDigits)]" }
        return autolink(out)
    }

    /// `https://…` becomes `<https://…>` unless it already is one.
    private func autolink(_ text: String) -> String {
        guard text.contains("http") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "https://") ?? rest.range(of: "http://") {
            let before = rest[..<range.lowerBound]
            out += before
            var end = range.lowerBound
            while end < rest.endIndex, !rest[end].isWhitespace, rest[end] != ">" { end = rest.index(after: end) }
            var url = String(rest[range.lowerBound..<end])
            var trailing = ""
            while let last = url.last, ".,;:)".contains(last) { trailing = String(last) + trailing; url.removeLast() }
            if before.hasSuffix("<") { out += url } else { out += "<\(url)>" }
            out += trailing
            rest = rest[end...]
        }
        return out + rest
    }

    /// Characters that would start Markdown structure at the start of a paragraph.
    private func escapeStart(_ text: String) -> String {
        for prefix in ["#", ">", "+ ", "=", "|"] where text.hasPrefix(prefix) { return "\\" + text }
        return text
    }

    private func footnoteDefinition(_ text: String) -> (String, String)? {
        var label = ""
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        while let first = rest.first, let digit = Self.superscripts[first] {
            label.append(digit)
            rest = rest.dropFirst()
        }
        guard !label.isEmpty, rest.first == " " else { return nil }
        return (label, rest.trimmingCharacters(in: .whitespaces))
    }

    // MARK: - Front matter values

    /// "CHESHIRE COUNCILLOR-OFFICER PROTOCOL" → "Cheshire Councillor-Officer Protocol";
    /// other lines as written.
    private func titleCase(_ text: String) -> String {
        guard isAllCaps(text) else { return text }
        let small: Set<String> = ["a", "an", "and", "of", "on", "the", "for", "to", "in", "between"]
        let acronyms: Set<String> = ["rfo", "lga", "uk", "nalc", "slcc", "gdpr", "ict"]
        return text.lowercased().split(separator: " ", omittingEmptySubsequences: false).enumerated().map { index, word in
            if index > 0, small.contains(String(word)) { return String(word) }
            // Capitalise each part of hyphenated and slashed words.
            var out = ""
            var capitalise = true
            var part = ""
            func finish() {
                out += acronyms.contains(part.lowercased()) ? part.uppercased() : part
                part = ""
            }
            for character in word {
                if character.isLetter {
                    part.append(capitalise ? Character(character.uppercased()) : character)
                    capitalise = false
                } else {
                    finish()
                    out.append(character)
                    capitalise = "-/(".contains(character)
                }
            }
            finish()
            return out
        }.joined(separator: " ")
    }

}
