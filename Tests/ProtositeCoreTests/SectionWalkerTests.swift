import Foundation
import ProtositeMarkdown
import Testing
@testable import ProtositeCore

/// Sections are counted in one place, `SectionWalker`: the search entries
/// made at parse and the back links made at link walk with it, so a
/// reference's "referred to from" is the section search shows its text in.
@Suite("Sections, counted once")
struct SectionWalkerTests {
    static let body = """
    Preamble: see paragraph 1.1.

    ## 1. Scope

    1.1 The rule.

    ## Definitions

    In these rules, paragraph 1.1 applies.

    ## 2. Duties

    2.1 The clerk:

    a. keeps the minutes;[^n]
    b. follows paragraph 1.1.

    [^n]: As paragraph 1.1 says.

    """

    static var plan: SiteBuilder.Plan {
        get throws { try TestSupport.plan(["content/test.md": TestSupport.protocolFile(body: body)]) }
    }

    @Test func everyPathLeadsToTheBlockVisitedAndFootnotesComeAtTheirMark() throws {
        let document = try MarkdownParser.parse("Intro.[^a]\n\n## Head\n\n- one\n- two\n\n[^a]: The note.\n")
        var visited: [(Int, String)] = []
        SectionWalker.walk(document, footnotes: .atTheirMark) { section, block, path in
            var copy = document
            copy.modify(at: path) { #expect($0 == block) }
            visited.append((section, block.plainText))
        }
        #expect(visited.map(\.1) == ["Intro.", "Head", "one", "two", "The note."])
        // The heading has no id here (ids come from the clause finder), so one section.
        #expect(visited.allSatisfy { $0.0 == 0 })
        var leftOut: [String] = []
        SectionWalker.walk(document) { _, block, _ in leftOut.append(block.plainText) }
        #expect(leftOut == ["Intro.", "Head", "one", "two"])
    }

    /// Each section whose text (as search holds it) cites 1.1 is a back
    /// link of 1.1, by its anchor; the footnote's by the clause of its mark.
    @Test func backLinksComeFromTheSectionsSearchShows() throws {
        let linked = try #require(try Self.plan.site?.protocols.first)
        let citing = linked.document.sections.filter { $0.text.contains("paragraph 1.1") }.map { $0.anchor ?? "(preamble)" }
        #expect(citing == ["(preamble)", "definitions", "clause-2.1-b"])
        let from = (linked.backLinks["clause-1.1"] ?? []).map { $0.fromAnchor ?? "(preamble)" }
        #expect(from == ["(preamble)", "definitions", "clause-2.1-b", "clause-2.1-a"])
    }
}
