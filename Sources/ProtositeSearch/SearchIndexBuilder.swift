import Foundation

/// A file of the search index: its path under the site root and its bytes.
public struct SearchIndexFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Builds the prebuilt search index (format: docs/search-index.md): every
/// entry's fields, and for every term the entries it occurs in with a BM25F
/// score computed here, so the browser only looks up and adds.
public enum SearchIndexBuilder {
    public static let formatVersion = 1

    /// Field weights: a word in the protocol's title or aliases counts three
    /// times, in the heading (or the clause number) twice, in the text once.
    static let titleWeight = 3.0, headingWeight = 2.0, textWeight = 1.0
    static let k1 = 1.2, b = 0.75

    public static func build(_ entries: [SearchEntry]) -> [SearchIndexFile] {
        // Term frequencies per entry, fields weighted.
        var frequencies: [[String: Double]] = []
        var lengths: [Double] = []
        frequencies.reserveCapacity(entries.count)
        var titleTerms: [String: [String]] = [:]
        for entry in entries {
            var counts: [String: Double] = [:]
            let titles = titleTerms[entry.slug] ?? SearchText.terms(([entry.title] + entry.aliases).joined(separator: " "))
            titleTerms[entry.slug] = titles
            for term in titles { counts[term, default: 0] += titleWeight }
            for term in SearchText.terms(entry.heading) { counts[term, default: 0] += headingWeight }
            if let clause = entry.clause { counts[clause, default: 0] += headingWeight }
            let text = SearchText.terms(entry.text)
            for term in text { counts[term, default: 0] += textWeight }
            frequencies.append(counts)
            lengths.append(Double(max(text.count, 1)))
        }
        let count = Double(max(entries.count, 1))
        let average = lengths.reduce(0, +) / count
        var postings: [String: [(Int, Int)]] = [:]
        var documentFrequency: [String: Int] = [:]
        for counts in frequencies { for term in counts.keys { documentFrequency[term, default: 0] += 1 } }
        for (index, counts) in frequencies.enumerated() {
            let norm = 1 - b + b * lengths[index] / max(average, 1)
            for (term, tf) in counts {
                let df = Double(documentFrequency[term] ?? 1)
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let score = idf * tf * (k1 + 1) / (tf + k1 * norm)
                postings[term, default: []].append((index, Int((score * 100).rounded())))
            }
        }
        var json = "{\"version\":\(formatVersion),\"entries\":["
        for (index, entry) in entries.enumerated() {
            if index > 0 { json += "," }
            json += "{\"slug\":\(quote(entry.slug)),\"title\":\(quote(entry.title)),\"clause\":\(entry.clause.map(quote) ?? "null")"
            json += ",\"anchor\":\(quote(entry.anchor)),\"url\":\(quote(entry.url)),\"heading\":\(quote(entry.heading)),\"text\":\(quote(entry.text))}"
        }
        json += "],\"terms\":{"
        for (index, term) in postings.keys.sorted().enumerated() {
            if index > 0 { json += "," }
            let list = postings[term]!.sorted { $0.0 < $1.0 }.map { "\($0.0),\(max($0.1, 1))" }.joined(separator: ",")
            json += "\(quote(term)):[\(list)]"
        }
        json += "}}\n"
        return [SearchIndexFile(path: "search-index.json", bytes: Array(json.utf8))]
    }

    /// A JSON string, safe inside HTML too: `<`, `>`, `&`, U+2028 and U+2029 escaped.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
