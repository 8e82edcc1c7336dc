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

    /// - Parameter shardThreshold: sites with more entries than this get the split index.
    public static func build(_ entries: [SearchEntry], shardThreshold: Int = 3000) -> [SearchIndexFile] {
        // Term frequencies per entry, fields weighted; on all cores, as each
        // entry's words are its own.
        var titles: [String: [String]] = [:]
        for entry in entries where titles[entry.slug] == nil {
            titles[entry.slug] = SearchText.terms(([entry.title] + entry.aliases).joined(separator: " "))
        }
        let titleTerms = titles
        let results = ResultSlots<([String: Double], Double)>(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let entry = entries[index]
            var counts: [String: Double] = [:]
            // A bare heading ("1. Purpose") would otherwise match every query
            // for its protocol's title, above clauses that say something.
            if !entry.text.isEmpty {
                for term in titleTerms[entry.slug] ?? [] { counts[term, default: 0] += titleWeight }
            }
            for term in SearchText.terms(entry.heading) { counts[term, default: 0] += headingWeight }
            if let clause = entry.clause { counts[clause, default: 0] += headingWeight }
            let text = SearchText.terms(entry.text)
            for term in text { counts[term, default: 0] += textWeight }
            results.set(index, (counts, Double(max(text.count, 1))))
        }
        let frequencies = results.values.map(\.0)
        let lengths = results.values.map(\.1)
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
        let sortedTerms = postings.keys.sorted()
        func postingList(_ term: String) -> String {
            postings[term]!.sorted { $0.0 < $1.0 }.map { "\($0.0),\(max($0.1, 1))" }.joined(separator: ",")
        }
        guard entries.count > shardThreshold else {
            var json = "{\"version\":\(formatVersion),\"entries\":["
            json += entries.map(entryJSON).joined(separator: ",")
            json += "],\"terms\":{"
            json += sortedTerms.map { "\(quote($0)):[\(postingList($0))]" }.joined(separator: ",")
            json += "}}\n"
            return [SearchIndexFile(path: "search-index.json", bytes: Array(json.utf8))]
        }
        // A large site: a query fetches the entry point, the term shards its
        // words fall in, and the entry chunks of the results it shows.
        var files: [SearchIndexFile] = []
        var shards: [(file: String, first: String)] = []
        var current: [String] = []
        var size = 0
        func flush() {
            guard !current.isEmpty else { return }
            let file = "search/terms-\(shards.count).json"
            let body = "{" + current.joined(separator: ",") + "}\n"
            files.append(SearchIndexFile(path: file, bytes: Array(body.utf8)))
            shards.append((file, shardFirst.last ?? ""))
            current = []
            size = 0
        }
        var shardFirst: [String] = []
        for term in sortedTerms {
            if current.isEmpty { shardFirst.append(term) }
            let member = "\(quote(term)):[\(postingList(term))]"
            current.append(member)
            size += member.utf8.count
            if size >= shardBytes { flush() }
        }
        flush()
        for start in stride(from: 0, to: entries.count, by: chunkSize) {
            let chunk = entries[start..<min(start + chunkSize, entries.count)].map(entryJSON).joined(separator: ",")
            files.append(SearchIndexFile(path: "search/entries-\(start / chunkSize).json", bytes: Array(("[" + chunk + "]\n").utf8)))
        }
        let vocabulary = "[" + sortedTerms.map(quote).joined(separator: ",") + "]\n"
        files.append(SearchIndexFile(path: "search/vocabulary.json", bytes: Array(vocabulary.utf8)))
        var entry = "{\"version\":\(formatVersion),\"entryCount\":\(entries.count),\"chunkSize\":\(chunkSize)"
        entry += ",\"entryChunk\":\"search/entries-{n}.json\",\"vocabulary\":\"search/vocabulary.json\",\"termShards\":["
        entry += shards.map { "{\"file\":\(quote($0.file)),\"first\":\(quote($0.first))}" }.joined(separator: ",")
        entry += "]}\n"
        files.insert(SearchIndexFile(path: "search-index.json", bytes: Array(entry.utf8)), at: 0)
        return files
    }

    /// About this many bytes of postings per term shard.
    static let shardBytes = 48 * 1024
    /// Entries per chunk file.
    static let chunkSize = 200

    static func entryJSON(_ entry: SearchEntry) -> String {
        "{\"slug\":\(quote(entry.slug)),\"title\":\(quote(entry.title)),\"clause\":\(entry.clause.map(quote) ?? "null")"
            + ",\"anchor\":\(quote(entry.anchor)),\"url\":\(quote(entry.url)),\"heading\":\(quote(entry.heading)),\"text\":\(quote(entry.text))}"
    }

    static func quote(_ text: String) -> String { JSONString.quote(text) }
}
