import Foundation
import Testing
@testable import ProtositeCore

/// The reference grammar of SPEC §4 "Cross references", with its false friends.
@Suite("Cross references")
struct ReferenceLinkingTests {
    static let codeOfConduct = TestSupport.protocolFile("title: Code of Conduct\ncouncil: C\nslug: code\naliases: [Members' Code]\nreview: 2027-06", body: """

    ## 1. General

    1.1 Applies to all.

    ## 3. Duties

    3.1 Be courteous.

    3.2 Be fair.

    ## 4. Respect

    4.8 First.

    4.9 Second.

    4.10 Third.

    4.11 Fourth.

    ## 5. Complaints

    5.6 How to complain.

    """)

    static let standingOrders = TestSupport.protocolFile("title: Standing Orders\ncouncil: C\nslug: standing-orders\ncited_as: [standing order]\nreview: 2027-06", body: """

    ## 13. Meetings

    13.1 Quorum.

    """)

    static let financialRegulations = TestSupport.protocolFile("title: Financial Regulations\ncouncil: C\ncited_as: [regulation, reg.]\nreview: 2027-06", body: """

    ## 1. General

    1.1 See standing orders 13 and Regulation 5 above, under the Accounts and Audit Regulations 2015.

    ## 5. Banking

    5.1 Banking rules.

    """)

    /// Builds a site with the three protocols above plus one under test.
    func build(_ body: String, frontMatter: String = "title: Test\ncouncil: C\nslug: test\nreview: 2027-06") throws -> (html: String, diagnostics: [Diagnostic], plan: SiteBuilder.Plan) {
        let plan = try TestSupport.plan([
            "content/code.md": Self.codeOfConduct,
            "content/standing-orders.md": Self.standingOrders,
            "content/finance/financial-regulations.md": Self.financialRegulations,
            "content/test.md": TestSupport.protocolFile(frontMatter, body: body),
        ])
        let page = TestSupport.text(plan, "test/index.html") ?? ""
        let start = page.range(of: "<div class=\"protocol-body\">")?.upperBound ?? page.startIndex
        let end = page.range(of: "<section class=\"footnotes\"")?.lowerBound ?? page.range(of: "</article>")?.lowerBound ?? page.endIndex
        return (String(page[start..<end]), plan.diagnostics.filter { $0.path == "content/test.md" }, plan)
    }

