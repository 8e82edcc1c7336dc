import Foundation

/// Adoption and review lines and version tables, wherever they stand in
/// the text: they become front matter and leave the body.
struct ExtractedMetadata {
    var adopted: String?
    var review: String?
    var history: [(date: String, version: String, change: String, review: String)] = []
    /// Source line numbers taken out of the body.
    var consumed: Set<Int> = []
}

enum MetadataExtractor {
    static func extract(_ lines: [SourceLine]) -> ExtractedMetadata {
        var found = ExtractedMetadata()
        for (index, line) in lines.enumerated() {
            let text = line.text.trimmingCharacters(in: CharacterSet(charactersIn: " *_"))
            if let value = after(text, prefixes: ["Date adopted", "Adopted on", "Date of adoption", "ADOPTED BY COUNCIL", "Adopted by Council", "Adopted by the council"]) {
                found.adopted = value
                found.consumed.insert(line.number)
            } else if let value = after(text, prefixes: ["Date to be Reviewed", "Date to be reviewed", "Next review date", "Next review", "Review date", "To be reviewed"]) {
                found.review = value
                found.consumed.insert(line.number)
            } else if text.contains("\t"), text.lowercased().contains("version") {
                // A version table: a header of tab-separated columns, then rows.
                let header = text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.lowercased() }
                let dateColumn = header.firstIndex { $0.contains("date") && !$0.contains("review") } ?? 0
                let versionColumn = header.firstIndex { $0.contains("version") } ?? 1
                let changeColumn = header.firstIndex { $0.contains("revision") || $0.contains("amendment") || $0.contains("change") }
                let reviewColumn = header.firstIndex { $0.contains("review") }
                found.consumed.insert(line.number)
                for row in lines[(index + 1)...] {
                    guard row.text.contains("\t") else { break }
                    let cells = row.text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    func cell(_ column: Int?) -> String { column.flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
                    found.history.append((cell(dateColumn), cell(versionColumn), cell(changeColumn), cell(reviewColumn)))
                    found.consumed.insert(row.number)
                }
            }
        }
        return found
    }

    /// The value after a label (`Date adopted 22nd September 2020` →
    /// `22nd September 2020`), without a trailing full stop.
    static func after(_ text: String, prefixes: [String]) -> String? {
        for prefix in prefixes where text.lowercased().hasPrefix(prefix.lowercased()) {
            var value = text.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: " :-–\t"))
            while value.hasSuffix(".") { value.removeLast() }
            if value.rangeOfCharacter(from: .decimalDigits) != nil { return value }
        }
        return nil
    }
}
