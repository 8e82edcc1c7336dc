import Foundation
import Testing
@testable import ProtositeCore
@testable import ProtositeSearch

/// A protocol's prepared search entries survive the cache as they were,
/// and come back sharing one protocol row instead of a copy each.
@Suite("Search entries in the build cache")
struct SearchRecordCacheTests {
    @Test func preparedEntriesComeBackAsTheyWereSharingTheirProtocolRow() throws {
        let entries = (1...5).map { clause in
            SearchEntry(slug: "code", title: "Code of Conduct", clause: "\(clause)", anchor: "clause-\(clause)", url: "code/#clause-\(clause)",
                        heading: "Part \(clause)", text: "\(clause) The clerk keeps the register.", status: .draft)
        }
        let prepared = SearchIndexBuilder.prepare(entries, terms: TermTable())
        let record = DocumentRecord(path: "content/code.md", sourceHash: 7,
                                    summary: LinkSummary(path: "content/code.md", slug: "code", title: "Code of Conduct", aliases: [], citedAs: [], anchors: [], clauses: []),
                                    references: [], diagnostics: [], listing: Array("{}".utf8), search: prepared[...])
        let decoded = try DocumentRecord(decoding: record.encoded()[...])
        #expect(Array(decoded.search) == prepared)
        #expect(decoded.search.map { String(decoding: $0.protocolJSON, as: UTF8.self) } == Array(repeating: "[\"code\",\"Code of Conduct\",\"draft\"]", count: 5))
        let buffers = Set(decoded.search.map { $0.protocolJSON.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } })
        #expect(buffers.count == 1, "one row for the document's entries")
    }
}
