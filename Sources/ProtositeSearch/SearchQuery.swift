import Foundation

/// What a query asks for, as the browser reads it (search-query.js): clause
/// numbers in the forms councillors write them (`1(k)`, `1k`, `SO 3C`,
/// `4.1(a)`, `5.1b`, `para 10(2)(a)`) and its length bounded. The build does
/// not search; these are here so that both sides are held to the same
/// vectors (Tests/vectors/search-query.tsv).
public enum SearchQuery {
    /// A query is read up to this many characters.
    public static let maxLength = 256

    /// A clause number with one letter (or a doubled one) written against
    /// it: 1k, 3C, 5.1b, 3B(iv). Not a year's digits (four), not 1st or 10am.
    static let letterLabel = try! NSRegularExpression(pattern: #"(^|[^\p{L}\p{N}.])(\d{1,3}(?:\.\d+)*)([a-z])(\3)?(?![\p{L}\p{N}])"#, options: [.caseInsensitive])

    /// The query with letters written against clause numbers put in
    /// brackets: `SO 3C` → `SO 3(c)`.
    public static func clauseForms(_ raw: String) -> String {
        let text = raw as NSString
        var out = ""
        var cursor = 0
        for match in letterLabel.matches(in: raw, range: NSRange(location: 0, length: text.length)) {
            out += text.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let label = (text.substring(with: match.range(at: 3)) + (match.range(at: 4).location == NSNotFound ? "" : text.substring(with: match.range(at: 4)))).lowercased()
            out += text.substring(with: match.range(at: 1)) + text.substring(with: match.range(at: 2)) + "(" + label + ")"
            cursor = match.range.location + match.range.length
        }
        return out + text.substring(from: cursor)
    }

    /// The first `maxLength` characters (UTF-16, as the browser counts), not
    /// cutting a word in two where it can help it.
    public static func bounded(_ raw: String) -> String {
        let units = Array(raw.utf16)
        guard units.count > maxLength else { return raw }
        let cut = Array(units[0..<maxLength])
        if let space = cut.lastIndex(of: 0x20), space > maxLength / 2 {
            return String(decoding: cut[0..<space], as: UTF16.self)
        }
        return String(decoding: cut, as: UTF16.self)
    }

    /// The clause numbers a query names: sub-clause numbers in any written
    /// form, dotted numbers (`4.8`), or a plain number after `§`.
    public static func clauses(_ raw: String) -> [String] {
        let query = bounded(raw)
        let rest = unquoted(query)
        return SearchText.words(clauseForms(rest)).filter { word in
            if SearchText.isSubClause(word) { return true }
            let isNumber = word.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && word.first?.isNumber == true
                && !word.contains("..") && word.last != "."
            return isNumber && (word.contains(".") || query.contains("§"))
        }
    }

    /// The query's words, stop words out, stemmed, as the browser's terms.
    public static func terms(_ raw: String) -> [String] {
        SearchText.terms(clauseForms(unquoted(bounded(raw))))
    }

    /// Quoted phrases read as their words.
    static func unquoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: " ")
    }
}
