import Testing
@testable import ProtositeCore

@Suite("Clause numbers and heading anchors")
struct ClauseFinderTests {
    func document(_ body: String) throws -> ProtocolDocument {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "content/p.md", text: TestSupport.protocolFile(body: body))
        let parsed = ProtocolParser(config: SiteConfig()).parse(file, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(parsed)
    }

    @Test func numberFormsNormalise() {
        #expect(ClauseNumber("4.0")?.description == "4")
        #expect(ClauseNumber("4.")?.description == "4")
        #expect(ClauseNumber("4.0.")?.description == "4")
        #expect(ClauseNumber("1.1.")?.description == "1.1")
        #expect(ClauseNumber("2.10")?.description == "2.10")
        #expect(ClauseNumber("2.0.1")?.description == "2.0.1")
        #expect(ClauseNumber("2015") == nil)
        #expect(ClauseNumber("4.8a") == nil)
    }

    @Test func headingsParagraphsAndListItems() throws {
        let doc = try document("""

        ## 4.0 THE RELATIONSHIP

        4.1 First clause.

        4.10 Not 4.1.

        ## 5. Complaints

        - 5.1 A list item clause.
        - 5.2. Another, with a dot.

        1.5 metres is not a clause start? It is: two parts and a space.

        ### Officer/Clerks

        ### COUNCILLORS' ACCESS TO INFORMATION

        ### Officer/Clerks
        """)
        #expect(doc.clauses.map(\.number.description) == ["4", "4.1", "4.10", "5", "5.1", "5.2", "1.5"])
        #expect(doc.headings.map(\.anchor) == ["clause-4", "clause-5", "officer-clerks", "councillors-access-to-information", "officer-clerks-2"])
        #expect(doc.headings[0].text == "THE RELATIONSHIP")
    }

    @Test func orderedListsAreClausesOnlyWithoutNumberedHeadings() throws {
        let plain = try document("\n## Making a complaint\n\n1. Write to the clerk.\n2. The clerk replies.\n")
        #expect(plain.clauses.map(\.number.description) == ["1", "2"])
        let numbered = try document("\n## 1. Intro\n\n1. A plain list.\n2. Still plain.\n")
        #expect(numbered.clauses.map(\.number.description) == ["1"])
    }

    @Test func yearsAreNotClauses() throws {
        let doc = try document("\n## 2024 Review\n\n2015 was a year.\n")
        #expect(doc.clauses.isEmpty)
        #expect(doc.headings.first?.anchor == "2024-review")
    }

    @Test(arguments: [
        ("Officer/Clerks", "officer-clerks"),
        ("COUNCILLORS' ACCESS TO INFORMATION", "councillors-access-to-information"),
        ("Chairs and Vice-Chairs of Council and Committees", "chairs-and-vice-chairs-of-council-and-committees"),
        ("Café – Rôle", "cafe-role"),
        ("The Relationship: General", "the-relationship-general"),
        ("  --Trim--  ", "trim"),
    ])
    func headingSlugs(text: String, slug: String) {
        #expect(HeadingSlug.make(text) == slug)
    }

    // ASCII text is slugged on its bytes; the slug must be the rule's.
    @Test func asciiSlugsAreTheRulesSlugs() {
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        samples.append(String((0..<128).map { Character(UnicodeScalar(UInt8($0))) }))
        var random = SplitMix64(state: 42)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<random.below(24) { text.unicodeScalars.append(UnicodeScalar(UInt8(random.below(128)))) }
            samples.append(text)
        }
        for text in samples {
            #expect(HeadingSlug.asciiSlug(text) == HeadingSlug.unicodeSlug(text), "\(Array(text.utf8))")
        }
        #expect(HeadingSlug.asciiSlug("Café") == nil)
    }

    @Test func clauseAnchorsJoinPartsWithDotsAndLabelsWithDashes() {
        #expect(ClauseNumber(parts: [4, 8])?.anchor == "clause-4.8")
        #expect(ClauseNumber(parts: [10, 2], labels: ["a", "ix"])?.anchor == "clause-10.2-a-ix")
        #expect(ClauseNumber(parts: [1])?.anchor == "clause-1")
    }

    @Test func sectionsFollowAnchors() throws {
        let doc = try document("Opening words.\n\n## 1. Intro\n\n1.1 First.\n\nMore of 1.1.\n\n## Notes\n\nNote text.\n")
        #expect(doc.sections.map { $0.anchor ?? "-" } == ["-", "clause-1", "clause-1.1", "notes"])
        #expect(doc.sections[0].heading == "Test Protocol")
        #expect(doc.sections[2].text == "1.1 First. More of 1.1.")
        #expect(doc.sections[2].heading == "Intro")
    }
}
