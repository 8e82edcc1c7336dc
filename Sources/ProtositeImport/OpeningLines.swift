import Foundation

/// The council and the title, from the short lines a document opens with
/// (`BROOKFIELD PARISH COUNCIL` / `STANDING ORDERS`, or one line `Leigh
/// Parish Council - Member / Officer Protocol`). SPEC §3: never "Untitled"
/// when the first lines hold a title.
enum OpeningLines {
    struct Result {
        var title: String?
        var council: String?
        /// Index of the first line after them.
        var end: Int
        var consumed: Set<Int> = []
        var warnings: [ImportWarning] = []
    }

    /// The words a council's name ends with.
    static let councilEndings = ["parish council", "town council", "community council", "city council", "county council", "district council", "borough council", "parish meeting", "council"]

    static func read(_ lines: [SourceLine], skipping consumed: Set<Int>) -> Result {
        var result = Result(end: 0)
        var index = 0
        var looked = 0
        while index < lines.count, looked < 6, result.title == nil || result.council == nil {
            let line = lines[index]
            if line.isBlank || consumed.contains(line.number) { index += 1; continue }
            looked += 1
            var text = line.text.trimmingCharacters(in: .whitespaces)
            // `Policy No. 7          Kelby Cross Town Council`: a page head
            // set in columns, the council's name in one of them. The name is
            // the council; the rest of the line is said and left out.
            let cells = ColumnTable.gapCells(text)
            if result.council == nil, cells.count >= 2, cells.filter(isCouncil).count == 1, let council = cells.first(where: isCouncil) {
                let others = cells.filter { $0 != council }.joined(separator: ", ")
                result.warnings.append(ImportWarning(line: line.number, column: 1, message: "'\(council)' read as the council; '\(others)' beside it on the line is left out"))
                text = council
            }
            guard couldBeTitle(text) else { break }
            // A line that runs on into the next is the start of a paragraph.
            if index + 1 < lines.count, !lines[index + 1].isBlank, !consumed.contains(lines[index + 1].number), let next = lines[index + 1].text.trimmingCharacters(in: .whitespaces).first, next.isLowercase { break }
            if result.council == nil, result.title == nil, let (council, title) = councilAndTitle(text) {
                result.council = InlineText.titleCase(council)
                result.title = InlineText.titleCase(title)
            } else if isCouncil(text), result.council == nil {
                result.council = InlineText.titleCase(text)
            } else if result.title == nil {
                result.title = InlineText.titleCase(text)
            } else {
                break
            }
            result.consumed.insert(line.number)
            index += 1
        }
        // A running head on the first line gave them; the cover's own lines
        // (`ANYTOWN PARISH COUNCIL`, `GRANTS POLICY`) say them again.
        while index < lines.count, result.title != nil {
            let line = lines[index]
            if line.isBlank || consumed.contains(line.number) { index += 1; continue }
            guard repeats(line.text, result) else { break }
            result.consumed.insert(line.number)
            index += 1
        }
        result.end = index
        if result.title == nil {
            // A title further down the first lines, such as after a preamble line.
            for line in lines.prefix(40) where !line.isBlank && !consumed.contains(line.number) && !result.consumed.contains(line.number) {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                if couldBeTitle(text), InlineText.isAllCaps(text) {
                    result.title = InlineText.titleCase(text)
                    result.warnings.append(ImportWarning(line: line.number, column: 1, message: "'\(text)' taken as the title; check 'title:' in the front matter"))
                    break
                }
            }
        }
        return result
    }

    /// The line says again the title, the council, or both: the same
    /// letters and digits, whatever the case, spacing and dashes.
    static func repeats(_ text: String, _ read: Result) -> Bool {
        let line = ContentsList.key(text)
        guard !line.isEmpty else { return false }
        let title = ContentsList.key(read.title ?? "")
        let council = ContentsList.key(read.council ?? "")
        return line == title || line == council || line == council + title
    }

    /// Short, not a sentence, not numbered or labelled, not a contents title.
    static func couldBeTitle(_ text: String) -> Bool {
        guard text.count >= 3, text.count <= 120, !text.hasSuffix("."), !text.hasSuffix(":"), !text.hasSuffix(","), !text.hasSuffix(";") else { return false }
        guard text.split(separator: " ").count <= 16, text.contains(where: \.isLetter) else { return false }
        guard !ContentsList.titles.contains(text.lowercased()) else { return false }
        return TextImporter.leadingNumber(text) == nil && ExportLabel.leading(in: Substring(text)) == nil
    }

    static func isCouncil(_ text: String) -> Bool {
        let lower = text.lowercased()
        return councilEndings.contains { lower.hasSuffix($0) }
    }

    /// `Leigh Parish Council - Member / Officer Protocol`, `BROOKFIELD
    /// PARISH COUNCIL STANDING ORDERS`: the council, then the title.
    static func councilAndTitle(_ text: String) -> (String, String)? {
        for separator in [" - ", " – ", " — ", ": "] {
            if let dash = text.range(of: separator), isCouncil(String(text[..<dash.lowerBound])) {
                let title = text[dash.upperBound...].trimmingCharacters(in: .whitespaces)
                if !title.isEmpty { return (String(text[..<dash.lowerBound]), title) }
            }
        }
        let lower = text.lowercased()
        for ending in councilEndings.dropLast() {
            guard let range = lower.range(of: ending + " ") else { continue }
            let split = text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: range.upperBound))
            let council = text[..<split].trimmingCharacters(in: .whitespaces)
            let title = text[split...].trimmingCharacters(in: .whitespaces)
            // "… Parish Council of …" goes on naming the council.
            guard council.split(separator: " ").count >= 3, title.split(separator: " ").count >= 2,
                  !["of ", "and ", "for "].contains(where: { title.lowercased().hasPrefix($0) }) else { continue }
            return (council, title)
        }
        return nil
    }
}
