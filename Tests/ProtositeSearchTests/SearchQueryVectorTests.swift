import Foundation
import Testing
@testable import ProtositeSearch

/// Queries read alike on both sides: every line of
/// Tests/vectors/search-query.tsv (written from the JavaScript) holds here,
/// with the built-in vocabulary compiled by Swift.
@Suite("Search query vectors")
struct SearchQueryVectorTests {
    static let lines: [[String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("vectors/search-query.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }()

    @Test func clauseNumbersInEveryWrittenFormAreReadAsTheBrowserReadsThem() {
        let cases = Self.lines.filter { $0.first == "clauses" && $0.count == 3 }
        #expect(cases.count > 40)
        let wrong = cases.filter { SearchQuery.clauses($0[1]).joined(separator: " ") != $0[2] }
            .map { "\($0[1]): swift '\(SearchQuery.clauses($0[1]).joined(separator: " "))', js '\($0[2])'" }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func synonymUnitsOfTheBuiltInVocabularyAreTheBrowsers() {
        let groups = SearchSynonyms.compile(SearchSynonyms.builtIn)
        let cases = Self.lines.filter { $0.first == "units" && $0.count == 3 }
        #expect(cases.count > 30)
        let got = { (query: String) in SearchSynonyms.units(SearchQuery.terms(query), groups: groups).joined(separator: " ; ") }
        let wrong = cases.filter { got($0[1]) != $0[2] }.map { "\($0[1]): swift '\(got($0[1]))', js '\($0[2])'" }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func aMemberMadeOnlyOfStopWordsIsLeftOutAndAGroupNeedsTwoMembers() {
        #expect(SearchSynonyms.key("SO") == nil)
        #expect(SearchSynonyms.key("Proper Officers") == "proper offic")
        #expect(SearchSynonyms.compile([["standing order", "SO"], ["pay", "Pay", "pays"]]).isEmpty)
    }

    @Test func onlyGroupsThatCanFindSomethingOnTheSiteGoIntoTheIndex() {
        let groups = [["clerk", "proper officer"], ["tender", "quotation"]]
        #expect(SearchSynonyms.compile(groups, present: { ["proper", "offic"].contains($0) }) == [["clerk", "proper offic"]])
    }

    @Test func aLongQueryIsCutAtAWordBoundaryWithinTheLimit() {
        let long = String(repeating: "councillor ", count: 20_000)
        let bounded = SearchQuery.bounded(long)
        #expect(bounded.utf16.count <= SearchQuery.maxLength)
        #expect(bounded.hasSuffix("councillor"))
    }
}
