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

@Suite("Search index term shards")
struct SearchIndexShardTests {
    /// The split index bounds its term shards by counted member sizes, so
    /// that no shard's members are made before its turn: the count must be
    /// the bytes written, or shards drift from their intended size.
    @Test func aMembersCountedSizeIsTheBytesItWrites() {
        let entries = (0..<300).map { i in
            SearchEntry(slug: "p\(i % 7)", title: "Protocol \(i % 7) \"quoted\" café", clause: "\(i).1", anchor: "clause-\(i).1", url: "p\(i % 7)/#clause-\(i).1",
                        heading: "Heading \(i)", text: "Word\(i) text about meetings, the clerk, naïve \\ back\\slash and number \(i * 7919).")
        }
        let terms = TermTable()
        let scored = SearchIndexBuilder.score(SearchIndexBuilder.prepare(entries, terms: terms), table: terms)
        #expect(scored.terms.count > 100)
        var scratch: [UInt8] = []
        for index in scored.terms.indices {
            var member: [UInt8] = []
            SearchIndexBuilder.appendMember(scored, index, to: &member)
            #expect(SearchIndexBuilder.memberSize(scored, index, scratch: &scratch) == member.count, "\(scored.terms[index])")
        }
    }

    @Test func decimalDigitsCountEveryPowerOfTen() {
        #expect([0, 9, 10, 99, 100, 12_345, 1_000_000].map(SearchIndexBuilder.decimalDigits) == [1, 1, 2, 2, 3, 5, 7])
    }
}

@Suite("Search index files handed over as made")
struct SearchIndexEmitTests {
    static let entries = (0..<60).map { i in
        SearchEntry(slug: "p\(i % 9)", title: "Protocol \(i % 9)", clause: "1.\(i)", anchor: "clause-1.\(i)", url: "p\(i % 9)/#clause-1.\(i)",
                    heading: "Heading \(i)", text: "Word\(i) text about meetings and the clerk number \(i).")
    }

    final class Received: @unchecked Sendable {
        private var files: [SearchIndexFile] = []
        private let lock = NSLock()
        func put(_ file: SearchIndexFile) { lock.withLock { files.append(file) } }
        var all: [SearchIndexFile] { lock.withLock { files } }
    }

    @Test func everyFileIsHandedOverOnceAndListedInTheIndexsOrder() throws {
        let received = Received()
        let terms = TermTable()
        let paths = try SearchIndexBuilder.build(SearchIndexBuilder.prepare(Self.entries, terms: terms), terms: terms, shardThreshold: 10) { received.put($0) }
        let whole = SearchIndexBuilder.build(Self.entries, shardThreshold: 10)
        #expect(paths == whole.map(\.path))
        #expect(received.all.count == paths.count)
        #expect(Set(received.all.map(\.path)) == Set(paths))
    }

    struct Full: Error {}

    @Test func theFirstFailureToTakeAFileEndsTheIndex() {
        let terms = TermTable()
        let prepared = SearchIndexBuilder.prepare(Self.entries, terms: terms)
        #expect(throws: Full.self) {
            _ = try SearchIndexBuilder.build(prepared, terms: terms, shardThreshold: 10) { file in
                if file.path.hasPrefix("search/entries-") { throw Full() }
            }
        }
    }
}
