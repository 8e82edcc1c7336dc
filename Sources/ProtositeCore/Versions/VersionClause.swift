/// One numbered clause (or sub-clause) of one version, as the versions
/// stage compares it: its number and its own words, the written number or
/// label left out, so that a clause that only moved reads as the same text.
public struct VersionClause: Sendable, Equatable {
    public var number: ClauseNumber
    /// The clause's own text (a numbered heading's title, then any
    /// unnumbered text under it), white space collapsed.
    public var text: String

    public init(number: ClauseNumber, text: String) {
        self.number = number
        self.text = text
    }

    /// The clauses of a parsed document, in reading order. Sections are
    /// the parser's own split of the text at each id, so a clause's text
    /// never includes its sub-clauses'.
    public static func of(_ document: ProtocolDocument) -> [VersionClause] {
        var headings: Set<ClauseNumber> = []
        for clause in document.clauses { if case .heading = clause.form { headings.insert(clause.number) } }
        return document.sections.compactMap { section in
            guard let number = section.clause else { return nil }
            let own = headings.contains(number)
                ? [section.heading, section.text].filter { !$0.isEmpty }.joined(separator: " ")
                : withoutLeadingNumber(section.text, number: number)
            return VersionClause(number: number, text: collapse(own))
        }
    }

    /// The text without the number or label it opens with (`2.1 The…`,
    /// `(a) The…`, `b. The…`); a list item's text has none, since the list
    /// marker is not text, and is left alone.
    static func withoutLeadingNumber(_ text: String, number: ClauseNumber) -> String {
        let trimmed = text.drop(while: { $0 == " " })
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\n" }) else {
            return names(String(trimmed), number) ? "" : String(trimmed)
        }
        let first = String(trimmed[..<space])
        return names(first, number) ? String(trimmed[space...]) : String(trimmed)
    }

    /// Whether a written token is this clause's number or last label.
    private static func names(_ token: String, _ number: ClauseNumber) -> Bool {
        if number.labels.isEmpty { return ClauseNumber(token).map { $0.parts == number.parts } ?? false }
        if ClauseNumber(cited: token.hasSuffix(".") ? String(token.dropLast()) : token) == number { return true }
        let bare = token.trimmingCharacters(in: ["(", ")", "."]).lowercased()
        return bare == number.labels.last
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
