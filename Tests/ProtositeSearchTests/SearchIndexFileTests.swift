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
