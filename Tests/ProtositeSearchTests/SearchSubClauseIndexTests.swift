import Foundation
import Testing
@testable import ProtositeSearch

/// Sub-clause entries (SPEC §4) give the index the same single token a
/// query makes of their number, so the browser finds them by it.
@Suite("Search index sub-clauses")
struct SearchSubClauseIndexTests {
    static func entry(_ clause: String?, _ heading: String, _ text: String) -> SearchEntry {
        let anchor = clause.map { "clause-" + $0 } ?? ""
        return SearchEntry(slug: "so", title: "Standing Orders", clause: clause, anchor: anchor, url: "so/#\(anchor)", heading: heading, text: text)
    }

    static let entries = [
        entry("1", "Meetings", "Rules of debate at meetings."),
        entry("1(j)(ii)", "Meetings", "A motion to adjourn the meeting."),
        entry("1(K)", "Meetings", "Amendments are debated one at a time."),
        entry("4.1(a)", "Finance", "The clerk keeps the accounts."),
        entry("5", "Motions", "Subject to standing order 1(k), motions are moved and seconded."),
    ]

    static func terms(_ files: [SearchIndexFile]) throws -> [String: [Int]] {
        try IndexReader(files).terms
    }

    /// Entry index → score, of one term's postings.
    static func postings(_ list: [Int]?) -> [Int: Int] {
        guard let list else { return [:] }
        return Dictionary(uniqueKeysWithValues: stride(from: 0, to: list.count, by: 2).map { (list[$0], list[$0 + 1]) })
    }

    @Test func eachClauseNumberIsOneTermAsAQueryMakesIt() throws {
        let terms = try Self.terms(SearchIndexBuilder.build(Self.entries))
        #expect(Self.postings(terms["1(j)(ii)"]).keys.sorted() == [1])
        #expect(Self.postings(terms["4.1(a)"]).keys.sorted() == [3])
        // Written upper case, indexed folded; also met in another clause's text.
        #expect(terms["1(K)"] == nil)
        let k = Self.postings(terms["1(k)"])
        #expect(k.keys.sorted() == [2, 4])
        // Nothing of the numbers is left in pieces: no label became a word.
        for piece in ["j", "ii", "k", "a", "4.1"] { #expect(terms[piece] == nil, "\(piece)") }
        for clause in ["1(j)(ii)", "1(k)", "4.1(a)"] {
            #expect(SearchText.words(clause) == [clause])
            #expect(SearchText.terms(clause) == [clause], "never stemmed or stopped")
        }
    }

    @Test func theClauseNumberWeighsAsAHeading() throws {
        let terms = try Self.terms(SearchIndexBuilder.build(Self.entries))
        let k = Self.postings(terms["1(k)"])
        // The clause's own entry (heading weight) above the one citing it (text weight).
        #expect(try #require(k[2]) > #require(k[4]))
    }

    @Test func aSplitIndexRoutesSubClauseTermsAsTheBrowserDoes() throws {
        // Enough entries for several shards (about 48 KB of postings each),
        // their terms crowded about "1(…)", "1.…" and "10…".
        let labels = "abcdefghjkmnpqrstuwyz".map(String.init) + ["aa", "ii", "iv", "ix", "xx", "2", "10"]
        var entries = Self.entries
        for n in 1...90 {
            for label in labels {
                entries.append(Self.entry("\(n)(\(label))", "Part \(n)", "Text of \(n)(\(label)) and 1(\(label))(ii), 4.\(n)(\(label)) about the clerk."))
            }
        }
        let files = SearchIndexBuilder.build(entries, shardThreshold: 10)
        let point = try #require(try JSONSerialization.jsonObject(with: Data(files[0].bytes)) as? [String: Any])
        let shards = try #require(point["termShards"] as? [[String: String]])
        #expect(shards.count > 2)
        // search-shards.js picks the last shard whose first term is not after
        // the term, comparing UTF-16 code units; for ASCII terms, bytes.
        func browserShard(_ term: String) -> Int {
            shards.lastIndex { Array($0["first"]!.utf8).lexicographicallyPrecedes(Array(term.utf8)) || $0["first"] == term } ?? 0
        }
        var seen = 0
        for (number, shard) in shards.enumerated() {
            let path = try #require(shard["file"])
            let terms = try #require(try IndexReader(files).json(path) as? [String: [Int]])
            for term in terms.keys {
                #expect(browserShard(term) == number, "\(term)")
                seen += 1
            }
        }
        #expect(seen > 100)
    }
}
