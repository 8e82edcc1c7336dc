import Foundation
import ProtositeCore

/// Adoption and review lines and version tables, wherever they stand in
/// the text: they become front matter and leave the body.
struct ExtractedMetadata {
    var adopted: String?
    /// Source line the adoption date was read from.
    var adoptedLine = 0
    var review: String?
    var reviewLine = 0
    var history: [(date: String, version: String, change: String, review: String)] = []
    /// The version a line gave (`Version 1.2, adopted …`), and its line.
    var version: String?
    var versionLine = 0
    /// Cells read out of a line of details set in columns (`Minute
    /// reference: 24/031      Version: 2.0`), by line: the rest stays.
    var consumedCells: [Int: Set<String>] = [:]
    /// Source line numbers taken out of the body.
    var consumed: Set<Int> = []
    /// The phrasings read that a clerk should check.
    var warnings: [ImportWarning] = []
}

/// Reads the phrasings clerks use about a document's adoption ("Adopted by
/// Council 25th September 2019", "These Standing Orders were adopted by the
/// Council at its meeting held on 13th February 2019", "Adopted at the
/// Annual Meeting of the Council on 9th May 2023.", "Signed … Dated 7th May
/// 2019", "… on Wednesday the 3rd day of January, 2024") and its next
/// review ("Next review: May 2027", "To be reviewed May 2027", "Review
/// date: …"). Only short lines that are about the document count, never a
/// numbered or labelled clause that mentions a date.
enum MetadataExtractor {
    /// Lines that say the document was adopted, by their opening words.
    static let adoptionOpenings = [
        "date adopted", "adopted", "date of adoption", "adoption date", "date approved", "approved",
        "re-adopted", "readopted", "ratified", "date ratified", "policy adopted", "document adopted",
    ]
    /// Openings whose meaning is plain: no warning when read.
    static let plainAdoptionOpenings = ["date adopted", "adopted on", "date of adoption", "adoption date", "adopted by council", "adopted by the council"]
    static let reviewOpenings = [
        "date to be reviewed", "next review date", "next review due", "next review", "review date", "date of next review",
        "to be reviewed", "due for review", "review due", "date for review", "next reviewed", "review:",
    ]
    static let plainReviewOpenings = ["date to be reviewed", "next review date", "next review", "review date"]

    /// Lines longer than this are prose, not a statement about the document.
    static let maximumLineLength = 300