    func xrefs(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<a class=\"xref\" href=\"([^\"]*)\">([^<]*)</a>")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let href = String(html[Range(match.range(at: 1), in: html)!])
            let text = String(html[Range(match.range(at: 2), in: html)!])
            return "\(text)→\(href)"
        }
    }

    let numbered = "\n## 2. Scope\n\n2.1 One.\n\n2.2 Two.\n\n2.5 Five.\n\n## 3. Detail\n\n3.1 Text.\n\n## 4. More\n\n4.8 A.\n\n4.9 B.\n\n4.10 C.\n\n4.11 D.\n\n## 5. Last\n\n5.6 E.\n\n"

    @Test(arguments: [
        ("See paragraph 4.8.", ["4.8→#clause-4.8"]),
        ("See paragraphs 4.8 to 4.11.", ["4.8→#clause-4.8", "4.11→#clause-4.11"]),
        ("See paragraphs 4.8-4.11 and 4.8–4.11.", ["4.8→#clause-4.8", "4.11→#clause-4.11", "4.8→#clause-4.8", "4.11→#clause-4.11"]),
        ("See paras 2.1, 2.2 and 2.5.", ["2.1→#clause-2.1", "2.2→#clause-2.2", "2.5→#clause-2.5"]),
        ("See para 2.2 or clause 3.", ["2.2→#clause-2.2", "3→#clause-3"]),
        ("See section 5 and §4.8 and § 4.9.", ["5→#clause-5", "4.8→#clause-4.8", "4.9→#clause-4.9"]),
        ("See Paragraph 3(a) and CLAUSES 3a.", ["3(a)→#clause-3", "3a→#clause-3"]),
        ("As under 5.6 above and 4.9 below.", ["5.6→#clause-5.6", "4.9→#clause-4.9"]),
        ("See paragraph 2 of this Protocol.", ["2→#clause-2"]),
        ("See paragraph *4.8* again.", ["4.8→#clause-4.8"]),
        ("See paragraph 3.1 of the Code of Conduct.", ["3.1→../code/#clause-3.1"]),
        ("See paragraph 4.10 of Members' Code.", ["4.10→../code/#clause-4.10"]),
    ])
    func linked(sentence: String, expected: [String]) throws {
        let result = try build(numbered + sentence + "\n")
        #expect(xrefs(result.html) == expected)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    @Test(arguments: [
        "In 2020 the council met.",
        "It cost £4.50 each.",
        "Keep 1.5 metres apart.",
        "\"Director\" is defined by footnote 1 to Article 12 of the Constitution.",
        "Under section 39 of the Public Audit (Wales) Act 2004.",
        "Under the VAT Act 1994 section 33.",
        "Under section 101 of the Local Government Act 1972.",
        "Inside code: `paragraph 4.8`.",
        "An existing [paragraph 4.8](https://example.org) link.",
        "Rule 4.8 and article 5 are words no document declares.",
        // Found by fuzzing: a run of digits too long for an Int crashed the scanner.
        "Figures 1.66666666666666666666666666666666666666666666666666 above and section 99999999999999999999999.",
    ])
    func notLinkedAndNoWarning(sentence: String) throws {
        let result = try build(numbered + sentence + "\n")
        #expect(xrefs(result.html).isEmpty, "\(sentence)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func aMissingClauseIsAWarningAtItsColumn() throws {
        let result = try build("\n## 1. Only\n\nA section 106 agreement binds the developer.\n")
        #expect(xrefs(result.html).isEmpty)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        // Front matter takes lines 1–6; the body's line 5 is file line 10.
        #expect((warning.line, warning.column) == (10, 11))
        #expect(warning.message.contains("clause 106"))
    }

    @Test func strictMakesItAnError() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile(body: "See paragraph 9.9.\n").utf8)], under: root)
        let check = try TestSupport.run(["check", "--root", root.path, "--strict"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/a.md:6:15: error:"))
    }

    @Test func citedAsWordsPointAtTheDeclaringDocument() throws {
        let plan = try build(numbered).plan
        let page = try #require(TestSupport.text(plan, "finance/financial-regulations/index.html"))
        #expect(page.contains("<a class=\"xref\" href=\"../../standing-orders/#clause-13\">13</a>"))
        #expect(page.contains("<a class=\"xref\" href=\"#clause-5\">5</a>"))
        #expect(!page.contains(">2015</a>"))
        #expect(!plan.diagnostics.contains { $0.path.contains("financial") })
        // And from any other document.
        let result = try build(numbered + "As regulation 5.1 says, and standing order 13.1.\n")
        #expect(xrefs(result.html) == ["5.1→../finance/financial-regulations/#clause-5.1", "13.1→../standing-orders/#clause-13.1"])
    }

    @Test func referenceInsideAFootnoteCountsWhereTheMarkStands() throws {
        let result = try build(numbered.replacingOccurrences(of: "4.9 B.", with: "4.9 B.[^n]") + "[^n]: See paragraph 5.6 of this Protocol.\n")
        let page = try #require(TestSupport.text(result.plan, "test/index.html"))
        #expect(page.contains("<a class=\"xref\" href=\"#clause-5.6\">5.6</a>"))
        #expect(page.contains("<p class=\"referred-to\">Referred to in <a class=\"backlink\" href=\"#clause-4.9\">4.9</a></p>"))
    }

    @Test func backLinksNameEveryReferringPlace() throws {
        let result = try build(numbered + "\n## 6. Links\n\n6.1 See paragraph 3.1 of the Code of Conduct and paragraph 4.8.\n")
        let code = try #require(TestSupport.text(result.plan, "code/index.html"))
        #expect(code.contains("Referred to in <a class=\"backlink\" href=\"../test/#clause-6.1\">Test 6.1</a>"))
        let own = try #require(TestSupport.text(result.plan, "test/index.html"))
        #expect(own.contains("Referred to in <a class=\"backlink\" href=\"#clause-6.1\">6.1</a>"))
    }

    @Test func mentionsOfOtherProtocolsLinkOncePerClause() throws {
        let result = try build("\n## 1. Intro\n\n1.1 Read the Code of Conduct, then the code of conduct again, and Standing Orders.\n\n1.2 The Code of Conduct applies.\n\n## Code of Conduct\n\nHeadings are not running text.\n")
        let mentions = result.html.components(separatedBy: "class=\"xref xref-document\" href=\"../code/\"").count - 1
        #expect(mentions == 2)
        #expect(result.html.contains("<a class=\"xref xref-document\" href=\"../standing-orders/\">Standing Orders</a>"))
        #expect(result.html.contains("<h2 id=\"code-of-conduct\">Code of Conduct"))
    }

    // The scanners step over white space and whole punctuation characters
    // without trying them; a name or reference right after either is still found.
    @Test func namesAndReferencesAfterDashesQuotesTabsAndLineBreaksAreFound() throws {
        let body = numbered + "## 6. Spacing\n\n6.1 Read\t“Standing Orders”—the Code of Conduct\u{00A0}applies—see\tparagraph 4.8 and\nparagraph 4.9.\n"
        let result = try build(body)
        #expect(result.html.contains("“<a class=\"xref xref-document\" href=\"../standing-orders/\">Standing Orders</a>”"))
        #expect(result.html.contains("—the <a class=\"xref xref-document\" href=\"../code/\">Code of Conduct</a>"))
        #expect(xrefs(result.html) == ["4.8→#clause-4.8", "4.9→#clause-4.9"])
    }

    @Test func aProtocolDoesNotLinkItsOwnTitle() throws {
        let result = try build("This Test protocol is about tests.\n", frontMatter: "title: Test Protocol\ncouncil: C\nslug: test\naliases: [Test]\nreview: 2027-06")
        #expect(!result.html.contains("xref"))
    }

    @Test func markdownLinksBetweenContentFiles() throws {
        let body = numbered + "[Code](code.md), [see 3.1](code.md#3.1), [regs](finance/financial-regulations.md#clause-5.1), [above](#4.8), [top](#clause-2), [web](https://example.org/x.md)\n"
        let result = try build(body)
        #expect(result.html.contains("<a href=\"../code/\">Code</a>"))
        #expect(result.html.contains("<a href=\"../code/#clause-3.1\">see 3.1</a>"))
        #expect(result.html.contains("<a href=\"../finance/financial-regulations/#clause-5.1\">regs</a>"))
        #expect(result.html.contains("<a href=\"#clause-4.8\">above</a>"))
        #expect(result.html.contains("<a href=\"https://example.org/x.md\">web</a>"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func linksFromASubFolderClimbWithDotDot() throws {
        let plan = try TestSupport.plan([
            "content/code.md": Self.codeOfConduct,
            "content/finance/a.md": TestSupport.protocolFile("title: A\ncouncil: C\nreview: 2027-06", body: "[conduct](../code.md#1.1)\n"),
        ])
        let page = try #require(TestSupport.text(plan, "finance/a/index.html"))
        #expect(page.contains("<a href=\"../../code/#clause-1.1\">conduct</a>"))
    }

    @Test(arguments: ["missing.md", "code.md#9.9", "#nowhere", "../../outside.md"])
    func brokenContentLinksWarnAtTheirPosition(destination: String) throws {
        let result = try build("Text [broken](\(destination)).\n")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect((warning.line, warning.column) == (7, 6))
    }
}

@Suite("Name trie")
struct NameTrieTests {
    static let trie = NameTrie([("code", "Councillors' Code"), ("mop", "Member / Officer Protocol"), ("m", "Member Handbook")])

    func match(_ text: String, at word: String) -> (slug: String, end: Int)? {
        let bytes = Array(text.utf8)
        let start = bytes.firstRange(of: Array(word.utf8))!.lowerBound
        return Self.trie.longestMatch(in: bytes, at: start)
    }

    @Test func aNameMatchesWhateverItsCaseApostropheOrSpacing() {
        #expect(match("See the COUNCILLORS’ code now", at: "COUNCILLORS")?.slug == "code")
        let text = "the member /\nofficer  protocol applies"
        let found = match(text, at: "member")
        #expect(found?.slug == "mop")
        #expect(found?.end == Array(text.utf8).firstRange(of: Array(" applies".utf8))!.lowerBound)
    }

    @Test func theLongestNameWinsAndAWordNoNameStartsWithMatchesNothing() {
        #expect(match("a Member Handbook", at: "Member")?.slug == "m")
        #expect(match("the officer protocol", at: "officer") == nil)
        #expect(match("Councillor Code", at: "Councillor") == nil)
    }
}
