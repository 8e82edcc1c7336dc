import Foundation

/// What a printed page adds that is not the document: page numbers on
/// lines of their own (`2`, `- 3 -`, `Page 3`, `Page 3 of 17`, `3 of 17`),
/// a footer met once that ends in its page number (`PageFooter`), and
/// running headers and footers (a short line, such as the council's
/// name or the title and date, repeated on page after page). They are
/// removed before anything else reads the text, and text that a page
/// break cut in the middle of a sentence is joined again.
enum PageFurniture {
    struct Result {
        var lines: [SourceLine]
        var warnings: [ImportWarning]
    }

    /// Lines of more characters than this are never furniture.
    static let maximumLength = 80

    static func remove(from lines: [SourceLine]) -> Result {
        var warnings: [ImportWarning] = []
        var furniture = Set<Int>()
        // 1. Page numbers.
        for (index, line) in lines.enumerated() {
            switch pageNumber(line.text) {
            case .certain: furniture.insert(index)
            case .likely:
                furniture.insert(index)
                warnings.append(ImportWarning(line: line.number, column: 1, message: "'\(line.text.trimmingCharacters(in: .whitespaces))' removed as a page number"))
            case nil: break
            }
        }
        // 2. Running headers and footers: short lines repeated on several
        // pages, compared with their digits masked (`Page 3`, `Issue 2 — 3`).
        let opening = openingLines(lines)
        var occurrences: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() where !furniture.contains(index) {
            guard let key = runningKey(line.text) else { continue }
            occurrences[key, default: []].append(index)
        }
        let pageBreaks = furniture.count + lines.reduce(0) { $0 + ($1.pageBreak ? 1 : 0) }
        let openingKeys = Set(opening.compactMap { runningKey(lines[$0].text) })
        for (key, indices) in occurrences.sorted(by: { $0.value[0] < $1.value[0] }) {
            // Its first sighting among the opening lines is the title or council: kept.
            let repeats = indices.filter { !opening.contains($0) }
            if pageBreaks >= 2 {
                // Printed pages: repeated at least twice, each time next to a page
                // mark; or, in two pages, the first line of the file and of the
                // next page (a form feed on its line).
                let headsPages = repeats.count == 1 && lines[repeats[0]].pageBreak
                    && (indices[0] == opening.min() || joinsOpening(lines[repeats[0]].text, opening.sorted().map { lines[$0].text }))
                guard repeats.count >= 2 || headsPages, repeats.allSatisfy({ nearBoundary($0, lines: lines, furniture: furniture) }) else { continue }
            } else {
                // No page marks to go by: only the opening lines repeated three times or more.
                guard repeats.count >= 3, openingKeys.contains(key) else { continue }
            }
            furniture.formUnion(repeats)
            let first = lines[repeats[0]]
            warnings.append(ImportWarning(line: first.number, column: 1, message: "'\(first.text.trimmingCharacters(in: .whitespaces))' removed as a running header or footer (\(repeats.count == 1 ? "once" : "\(repeats.count) times"))"))
        }
        // A footer the running ones left: met once, ending in its page number.
        for footer in PageFooter.find(in: lines, skipping: furniture) {
            furniture.insert(footer.index)
            warnings.append(footer.warning)
        }
        // 3. Drop the furniture; where a sentence runs on across it, drop the
        // blank lines around it too so the paragraph is whole again.
        var kept: [SourceLine] = []
        kept.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            guard furniture.contains(index) else {
                kept.append(lines[index])
                index += 1
                continue
            }
            var end = index
            while end < lines.count, furniture.contains(end) || lines[end].isBlank { end += 1 }
            let before = kept.last { !$0.isBlank }
            let after = end < lines.count ? lines[end] : nil
            if let before, let after, runsOn(from: before.text, to: after.text) {
                while kept.last?.isBlank == true { kept.removeLast() }
            } else {
                for blank in index..<end where lines[blank].isBlank { kept.append(lines[blank]) }
                if let before, let after, mayRunOn(from: before.text, to: after.text) {
                    let opening = String(after.text.trimmingCharacters(in: .whitespaces).prefix(30))
                    warnings.append(ImportWarning(line: after.number, column: 1, message: "the text before this page break ends without a full stop, so '\(opening)…' may carry its sentence on; it is kept as a new paragraph: join the two if they are one"))
                }
            }
            index = end
        }
        return Result(lines: kept, warnings: warnings)
    }

    enum Confidence { case certain, likely }

    /// `Page 3 of 17`, `Page 3`, `3 of 17`, `- 3 -`, `– 3 –`, `[3]`, `p. 3`: certain;
    /// a number alone (`2`): likely. A running head that ends in the page
    /// mark is certain too, after a wide gap (`Parish Council – Standing
    /// Orders      Page 2 of 9`: a tab stop, never prose) or after a dash or
    /// bar when the mark gives the page count too (`Hollowmere Town Council
    /// – Grievance Procedure – Page 1 of 3`, a footer Word builds from
    /// fields; `… – page 4` may be a heading's own words).
    static func pageNumber(_ raw: String) -> Confidence? {
        if raw.count <= maximumLength * 2 {
            for separator in ["   ", " – ", " — ", " - ", " | "] {
                guard let gap = raw.range(of: separator, options: .backwards) else { continue }
                let head = raw[..<gap.lowerBound].trimmingCharacters(in: .whitespaces)
                let tail = raw[gap.upperBound...].trimmingCharacters(in: .whitespaces).lowercased()
                let counted = separator == "   " || tail.split(separator: " ").count == 4
                if !head.isEmpty, counted, tail.hasPrefix("page"), pageNumber(tail) == .certain, runningKey(head) != nil { return .certain }
            }
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 30 else { return nil }
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        func isNumber(_ word: Substring) -> Bool { !word.isEmpty && word.count <= 4 && word.allSatisfy { $0.isASCII && $0.isNumber } }
        if words.count == 1, isNumber(words[0]) { return .likely }
        if words.first == "page" || words.first == "p." || words.first == "pg", words.count >= 2, isNumber(words[1]) {
            if words.count == 2 { return .certain }
            if words.count == 4, words[2] == "of", isNumber(words[3]) { return .certain }
        }
        if words.count == 3, isNumber(words[0]), words[1] == "of", isNumber(words[2]) { return .certain }
        // `- 3 -`, `–3–`, `[3]`, `(3)` is a label and stays.
        let inner = text.trimmingCharacters(in: CharacterSet(charactersIn: "-–—[] "))
        if inner != text, text.first != "(", isNumber(Substring(inner)), "-–—[".contains(text.first!) { return .certain }
        return nil
    }

    /// The key a repeated line is known by: lower-cased, spaces squeezed,
    /// digits masked; nil for lines that cannot be furniture (long ones,
    /// sentences, bullets, numbered and labelled lines).
    static func runningKey(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        // A sentence or a list item's text ends in punctuation; a running head seldom does.
        guard text.count >= 4, text.count <= maximumLength, let last = text.last, !".:;,".contains(last) else { return nil }
        guard TextImporter.leadingNumber(text) == nil, ExportLabel.leading(in: Substring(text)) == nil else { return nil }
        guard !"•·▪◦".contains(text.first!), !["- ", "* ", "o "].contains(where: { text.hasPrefix($0) }) else { return nil }
        guard text.filter(\.isLetter).count >= 4 else { return nil }
        // `PART 1`, `PART 2` at the tops of pages are headings that differ by
        // their number; only the same number again (`Section 2` on every
        // page of it) is a running head.
        if DivisionHeading.isLabel(text) { return text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
        var key = ""
        var lastSpace = false
        for character in text.lowercased() {
            if character == " " || character == "\t" {
                if !lastSpace { key.append(" ") }
                lastSpace = true
                continue
            }
            lastSpace = false
            key.append(character.isNumber ? "#" : character)
        }
        return key
    }

    /// A page's first line that is the opening lines joined, council and
    /// title in either order (`Oakmere Town Council – Staff Expenses
    /// Policy`): the running head of a two-page export, printed once.
    static func joinsOpening(_ text: String, _ opening: [String]) -> Bool {
        guard opening.count == 2 else { return false }
        func words(_ text: String) -> [Substring] {
            text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        }
        let line = words(text), first = words(opening[0]), second = words(opening[1])
        guard !first.isEmpty, !second.isEmpty else { return false }
        return line == first + second || line == second + first
    }

    /// The first two non-blank lines, where the council and title stand:
    /// a running header that repeats them keeps its first sighting there.
    private static func openingLines(_ lines: [SourceLine]) -> Set<Int> {
        var found = Set<Int>()
        for (index, line) in lines.enumerated() where !line.isBlank {
            found.insert(index)
            if found.count == 2 { break }
        }
        return found
    }

    /// Within two non-blank lines of a page mark (a removed page number or a
    /// form feed), or of either end of the file.
    private static func nearBoundary(_ index: Int, lines: [SourceLine], furniture: Set<Int>) -> Bool {
        if lines[index].pageBreak { return true }
        for direction in [-1, 1] {
            var position = index + direction
            var seen = 0
            while position >= 0, position < lines.count {
                if furniture.contains(position) || lines[position].pageBreak { return true }
                if !lines[position].isBlank {
                    seen += 1
                    if seen > 2 { break }
                }
                position += direction
            }
            if position < 0 || position >= lines.count { return true }
        }
        return false
    }

    /// A sentence cut by a page break: the text before does not end a
    /// sentence and the text after starts with a small letter, or the
    /// text before ends in an article or preposition, which no sentence
    /// or heading ends with (`… approved by the` / `Clerk, and …`).
    static func runsOn(from before: String, to after: String) -> Bool {
        let end = before.trimmingCharacters(in: .whitespaces)
        guard let last = end.last, !".:;!?".contains(last) else { return false }
        guard let first = after.trimmingCharacters(in: .whitespaces).first else { return false }
        let lastWord = end.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return first.isLowercase || (cutWords.contains(lastWord) && first.isLetter)
    }

    /// Running text cut by a page break where the page after opens with a
    /// capital, so it cannot be told from a new paragraph (`… the advice of
    /// the Parish` / `Clerk is …`): a long line of text ending in a word or
    /// a comma. Kept as two paragraphs, with a warning.
    static func mayRunOn(from before: String, to after: String) -> Bool {
        let end = before.trimmingCharacters(in: .whitespaces)
        guard end.count >= 50, let last = end.last, last.isLetter || last == "," else { return false }
        guard let first = after.trimmingCharacters(in: .whitespaces).first else { return false }
        return first.isUppercase
    }

    /// Words a sentence cannot end with: articles and prepositions (not
    /// `and` / `or`, which end an item of a list).
    static let cutWords = InlineText.minorWords.subtracting(["and", "but", "or", "nor", "as"])
}
