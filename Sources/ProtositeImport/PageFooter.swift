import Foundation

/// A footer met once, which `PageFurniture` cannot call a running footer
/// since it is not repeated: the document's short name, perhaps its
/// version, and the page number after a wide gap,
///
///     Brookfield TC Dignity at Work v2.1                          3
///
/// It is furniture when it sits at a page's edge (the form feed is on its
/// line or on the next line of text, or nothing follows it) and its number
/// is that page's: the page counted from the form feeds, or up to two less,
/// for a cover and a contents page left unnumbered. An export with no form
/// feeds has no page edges to go by; there the footer must name the
/// document (two words of its opening lines) and its edition (`v2.1`,
/// `Version 3`, a year), which the text of a page does not do beside a
/// number in a column of its own.
enum PageFooter {
    /// Pages before the first numbered one: a cover and a contents page.
    static let unnumberedPages = 2
    /// Words of a council's or a document's name that name no one document.
    static let commonWords: Set<String> = ["parish", "town", "city", "county", "district", "borough", "community", "council", "policy", "protocol", "procedure", "with", "from", "this", "that"]

    /// The indices of the footer lines among `lines`, with a warning for each.
    static func find(in lines: [SourceLine], skipping furniture: Set<Int>) -> [(index: Int, warning: ImportWarning)] {
        let hasPageBreaks = lines.contains { $0.pageBreak }
        let names = openingWords(lines)
        var found: [(Int, ImportWarning)] = []
        var page = 1
        for index in lines.indices {
            if lines[index].pageBreak, index > 0 { page += 1 }
            guard !furniture.contains(index), let (head, number) = split(lines[index].text), !neighbourShaped(index, lines) else { continue }
            if hasPageBreaks {
                guard atPageEdge(index, lines, furniture: furniture), number <= page, number >= page - unnumberedPages else { continue }
            } else {
                guard namesDocument(head, names) else { continue }
            }
            let text = lines[index].text.trimmingCharacters(in: .whitespaces)
            found.append((index, ImportWarning(line: lines[index].number, column: 1, message: "'\(text)' removed as a page footer")))
        }
        return found
    }

    /// `Brookfield TC Dignity at Work v2.1      3`: the text before the
    /// wide gap (a tab stop's, never prose) and the number after it.
    static func split(_ raw: String) -> (head: String, number: Int)? {
        guard raw.count <= PageFurniture.maximumLength * 2 else { return nil }
        let tail = raw.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !tail.isEmpty, tail.count <= 4, let number = Int(String(tail.reversed())), number >= 1 else { return nil }
        let before = raw.dropLast(tail.count)
        let gap = before.reversed().prefix { $0 == " " || $0 == "\t" }
        guard gap.count >= 3 || gap.contains("\t") else { return nil }
        let head = before.dropLast(gap.count).trimmingCharacters(in: .whitespaces)
        guard !head.isEmpty, PageFurniture.runningKey(head) != nil else { return nil }
        return (head, number)
    }

    /// A contents list or a table has lines of the same shape beside each
    /// other; a footer stands alone.
    private static func neighbourShaped(_ index: Int, _ lines: [SourceLine]) -> Bool {
        for direction in [-1, 1] {
            var position = index + direction
            while position >= 0, position < lines.count, lines[position].isBlank { position += direction }
            if position >= 0, position < lines.count, split(lines[position].text) != nil { return true }
        }
        return false
    }

    /// The form feed is on the line itself (a header at the top of a page)
    /// or on the next line of text not already furniture, or nothing follows.
    private static func atPageEdge(_ index: Int, _ lines: [SourceLine], furniture: Set<Int>) -> Bool {
        if lines[index].pageBreak { return true }
        var position = index + 1
        while position < lines.count {
            if lines[position].pageBreak { return true }
            if !lines[position].isBlank, !furniture.contains(position) { return false }
            position += 1
        }
        return true
    }

    /// Two words of the opening lines (the council and the title), and an
    /// edition: `v2`, `v2.1`, `Version 3`, `Issue 2`, `Rev 4` or a year.
    private static func namesDocument(_ head: String, _ names: Set<String>) -> Bool {
        let words = self.words(head)
        guard words.filter({ names.contains($0) }).count >= 2 else { return false }
        let raw = head.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        return raw.contains { word in
            if ["version", "issue", "rev", "rev.", "edition"].contains(word) { return true }
            if word.first == "v", word.count >= 2, word.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }) { return true }
            return DateFinder.isYear(String(word))
        }
    }

    /// The distinctive words of the first two lines of text.
    private static func openingWords(_ lines: [SourceLine]) -> Set<String> {
        Set(lines.lazy.filter { !$0.isBlank }.prefix(2).flatMap { words($0.text) })
    }

    /// Lower-cased words of four letters or more, but the common ones.
    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 && !commonWords.contains($0) }
    }
}
