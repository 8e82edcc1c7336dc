/// Groups of words that mean the same thing in a council's protocols
/// (search-synonyms.txt, compiled in, plus a site's `search_synonyms:`),
/// reduced to index terms. Expansion happens in the browser, at query time:
/// the index carries only the groups that can find something on this site
/// (a few hundred bytes), where expanding at build time would add postings
/// for every synonym of every word to the first query's download.
public enum SearchSynonyms {
    /// The built-in groups, as written in search-synonyms.txt.
    public static let builtIn: [[String]] = parse(String(decoding: PackageResources.search_synonyms_txt, as: UTF8.self))

    /// Groups of a vocabulary file: one a line, members separated by commas,
    /// `#` comments and blank lines skipped.
    public static func parse(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// A member as the index has it: its terms joined by single spaces
    /// (`Proper Officers` → `proper offic`), or nil when it has none (`SO`
    /// is only a stop word).
    public static func key(_ member: String) -> String? {
        let terms = SearchText.terms(member).filter { !SearchText.isSubClause($0) }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// Groups as keys, each with at least two different members, duplicates
    /// out, in their first order. With `present`, only groups of which some
    /// member's every term is in the index: the others can find nothing.
    public static func compile(_ groups: [[String]], present: ((String) -> Bool)? = nil) -> [[String]] {
        var seen = Set<[String]>()
        var compiled: [[String]] = []
        for group in groups {
            var keys: [String] = []
            for member in group {
                if let key = key(member), !keys.contains(key) { keys.append(key) }
            }
            guard keys.count >= 2, !seen.contains(keys) else { continue }
            if let present, !keys.contains(where: { $0.split(separator: " ").allSatisfy { present(String($0)) } }) { continue }
            seen.insert(keys)
            compiled.append(keys)
        }
        return compiled
    }

    /// The longest member phrase is this many terms.
    static let longestPhrase = 4

    /// A query's terms grouped as the browser groups them (`applySynonyms`
    /// in search-synonyms.js): each run of terms that is a member of a
    /// group, longest first, becomes one unit with the other members of
    /// every group it is in. Written `own = other | other` for the shared
    /// vectors; a term in no group is just itself.
    public static func units(_ terms: [String], groups: [[String]]) -> [String] {
        var others: [String: [String]] = [:]
        for group in groups {
            for key in group {
                for other in group where other != key && !(others[key]?.contains(other) ?? false) {
                    others[key, default: []].append(other)
                }
            }
        }
        var units: [String] = []
        var index = 0
        while index < terms.count {
            var length = min(longestPhrase, terms.count - index)
            while length > 1, others[terms[index..<(index + length)].joined(separator: " ")] == nil { length -= 1 }
            let own = terms[index..<(index + length)].joined(separator: " ")
            if let alternatives = others[own] {
                units.append(own + " = " + alternatives.sorted().joined(separator: " | "))
            } else {
                units.append(own)
            }
            index += length
        }
        return units
    }
}
