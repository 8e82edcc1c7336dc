import Foundation
import Testing
@testable import ProtositeSearch

/// Format 3 (docs/search-index.md): each protocol written once, entries
/// naming it by number, URLs derived, postings as differences, and the
/// split index's files gzipped, with the same content as the whole index.
@Suite("Search index format")
struct SearchIndexFormatTests {
    static func entry(_ slug: String, _ clause: String?, _ text: String, status: EntryStatus = .adopted, url: String? = nil) -> SearchEntry {
        let anchor = clause.map { "clause-" + $0 } ?? ""
        return SearchEntry(slug: slug, title: "The \(slug) protocol", clause: clause, anchor: anchor,
                           url: url ?? slug + "/" + (anchor.isEmpty ? "" : "#" + anchor), heading: "Heading of \(clause ?? slug)", text: text, status: status)
    }

    static let entries: [SearchEntry] = {
        var entries: [SearchEntry] = []
        for (number, slug) in ["alpha", "beta", "gamma"].enumerated() {
            entries.append(entry(slug, nil, "Preamble of \(slug).", status: number == 1 ? .draft : .adopted))
            for clause in 1...9 {
                let text = "\(clause).1 The clerk keeps \(["minutes", "accounts", "records"][clause % 3]) for meeting \(clause * (number + 1))."
                entries.append(entry(slug, "\(clause).1", text, status: number == 1 ? .draft : .adopted))
            }
        }
        entries.append(entry("gamma", "10", "An entry elsewhere.", url: "gamma/annex.html#clause-10"))
        return entries
    }()

    static func whole() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(SearchIndexBuilder.build(entries)[0].bytes)) as? [String: Any])
    }

    @Test func eachProtocolIsWrittenOnceAndEntriesNameItByNumber() throws {
        let json = try Self.whole()
        let protocols = try #require(json["protocols"] as? [[String]])
        #expect(protocols == [["alpha", "The alpha protocol"], ["beta", "The beta protocol", "draft"], ["gamma", "The gamma protocol"]])
        let rows = try #require(json["entries"] as? [[Any]])
        #expect(rows.count == Self.entries.count)
        #expect(rows.map { $0[0] as? Int } == Self.entries.map { ["alpha": 0, "beta": 1, "gamma": 2][$0.slug] })
        let text = String(decoding: SearchIndexBuilder.build(Self.entries)[0].bytes, as: UTF8.self)
        #expect(!text.contains("\"slug\""), "no entry repeats its protocol's fields")
    }

    @Test func anEntrysURLIsWrittenOnlyWhenItIsNotTheOneTheClientDerives() throws {
        let rows = try #require(try Self.whole()["entries"] as? [[Any]])
        #expect(rows.filter { $0.count == 6 }.map { $0[5] as? String } == ["gamma/annex.html#clause-10"])
        let read = try IndexReader(SearchIndexBuilder.build(Self.entries)).entries
        #expect(read.map { $0["url"] as? String } == Self.entries.map(\.url))
        #expect(read.map { $0["anchor"] as? String } == Self.entries.map(\.anchor))
        #expect(read.map { $0["text"] as? String } == Self.entries.map(\.text))
        #expect(read.map { $0["heading"] as? String } == Self.entries.map(\.heading))
        #expect(read.map { $0["clause"] as? String } == Self.entries.map(\.clause))
        #expect(read.map { $0["status"] as? String ?? "adopted" } == Self.entries.map(\.status.name))
    }

    @Test func postingsWriteEachEntryNumberButTheFirstAsTheDifference() throws {
        let raw = try #require(try Self.whole()["terms"] as? [String: [Int]])
        // "clerk" is in every clause entry: 1…9, 11…19, 21…29, each a step of 1 but at a preamble.
        let clerk = try #require(raw["clerk"])
        let entries = stride(from: 0, to: clerk.count, by: 2).map { clerk[$0] }
        #expect(entries == [1] + Array(repeating: 1, count: 8) + [2] + Array(repeating: 1, count: 8) + [2] + Array(repeating: 1, count: 8))
        let absolute = try #require(try IndexReader(SearchIndexBuilder.build(Self.entries)).terms["clerk"])
        #expect(stride(from: 0, to: absolute.count, by: 2).map { absolute[$0] } == Array(1...9) + Array(11...19) + Array(21...29))
        #expect(stride(from: 1, to: clerk.count, by: 2).map { clerk[$0] } == stride(from: 1, to: absolute.count, by: 2).map { absolute[$0] })
    }

    @Test func theSplitIndexHoldsWhatTheWholeDoesInGzippedFiles() throws {
        let whole = IndexReader(SearchIndexBuilder.build(Self.entries))
        let files = SearchIndexBuilder.build(Self.entries, shardThreshold: 10)
        let split = IndexReader(files)
        #expect(files.count > 3)
        for file in files where file.path != "search-index.json" {
            #expect(file.path.hasPrefix("search/") && file.path.hasSuffix(".json.gz"), "\(file.path)")
            #expect(Array(file.bytes.prefix(2)) == [0x1F, 0x8B], "\(file.path) is gzip")
        }
        #expect(try split.terms == whole.terms)
        let canonical = { (entries: [[String: Any]]) in try JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys]) }
        #expect(try canonical(split.entries) == canonical(whole.entries))
        #expect(try split.point["entryChunk"] as? String == "search/entries-{n}.json.gz")
        #expect(try split.point["vocabulary"] as? String == "search/vocabulary.json.gz")
    }

    @Test func preparedEntriesOfOneProtocolShareOneRowRatherThanCopies() throws {
        let prepared = SearchIndexBuilder.prepare(Self.entries, terms: TermTable())
        let alpha = prepared.prefix(10).map { $0.protocolJSON.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
        #expect(Set(alpha).count == 1, "one buffer for alpha's ten entries")
        #expect(String(decoding: prepared[0].protocolJSON, as: UTF8.self) == "[\"alpha\",\"The alpha protocol\"]")
        #expect(String(decoding: prepared[10].protocolJSON, as: UTF8.self) == "[\"beta\",\"The beta protocol\",\"draft\"]")
        #expect(String(decoding: prepared[1].json, as: UTF8.self) == "\"1.1\",\"clause-1.1\",\"Heading of 1.1\",\"1.1 The clerk keeps accounts for meeting 1.\"")
    }
}