    static func extract(_ lines: [SourceLine]) -> ExtractedMetadata {
        var found = ExtractedMetadata()
        var adoptions: [(date: DateFinder.Found, line: Int, weak: Bool, text: String)] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            var text = line.text.trimmingCharacters(in: CharacterSet(charactersIn: " \t*_"))
            var lower = text.lowercased()
            defer { index += 1 }
            guard !text.isEmpty, text.count <= maximumLineLength,
                  TextImporter.leadingNumber(text) == nil, ExportLabel.leading(in: Substring(text)) == nil else { continue }

            if lower.contains("version"), let table = ColumnTable.read(lines, at: index, minimumRows: 1) {
                // A version table: a header of columns (tabs or spaces), then rows.
                let header = table.header.map { $0.lowercased() }
                let dateColumn = header.firstIndex { $0.contains("date") && !$0.contains("review") } ?? 0
                let versionColumn = header.firstIndex { $0.contains("version") } ?? 1
                let changeColumn = header.firstIndex { $0.contains("revision") || $0.contains("amendment") || $0.contains("change") }
                let reviewColumn = header.firstIndex { $0.contains("review") }
                for row in table.rows {
                    func cell(_ column: Int?) -> String { column.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
                    found.history.append((cell(dateColumn), cell(versionColumn), cell(changeColumn), cell(reviewColumn)))
                }
                for offset in 0..<table.lineCount { found.consumed.insert(lines[index + offset].number) }
                // Its title above it (`Document control`) goes with it.
                if let title = lines[..<index].last(where: { !$0.isBlank }), versionTableTitles.contains(ContentsList.key(title.text)) {
                    found.consumed.insert(title.number)
                }
                index += table.lineCount - 1
                continue
            }

            // `Version 1.2, adopted by Full Council on 4 May 2023`: the version,
            // then the statement after it, read as a line of its own.
            var shown = text
            if let (version, rest) = leadingVersion(text) {
                if found.version == nil {
                    found.version = version
                    found.versionLine = line.number
                }
                // `Version: 2.0`, `Issue 4, March 2024`: nothing else to read.
                if rest.isEmpty || (rest.split(separator: " ").count <= 3 && DateFinder.dates(in: rest).count == 1) {
                    found.consumed.insert(line.number)
                    continue
                }
                text = rest
                lower = text.lowercased()
            }

            // A statement the export wrapped ("… Next review: January" over
            // "2027."): read with its last words, which leave the body with it.
            var continuation: SourceLine?
            if opensStatement(lower), index + 1 < lines.count, let rest = Self.continuation(of: text, lines[index + 1]) {
                text += " " + rest
                shown += " " + rest
                lower = text.lowercased()
                continuation = lines[index + 1]
            }

            // Where a review phrase stands, dates after it are the review's.
            let reviewAt = reviewPhrase(in: lower)
            let adoptionPart = reviewAt.map { String(text.prefix($0)) } ?? text
            let adoptionLower = adoptionPart.lowercased()
            var used = false
            if let at = reviewAt, let date = DateFinder.dates(in: String(text.dropFirst(at))).first {
                found.review = date.text
                found.reviewLine = line.number
                used = true
                if !plainReviewOpenings.contains(where: { lower.hasPrefix($0) }) {
                    found.warnings.append(ImportWarning(line: line.number, column: 1, message: "read '\(shown)' as the next review date (\(date.text))"))
                }
            }
            let statesAdoption = adoptionOpenings.contains { adoptionLower.hasPrefix($0) } || aboutThisDocument(adoptionLower)
            let dated = adoptionLower.hasPrefix("dated") || (adoptionLower.hasPrefix("signed") && adoptionLower.contains("dated"))
            if statesAdoption || dated {
                var source = adoptionPart
                if dated, let range = adoptionLower.range(of: "dated") {
                    source = String(adoptionPart[range.upperBound...])
                }
                // The latest date a line gives: "adopted 2019, re-adopted 9th May 2023".
                if let date = DateFinder.dates(in: source).filter(\.isDay).last ?? DateFinder.dates(in: source).last {
                    adoptions.append((date, line.number, !statesAdoption, shown))
                    used = true
                }
            }
            if used { found.consumed.insert(line.number) }
            // `Minute reference: 24/031      Version: 2.0`: the version's cell.
            if !used, found.version == nil, text.contains("   ") {
                for cell in ColumnTable.cells(text, tabbed: false).map(\.text) {
                    guard let (version, rest) = leadingVersion(cell), rest.isEmpty else { continue }
                    found.version = version
                    found.versionLine = line.number
                    found.consumedCells[line.number, default: []].insert(cell)
                }
            }
            // "Signed ……… (Chair)" beside a "Dated" line goes with it.
            if dated, used, index > 0, lines[index - 1].text.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("signed"), lines[index - 1].text.count <= 120 {
                found.consumed.insert(lines[index - 1].number)
            }
            if used, let continuation {
                found.consumed.insert(continuation.number)
                index += 1
            }
        }
        // A "Dated" line is adoption only when nothing says so more plainly.
        let strong = adoptions.filter { !$0.weak }
        let candidates = strong.isEmpty ? adoptions : strong
        if let chosen = latest(candidates) {
            found.adopted = chosen.date.text
            found.adoptedLine = chosen.line
            let lower = chosen.text.lowercased()
            if chosen.weak {
                found.warnings.append(ImportWarning(line: chosen.line, column: 1, message: "read '\(chosen.text)' as the adoption date (\(chosen.date.text)); check that this is when the council adopted it"))
            } else if !plainAdoptionOpenings.contains(where: { lower.hasPrefix($0) }) {
                found.warnings.append(ImportWarning(line: chosen.line, column: 1, message: "read '\(chosen.text)' as the adoption date (\(chosen.date.text))"))
            }
            for other in candidates where other.line != chosen.line && other.date.text != chosen.date.text {
                found.warnings.append(ImportWarning(line: other.line, column: 1, message: "another adoption date (\(other.date.text)) is here; the latest, \(chosen.date.text), is used"))
            }
        }
        return found
    }

    /// The titles set over a version table, as `ContentsList.key` gives them.
    static let versionTableTitles: Set<String> = ["documentcontrol", "versioncontrol", "versionhistory", "documenthistory", "revisionhistory", "amendmenthistory", "reviewhistory", "changehistory"]

    /// Words a version line opens with.
    static let versionWords: Set<String> = ["version", "issue", "version no", "version number"]
    /// The same, longest first, so `version number` is tried before `version`.
    private static let versionWordsLongestFirst = versionWords.sorted { $0.count > $1.count }

