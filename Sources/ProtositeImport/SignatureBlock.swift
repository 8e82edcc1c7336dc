import Foundation

/// The lines a printed copy leaves to be signed, often two side by side:
///
///     Signed ………………………………            Signed ………………………………
///            Chairman                          Clerk to the Council
///
///     Date ………………………………              Date ………………………………
///
/// Each cell of such a line is a label (`Signed`, `Date`, `Name`, …), a
/// run of dots or underscores to write on, and at most a role; the lines
/// beside them naming only roles (`Chairman`, `Clerk to the Council`)
/// belong to the block. On a website there is nothing to sign, so the
/// block goes, with a warning. A signed and dated line that gives the
/// adoption date is read before this (`MetadataExtractor`).
enum SignatureBlock {
    static let labels = ["signed", "signature", "sign", "dated", "date", "print name", "name", "position", "role", "witness"]
    static let roles: Set<String> = ["chair", "chairman", "chairperson", "chairwoman", "vice-chair", "vice-chairman", "clerk", "mayor", "deputy", "officer", "rfo", "councillor", "witness", "proper"]
    /// Dots or underscores to write on: this many at the least.
    static let minimumBlank = 5
    /// A role is a few words.
    static let maximumRoleWords = 6

    /// The source line numbers of each block, and a warning at its first line.
    static func find(in lines: [SourceLine], skipping consumed: Set<Int>) -> (consumed: Set<Int>, warnings: [ImportWarning]) {
        var found = Set<Int>()
        var warnings: [ImportWarning] = []
        let candidates = lines.filter { !consumed.contains($0.number) }
        var index = 0
        while index < candidates.count {
            guard isSignatureLine(candidates[index].text) else { index += 1; continue }
            // The block runs on over signature lines, role lines and single blank lines.
            var first = index
            while first > 0, isRoleLine(candidates[first - 1].text) { first -= 1 }
            var last = index
            var next = index + 1
            while next < candidates.count {
                let line = candidates[next]
                if line.isBlank, next + 1 < candidates.count, !candidates[next + 1].isBlank, isSignatureLine(candidates[next + 1].text) || isRoleLine(candidates[next + 1].text) {
                    next += 1
                    continue
                }
                guard !line.isBlank, isSignatureLine(line.text) || isRoleLine(line.text) else { break }
                last = next
                next += 1
            }
            let block = candidates[first...last].filter { !$0.isBlank }
            found.formUnion(block.map(\.number))
            let lines = block.count == 1 ? "line \(block[0].number)" : "lines \(block[0].number)–\(block[block.count - 1].number)"
            warnings.append(ImportWarning(line: block[0].number, column: 1, message: "a signature block (\(lines)) removed: there is nothing to sign on the website"))
            index = last + 1
        }
        return (found, warnings)
    }

    /// Every cell is a label, a blank to write on and at most a role.
    static func isSignatureLine(_ text: String) -> Bool {
        let cells = ColumnTable.gapCells(text)
        return !cells.isEmpty && cells.allSatisfy(isSignatureCell)
    }

    static func isSignatureCell(_ cell: String) -> Bool {
        let lower = cell.lowercased()
        guard let label = labels.first(where: { lower.hasPrefix($0) }) else { return false }
        var rest = Substring(cell).dropFirst(label.count).drop { $0 == " " || $0 == ":" }
        let blank = rest.prefix { ".…_ ".contains($0) }
        guard blank.filter({ $0 != " " }).count >= minimumBlank || blank.contains("……") else { return false }
        rest = rest.dropFirst(blank.count)
        let role = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
        return role.isEmpty || isRole(role)
    }

    /// A line of roles only: `Chairman`, `Clerk to the Council`, `(Chair)`.
    static func isRoleLine(_ text: String) -> Bool {
        let cells = ColumnTable.gapCells(text).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ()")) }
        return !cells.isEmpty && cells.allSatisfy(isRole)
    }

    static func isRole(_ text: String) -> Bool {
        let words = text.lowercased().split { $0 == " " || $0 == "/" }
        guard !words.isEmpty, words.count <= maximumRoleWords, words.contains(where: { roles.contains(String($0)) }) else { return false }
        return words.allSatisfy { roles.contains(String($0)) || InlineText.minorWords.contains(String($0)) || roleQualifiers.contains(String($0)) }
    }

    /// Words a role may carry besides its own (`Responsible Financial Officer`, `Town Council`).
    private static let roleQualifiers: Set<String> = ["council", "parish", "town", "community", "the", "responsible", "financial"]
}
