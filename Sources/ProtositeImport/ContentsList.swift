import Foundation

/// The contents list at the top of a document is not part of it: the site
/// makes its own. Found as a `CONTENTS` / `INDEX` block, with or without
/// dot leaders and page numbers, or, with no such title, as a run of lines
/// that name the headings which follow. Its entries still tell the body
/// which lines are headings, and at what level.
enum ContentsList {
    struct Result {
        var consumed: Set<Int> = []
        /// Heading key → level: ALL CAPS entries `##`, the others `###`.
        var headings: [String: Int] = [:]
        var warnings: [ImportWarning] = []
    }

    static let titles: Set<String> = ["contents", "index", "table of contents", "contents page", "list of contents"]
    /// A contents title is looked for among this many non-blank lines.
    static let searchWindow = 80

    static func find(in lines: [SourceLine], from start: Int, skipping consumed: Set<Int>) -> Result {
        var result = Result()
        guard start < lines.count else { return result }
        // Where each key is last seen: an entry names a line further on.
        var lastSeen: [String: Int] = [:]
        for (index, line) in lines.enumerated() where !line.isBlank && line.text.count <= 150 {
            lastSeen[key(line.text), default: index] = index
        }
        var titleAt: Int?
        var seen = 0
        for index in start..<lines.count where !lines[index].isBlank && !consumed.contains(lines[index].number) {
            let text = lines[index].text.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            if titles.contains(text) { titleAt = index; break }
            seen += 1
            if seen >= searchWindow { break }
        }
        var first: Int
        if let titleAt {
            result.consumed.insert(lines[titleAt].number)
            first = titleAt + 1
        } else {
            guard let at = lines[start...].firstIndex(where: { !$0.isBlank && !consumed.contains($0.number) }) else { return result }
            first = at
        }
        // The entries: each has a leader or page number, or names a later line.
        var entries: [Int] = []
        var index = first
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || consumed.contains(line.number) { index += 1; continue }
            guard let name = entryName(line.text) else { break }
            let named = (lastSeen[key(name)] ?? -1) > index
            // Without a title, every entry must name a heading further on.
            guard named || (titleAt != nil && hasPageNumber(line.text)) else { break }
            entries.append(index)
            index += 1
        }
        if titleAt == nil, entries.count < 3 { return Result() }
        // Capitals mark the top level where some entries have them; where
        // none do, every entry is the top level but a `2.1` sub-heading.
        let names = entries.compactMap { entryName(lines[$0].text) }
        let capitalsMarkLevels = names.contains(where: isAllCaps)
        for entry in entries {
            let line = lines[entry]
            result.consumed.insert(line.number)
            if let name = entryName(line.text), !key(name).isEmpty {
                let subNumbered = TextImporter.leadingNumber(name).map { $0.0.split(separator: ".").count >= 2 } ?? false
                result.headings[key(name)] = (capitalsMarkLevels ? isAllCaps(name) : !subNumbered) ? 2 : 3
            }
        }
        let from = titleAt ?? entries.first ?? first
        let through = entries.last.map { lines[$0].number } ?? lines[from].number
        let what = titleAt == nil ? "a run of lines naming the headings that follow" : "the contents list"
        result.warnings.append(ImportWarning(line: lines[from].number, column: 1, message: "\(what) (lines \(lines[from].number)–\(through)) removed; the site makes its own"))
        return result
    }

    /// An entry's heading: the line without dot leaders and page number;
    /// nil when the line reads as prose.
    static func entryName(_ raw: String) -> String? {
        var entry = Substring(raw.trimmingCharacters(in: .whitespaces))
        guard entry.count <= 150 else { return nil }
        let hadLeader = entry.contains("...") || entry.contains("…") || entry.contains("\t") || entry.contains(". . .")
        while let last = entry.last, last.isNumber || " \t.…·_".contains(last) { entry.removeLast() }
        guard !entry.isEmpty, entry.count <= 120 else { return nil }
        // A sentence is not an entry (unless a leader showed it was one).
        if !hadLeader, let last = raw.trimmingCharacters(in: .whitespaces).last, ".;,".contains(last) { return nil }
        return String(entry)
    }

    /// Ends in a page number after a leader, a tab or a wide gap.
    static func hasPageNumber(_ raw: String) -> Bool {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let digits = text.reversed().prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, digits.count < text.count else { return false }
        let before = text.dropLast(digits.count)
        return before.hasSuffix("\t") || before.hasSuffix("  ") || before.hasSuffix(".") || before.hasSuffix("…") || before.hasSuffix(". ") || before.hasSuffix("… ")
    }

    /// Letters and digits only, lower-cased: `1. Rules of debate` and
    /// `1 RULES OF DEBATE:` have one key.
    static func key(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func isAllCaps(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy { $0.isUppercase }
    }
}