    /// `Version 1.2, …`, `Version: 2.0`, `v3 – …`, `Issue 4, …`: the
    /// version and what follows it. The number must end the line or be set
    /// off by a comma, semicolon, colon, dash or wide gap, so that `Version
    /// 2 of this policy …` (a sentence) is not read.
    static func leadingVersion(_ text: String) -> (version: String, rest: String)? {
        var rest = Substring(text)
        let lower = text.lowercased()
        if let word = versionWordsLongestFirst.first(where: { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") || lower.hasPrefix($0 + ".") }) {
            rest = rest.dropFirst(word.count).drop { " :.".contains($0) }
        } else if lower.hasPrefix("v"), rest.dropFirst().first?.isNumber == true {
            rest = rest.dropFirst()
        } else {
            return nil
        }
        var number = rest.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        while number.last == "." { number = number.dropLast() }
        guard let first = number.first, first.isNumber, number.count <= 8 else { return nil }
        let after = rest.dropFirst(number.count)
        let gap = after.prefix { $0 == " " || $0 == "\t" }
        let separated = after.isEmpty || after.drop { $0 == " " }.isEmpty || gap.count >= 3 || gap.contains("\t")
            || after.drop { $0 == " " }.first.map { ",;:–—-".contains($0) } == true || (after.first == "." && after.dropFirst().allSatisfy { $0 == " " })
        guard separated else { return nil }
        let statement = after.drop { " \t.,;:–—-".contains($0) }
        return (String(number), String(statement))
    }

    /// The line opens a statement of adoption, review or signature.
    static func opensStatement(_ lower: String) -> Bool {
        adoptionOpenings.contains { lower.hasPrefix($0) } || reviewPhrase(in: lower) != nil || aboutThisDocument(lower)
            || lower.hasPrefix("dated") || (lower.hasPrefix("signed") && lower.contains("dated"))
    }

    /// The last words of a statement the export wrapped: the next line,
    /// when the statement has not ended and that line carries the sentence
    /// on (a small letter, a digit, a bracket or a month: `2027.`, `(minute
    /// 25/019).`, `January 2027.`) and is short, unnumbered and no statement
    /// of its own (`Date to be Reviewed …` under `Date adopted …`).
    static func continuation(of text: String, _ next: SourceLine) -> String? {
        guard let last = text.last, !".;:!?".contains(last), !next.pageBreak else { return nil }
        let rest = next.text.trimmingCharacters(in: CharacterSet(charactersIn: " \t*_"))
        guard let first = rest.first, rest.count <= continuationLength, !opensStatement(rest.lowercased()),
              TextImporter.leadingNumber(rest) == nil, ExportLabel.leading(in: Substring(rest)) == nil else { return nil }
        let firstWord = rest.prefix { $0.isLetter }
        guard first.isLowercase || first.isNumber || first == "(" || DateFinder.month(firstWord) != nil else { return nil }
        return rest
    }

    /// A wrapped statement's last line is short.
    static let continuationLength = 80

    /// The offset of a review phrase ("next review", "to be reviewed", …)
    /// in a lower-cased line, when the line opens with one or a sentence of
    /// it does.
    static func reviewPhrase(in lower: String) -> Int? {
        for opening in reviewOpenings {
            if lower.hasPrefix(opening) { return 0 }
        }
        // After another statement, a bare "Review May 2026" says it too.
        for opening in reviewOpenings + ["review "] {
            for separator in [". ", "; ", ", ", " - ", " – ", "\t", "  "] {
                if let range = lower.range(of: separator + opening) {
                    return lower.distance(from: lower.startIndex, to: range.lowerBound) + separator.count
                }
            }
        }
        return nil
    }

    /// "These Standing Orders were adopted …", "This policy was approved …".
    static func aboutThisDocument(_ lower: String) -> Bool {
        guard lower.hasPrefix("this ") || lower.hasPrefix("these ") else { return false }
        let head = lower.prefix(160)
        return [" was adopted", " were adopted", " was approved", " were approved", " was re-adopted", " were re-adopted", " was ratified"].contains { head.contains($0) }
    }

    private static func latest(_ adoptions: [(date: DateFinder.Found, line: Int, weak: Bool, text: String)]) -> (date: DateFinder.Found, line: Int, weak: Bool, text: String)? {
        var best: (date: DateFinder.Found, line: Int, weak: Bool, text: String)?
        var bestDay: ProtocolDate?
        for adoption in adoptions {
            guard case .success(let day) = DateParser.parse(adoption.date.text) else { continue }
            if bestDay == nil || bestDay!.lastDay < day.lastDay { best = adoption; bestDay = day }
        }
        return best
    }
}
