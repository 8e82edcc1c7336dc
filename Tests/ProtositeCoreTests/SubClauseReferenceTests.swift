import Foundation
import Testing
@testable import ProtositeCore

/// The sub-clause reference forms of SPEC §4 "Cross references", each with
/// the rule in its name, and the numbers that must stay text.
@Suite("Sub-clause references")
struct SubClauseReferenceTests {
    static let standingOrders = TestSupport.protocolFile("title: Standing Orders\ncouncil: C\nslug: so\ncited_as: [standing order]\nreview: 2027-06", body: """

    ## 1. Debate

    a. One.

    j. Ten:

       (i) first;

       (ii) second.

    k. Eleven.

    ## 4. Interests

    (1) One.

    (2) Two:

       (a) declare;

       (b) leave.

    (3) Three.

    ## 5. Money

    5.1 Payments:

    (a) budget;

    (b) signatures.

    ## 10. Code

    (2) Scope:

    (a) a letter,

    (ix) a numeral:

    (aa) first,

    (bb) second,

    (cc) third.

    (c) the next letter.

    """)

    func links(_ sentence: String) throws -> (links: [String], diagnostics: [Diagnostic]) {
        let plan = try TestSupport.plan([
            "content/so.md": Self.standingOrders,
            "content/test.md": TestSupport.protocolFile("title: Test\ncouncil: C\nslug: test\nreview: 2027-06", body: "\n## 1. Only\n\n1.1 \(sentence)\n"),
        ])
        let page = try #require(TestSupport.text(plan, "test/index.html"))
        let pattern = try NSRegularExpression(pattern: "<a class=\"xref\" href=\"([^\"]*)\">([^<]*)</a>")
        let found = pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { match in
            String(page[Range(match.range(at: 2), in: page)!]) + "→" + String(page[Range(match.range(at: 1), in: page)!])
        }
        return (found, plan.diagnostics.filter { $0.path == "content/test.md" })
    }

    func expectLinks(_ sentence: String, _ expected: [String]) throws {
        let result = try links(sentence)
        #expect(result.links == expected, "\(sentence)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func aCapitalLabelIsTheSameSubClause_1K_is_1k() throws {
        try expectLinks("Subject to standing order 1(K) and standing order 1(k).", ["1(K)→../so/#clause-1-k", "1(k)→../so/#clause-1-k"])
    }

    @Test func aBareLabelInAListTakesItsSiblingsParent() throws {
        try expectLinks("See standing orders 1(j)(i) and (ii).", ["1(j)(i)→../so/#clause-1-j-i", "(ii)→../so/#clause-1-j-ii"])
        try expectLinks("See standing orders 4(1), (2) and (3).", ["4(1)→../so/#clause-4-1", "(2)→../so/#clause-4-2", "(3)→../so/#clause-4-3"])
    }

    /// A document with the model's 5(i) and 5(j), and 4(d)(viii).
    static let model = TestSupport.protocolFile("title: Model\ncouncil: C\nslug: model\ncited_as: [standing order]\nreview: 2027-06", body: """

    ## 4. Meetings

    a. One.

    b. Two.

    c. Three.

    d. Four:

    (i) one;

    (ii) two;

    (iii) three;

    (iv) four;

    (v) five;

    (vi) six;

    (vii) seven;

    (viii) eight.

    ## 5. Voting

    a. One.

    b. Two.

    c. Three.

    d. Four.

    e. Five.

    f. Six.

    g. Seven.

    h. Eight.

    i. Nine.

    j. Ten.

    """)

