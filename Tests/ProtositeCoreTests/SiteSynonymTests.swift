import Foundation
import Testing
@testable import ProtositeCore

/// A site's own `search_synonyms:` in protosite.yml reach its search index,
/// written as lists or as comma lines, and only where they can find something.
@Suite("Search synonyms from protosite.yml")
struct SiteSynonymTests {
    @Test func aSitesGroupsAreReadInBothFormsAndReachTheIndex() throws {
        let config = "title: T\ncouncil: C\nsearch_synonyms:\n  - [allotment, plot]\n  - pavilion, clubhouse\n"
        let plan = try TestSupport.plan(["protosite.yml": config,
                                         "content/a.md": "---\ntitle: A\ncouncil: C\nreview: 2030-01\n---\n## 1. Land\n\n1.1 Every allotment is let by the year, and the pavilion is booked with the clerk.\n"])
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.formatted))")
        #expect(plan.config.searchSynonyms == [["allotment", "plot"], ["pavilion", "clubhouse"]])
        let index = try #require(TestSupport.text(plan, "search-index.json"))
        // Members are stemmed as the index stems them.
        #expect(index.contains("[\"allot\",\"plot\"]"), "the group that finds 'allotment' is in the index")
        #expect(index.contains("[\"pavilion\",\"clubhous\"]"))
    }

    @Test func aGroupThatFindsNothingOnTheSiteIsLeftOut() throws {
        let config = "title: T\ncouncil: C\nsearch_synonyms:\n  - [moorings, berths]\n"
        let plan = try TestSupport.plan(["protosite.yml": config,
                                         "content/a.md": "---\ntitle: A\ncouncil: C\nreview: 2030-01\n---\n## 1. Land\n\n1.1 Every allotment is let by the year.\n"])
        let index = try #require(TestSupport.text(plan, "search-index.json"))
        #expect(!index.contains("berth"))
    }
}
