import Foundation
import Testing
@testable import ProtositeSearch

@Suite("Search index files")
struct SearchIndexFileTests {
    let entries = [
        SearchEntry(slug: "code", title: "Code <of> Conduct", clause: "4.8", anchor: "clause-4.8", url: "code/#clause-4.8", heading: "Respect", text: "Line\u{2028}separator"),
        SearchEntry(slug: "code", title: "Code <of> Conduct", clause: nil, anchor: "", url: "code/", heading: "Code <of> Conduct", text: "Preamble"),
    ]

    @Test func theEntryPointIsValidJSONSafeInsideHTML() throws {
        let files = SearchIndexBuilder.build(entries)
        let entry = try #require(files.first { $0.path == "search-index.json" })
        let text = String(decoding: entry.bytes, as: UTF8.self)
        #expect(!text.contains("\u{2028}"))
        #expect(!text.contains("<"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(entry.bytes)) as? [String: Any])
        #expect(json["version"] != nil)
    }

    @Test func theSameEntriesGiveTheSameBytes() {
        #expect(SearchIndexBuilder.build(entries) == SearchIndexBuilder.build(entries))
    }
}

@Suite("Search index scoring")
struct SearchIndexScoringTests {
    @Test func bareHeadingsDoNotMatchOnTheTitleAlone() throws {
        let entries = [
            SearchEntry(slug: "p", title: "Councillor Protocol", clause: "1", anchor: "clause-1", url: "p/#clause-1", heading: "Purpose", text: ""),
            SearchEntry(slug: "p", title: "Councillor Protocol", clause: "1.1", anchor: "clause-1.1", url: "p/#clause-1.1", heading: "Purpose", text: "Why this exists."),
        ]
        let terms = try IndexReader(SearchIndexBuilder.build(entries)).terms
        let councillor = try #require(terms["councillor"])
        #expect(stride(from: 0, to: councillor.count, by: 2).map { councillor[$0] } == [1])
        let purpose = try #require(terms["purpos"])
        #expect(stride(from: 0, to: purpose.count, by: 2).map { purpose[$0] } == [0, 1])
    }

    @Test func largeSitesGetASplitIndex() throws {
        let entries = (0..<50).map { i in
            SearchEntry(slug: "p\(i)", title: "Protocol \(i)", clause: "1.\(i)", anchor: "clause-1.\(i)", url: "p\(i)/#clause-1.\(i)", heading: "Heading \(i)", text: "Word\(i) text about meetings and the clerk number \(i).")
        }
        let files = SearchIndexBuilder.build(entries, shardThreshold: 10)
        let point = try #require(try JSONSerialization.jsonObject(with: Data(files[0].bytes)) as? [String: Any])
        #expect(files[0].path == "search-index.json")
        #expect(point["version"] as? Int == SearchIndexBuilder.formatVersion)
        let shards = try #require(point["termShards"] as? [[String: String]])
        #expect(!shards.isEmpty)
        for shard in shards { #expect(files.contains { $0.path == shard["file"] }) }
        #expect(files.contains { $0.path == "search/vocabulary.json.gz" })
        #expect(files.contains { $0.path == "search/entries-0.json.gz" })
        for file in files { #expect((try? IndexReader(files).json(file.path)) != nil, "\(file.path)") }
    }
}