    func modelLinks(_ sentence: String) throws -> [String] {
        let plan = try TestSupport.plan([
            "content/model.md": Self.model,
            "content/test.md": TestSupport.protocolFile("title: Test\ncouncil: C\nslug: test\nreview: 2027-06", body: "\n## 1. Only\n\n1.1 \(sentence)\n"),
        ])
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.formatted))")
        let page = try #require(TestSupport.text(plan, "test/index.html"))
        let pattern = try NSRegularExpression(pattern: "<a class=\"xref\" href=\"([^\"]*)\">([^<]*)</a>")
        return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { match in
            String(page[Range(match.range(at: 2), in: page)!]) + "→" + String(page[Range(match.range(at: 1), in: page)!])
        }
    }

    @Test func standingOrders5iAnd_j_LinkTheLetterIAndItsSiblingJ() throws {
        #expect(try modelLinks("See standing orders 5(i) and (j).") == ["5(i)→../model/#clause-5-i", "(j)→../model/#clause-5-j"])
    }

    @Test func fourDviiiIsTheRomanEightUnderTheLetterD() throws {
        #expect(try modelLinks("See standing order 4D(viii).") == ["4D(viii)→../model/#clause-4-d-viii"])
    }

    @Test func aCapitalAgainstTheNumberIsALabel_4D_viii() throws {
        try expectLinks("See standing order 4B(ii) and standing order 1K.", ["4B(ii)→../so/#clause-4", "1K→../so/#clause-1-k"])
        try expectLinks("See standing order 1J(ii).", ["1J(ii)→../so/#clause-1-j-ii"])
    }

    @Test func eachEndOfARangeOfLabelsIsALink() throws {
        try expectLinks("See standing orders 4(1) to (3).", ["4(1)→../so/#clause-4-1", "(3)→../so/#clause-4-3"])
        try expectLinks("See standing orders 10(2)(a)(ix)(aa) to (cc).", ["10(2)(a)(ix)(aa)→../so/#clause-10-2-a-ix-aa", "(cc)→../so/#clause-10-2-a-ix-cc"])
    }

    @Test func aDecimalClauseWithLetters_4_1a() throws {
        try expectLinks("See standing order 5.1(b).", ["5.1(b)→../so/#clause-5.1-b"])
    }

    @Test func aMissingSubClauseLinksTheDeepestThatExistsWithoutAWarning() throws {
        try expectLinks("See standing order 4(2)(c) and standing order 1(j)(ix).", ["4(2)(c)→../so/#clause-4-2", "1(j)(ix)→../so/#clause-1-j"])
    }

    @Test func aMissingClauseBelowItsLabelsIsStillAWarning() throws {
        let result = try links("See standing order 7(a).")
        #expect(result.links.isEmpty)
        #expect(result.diagnostics.first?.message.contains("has no clause 7") == true)
    }

    @Test func aBareSubClauseNumberIsAReferenceInItsOwnDocument() throws {
        let plan = try TestSupport.plan([
            "content/so.md": Self.standingOrders.replacingOccurrences(of: "(3) Three.", with: "(3) Three, as described in 10(2)(a)(ix); see also 10(2)(a) and (c)."),
        ])
        let page = try #require(TestSupport.text(plan, "so/index.html"))
        #expect(page.contains("<a class=\"xref\" href=\"#clause-10-2-a-ix\">10(2)(a)(ix)</a>"))
        #expect(page.contains("<a class=\"xref\" href=\"#clause-10-2-a\">10(2)(a)</a>"))
        #expect(page.contains("<a class=\"xref\" href=\"#clause-10-2-c\">(c)</a>"))
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.formatted))")
    }

    @Test func aYearWithABracketIsNeverAClause_1990_1() throws {
        try expectLinks("Under the Regulations 1990(1) and the Act 2000(2)(a).", [])
    }

    @Test func aStatutesSectionIsExternal() throws {
        try expectLinks("Under section 49(2) of the Local Government Act 2000, and under 4(1) of the Localism Act.", [])
    }

    @Test func aNumberAfterAWordNoDocumentDeclaresIsText() throws {
        try expectLinks("Schedule 12(3), regulation 4(1) and article 10(2)(a) are not ours.", [])
    }

    @Test func thePreambleLabelAndTheMoneyAreNotReferences() throws {
        try expectLinks("A contract above £25,000 (a) is advertised.", [])
    }
}

/// A reference link's accessible name: the words it shows, then where it
/// leads, so that a list of links read aloud is not a list of bare numbers.
@Suite("Reference link names")
struct ReferenceLabelTests {
    @Test func aReferenceIsNamedByItsClauseAndAnotherProtocolsByItsTitleToo() throws {
        let plan = try TestSupport.plan([
            "content/so.md": SubClauseReferenceTests.standingOrders,
            "content/test.md": TestSupport.protocolFile("title: Test\ncouncil: C\nslug: test\nreview: 2027-06", body: "\n## 1. Only\n\n1.1 See paragraph 1.2 and standing orders 1(J)(ii) and (i), and 4B(ii).\n\n1.2 Two.\n"),
        ])
        let page = try #require(TestSupport.rawText(plan, "test/index.html"))
        #expect(page.contains("<a class=\"xref\" href=\"#clause-1.2\" aria-label=\"clause 1.2\">1.2</a>"))
        #expect(page.contains("<a class=\"xref\" href=\"../so/#clause-1-j-ii\" aria-label=\"Standing Orders, clause 1(J)(ii)\">1(J)(ii)</a>"))
        #expect(page.contains("<a class=\"xref\" href=\"../so/#clause-1-j-i\" aria-label=\"(i), Standing Orders, clause 1(j)(i)\">(i)</a>"))
        #expect(page.contains("<a class=\"xref\" href=\"../so/#clause-4\" aria-label=\"4B(ii), Standing Orders, clause 4\">4B(ii)</a>"))
    }

    @Test func aClauseNumberIsNamedByItsOwnTextAlone() throws {
        let plan = try TestSupport.plan(["content/so.md": SubClauseReferenceTests.standingOrders])
        let page = try #require(TestSupport.rawText(plan, "so/index.html"))
        #expect(page.contains("<h2 id=\"clause-1\"><a class=\"clause-number\" href=\"#clause-1\">1.</a> Debate</h2>"))
        #expect(page.contains("<p id=\"clause-1-a\"><a class=\"clause-number sub-1\" href=\"#clause-1-a\">a.</a> One.</p>"))
    }
}
