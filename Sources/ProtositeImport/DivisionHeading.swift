import Foundation

/// The heading of a part of a document, set centred on two lines:
///
///                        PART 1
///                     INTRODUCTION
///
/// The first line (`PART 1`, `Section 2`, `CHAPTER IV`, `Schedule A`) names
/// a division by its number; the second gives its name. Together they are
/// one heading, written with the document's own words and case and a colon
/// between (`PART 1: INTRODUCTION`), as a reader would say it.
enum DivisionHeading {
    static let words: Set<String> = ["part", "section", "chapter", "schedule", "appendix", "annex"]
    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// `PART 1` and nothing else: a division's word and its number (digits,
    /// a roman numeral, one letter, or a number in words).
    static func isLabel(_ text: String) -> Bool {
        let words = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, Self.words.contains(words[0].lowercased()) else { return false }
        let number = words[1]
        if number.count <= 3, number.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        if number.count == 1, number.first!.isLetter { return true }
        if numberWords.contains(number.lowercased()) { return true }
        return number.count <= 6 && number.allSatisfy { "IVXLCivxlc".contains($0) }
    }

    /// `SECTION 1 – GENERAL`, `Part 2: Meetings`, `PART 3.  FEES`: a
    /// division's label and its name on one line, set apart by a dash, a
    /// colon, a full stop or a tab stop's gap (`Section 137 of the Act`
    /// has none, and is a sentence). The label and the name, as written.
    static func oneLine(_ text: String) -> (label: String, name: String)? {
        let trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
        let word = trimmed.prefix { $0.isLetter }
        guard words.contains(word.lowercased()), trimmed.dropFirst(word.count).first == " " else { return nil }
        let afterWord = trimmed.dropFirst(word.count).drop { $0 == " " }
        let number = afterWord.prefix { !($0 == " " || $0 == "\t" || ".:–—-".contains($0)) }
        guard !number.isEmpty, isLabel(word + " " + number) else { return nil }
        let rest = afterWord.dropFirst(number.count)
        let gap = rest.prefix { $0 == " " || $0 == "\t" || ".:–—-".contains($0) }
        let marked = gap.contains { ".:–—-".contains($0) } || gap.contains("\t") || gap.count >= 2
        let name = rest.dropFirst(gap.count).trimmingCharacters(in: .whitespaces)
        guard marked, let first = name.first, first.isUppercase, name.split(separator: " ").count <= 12,
              !TextImporter.endsLikeSentence(name), !name.hasSuffix(":") else { return nil }
        return (word + " " + number, name)
    }

    /// A section's heading written as the clause its clauses belong to:
    /// `SECTION 4` whose first numbered clause below is `4.1` is clause 4,
    /// `4. BUDGET`, as "see section 4" in the text means (the build reads a
    /// heading as a clause only by a number at its start). Nil for any
    /// other division, or when the clauses below are numbered otherwise.
    static func clauseHeading(label: String, name: String, following: [String]) -> String? {
        let parts = label.split(separator: " ")
        guard parts.count == 2, parts[0].lowercased() == "section", parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        for line in following.prefix(lookAhead) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let (number, _) = TextImporter.leadingNumber(text) else { continue }
            let clause = number.split(separator: ".")
            guard clause.count >= 2, clause[0] == parts[1] else { return nil }
            return "\(parts[1]). " + name
        }
        return nil
    }

    /// Lines looked through for a section's first clause.
    static let lookAhead = 12

    /// The heading's text when `label` is a division label and `name`,
    /// the line right below it, names the division.
    static func text(label: String, name: String) -> String? {
        guard isLabel(label), !isLabel(name), TextImporter.isLikelyHeading(name) else { return nil }
        guard TextImporter.leadingNumber(name) == nil, ExportLabel.leading(in: Substring(name)) == nil else { return nil }
        return label.trimmingCharacters(in: .whitespaces) + ": " + name.trimmingCharacters(in: .whitespaces)
    }
}
