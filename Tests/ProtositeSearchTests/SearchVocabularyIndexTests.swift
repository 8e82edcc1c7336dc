import Foundation
import Testing
@testable import ProtositeSearch

/// What the index tells the browser besides terms: the synonym groups that
/// can find something on the site, and which entries are not adopted.
@Suite("Search index vocabulary and status")
struct SearchVocabularyIndexTests {
    static func index(_ entries: [SearchEntry], synonyms: [[String]]) throws -> [String: Any] {
        let file = try #require(SearchIndexBuilder.build(entries, synonyms: synonyms).first)
        return try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
    }

    static let entries = [
        SearchEntry(slug: "a", title: "Pay Policy", clause: "1", anchor: "clause-1", url: "a/#clause-1", heading: "Pay", text: "The remuneration of the Proper Officer."),
        SearchEntry(slug: "b", title: "Old Policy", clause: "1", anchor: "clause-1", url: "b/#clause-1", heading: "Old", text: "Old text.", status: .superseded),
        SearchEntry(slug: "b", title: "Old Policy", clause: "2", anchor: "clause-2", url: "b/#clause-2", heading: "Old", text: "More old text.", status: .superseded),
        SearchEntry(slug: "c", title: "New Policy", clause: "1", anchor: "clause-1", url: "c/#clause-1", heading: "New", text: "New text."),
    ]

    @Test func theIndexCarriesOnlySynonymGroupsThatCanFindSomethingHere() throws {
        let json = try Self.index(Self.entries, synonyms: SearchSynonyms.builtIn + [["allotment", "plot"]])
        let groups = try #require(json["synonyms"] as? [[String]])
        #expect(groups.contains { $0.contains("remuner") && $0.contains("pay") })
        #expect(groups.contains { $0.contains("proper offic") && $0.contains("clerk") })
        #expect(!groups.contains { $0.contains("allot") }, "no allotment on this site")
        #expect(!groups.contains { $0.contains("tender") })
    }

    @Test func entriesOfProtocolsNotAdoptedAreMarkedInRunsAndInTheirProtocol() throws {
        let json = try Self.index(Self.entries, synonyms: [])
        #expect(json["synonyms"] == nil)
        let runs = try #require(json["status"] as? [[Any]])
        #expect(runs.count == 1)
        #expect(runs[0][0] as? Int == 1 && runs[0][1] as? Int == 2 && runs[0][2] as? String == "superseded")
        let entries = try IndexReader(SearchIndexBuilder.build(Self.entries)).entries
        #expect(entries[1]["status"] as? String == "superseded")
        #expect(entries[0]["status"] == nil, "an adopted entry says nothing")
    }

    @Test func aSiteWhereEveryProtocolIsAdoptedHasNoStatusMember() throws {
        let json = try Self.index([Self.entries[0]], synonyms: [])
        #expect(json["status"] == nil)
    }
}
