import Testing
@testable import ProtositeCore

/// The label rules of SPEC §4 "Sub-clauses": which paragraphs are
/// sub-clauses, at which level, with which number and id.
@Suite("Sub-clause labels")
struct SubClauseTests {
    func parsed(_ body: String) throws -> (document: ProtocolDocument, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "content/p.md", text: TestSupport.protocolFile(body: body))
        let document = try #require(ProtocolParser(config: SiteConfig()).parse(file, diagnostics: &diagnostics))
        return (document, diagnostics)
    }

    func anchors(_ body: String) throws -> [String] {
        try parsed(body).document.clauses.map(\.anchor)
    }

    /// Places labels one after another, as one clause's paragraphs would.
    func levels(_ labels: [String]) -> [String] {
        var levels = SubClauseLevels()
        return labels.map { written in
            let label = SubClauseLabel.leading(in: Substring(written + " text"))!
            return levels.place(label)!.joined(separator: "-")
        }
    }

    @Test func iAfterHIsALetter() {
        #expect(levels(["a.", "b.", "c.", "d.", "e.", "f.", "g.", "h.", "i.", "j."]).suffix(3) == ["h", "i", "j"])
    }

    @Test func iUnderJIsRoman() {
        #expect(levels(["h.", "i.", "j.", "(i)", "(ii)", "(iii)", "k."]) == ["h", "i", "j", "j-i", "j-ii", "j-iii", "k"])
    }

    @Test func firstIUnderALetterIsRoman() {
        #expect(levels(["a.", "(i)", "(ii)", "b."]) == ["a", "a-i", "a-ii", "b"])
    }

    @Test func vAfterUAndXAfterWAreLetters() {
        let letters = "abcdefghijklmnopqrstuvwxyz".map { "\($0)." }
        #expect(levels(letters) == "abcdefghijklmnopqrstuvwxyz".map(String.init))
    }

    @Test func vAndXAfterRomanNumeralsAreRoman() {
        #expect(levels(["a.", "(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)", "(ix)", "(x)", "b."]).suffix(3) == ["a-ix", "a-x", "b"])
    }

    @Test func doubledLettersAfterZCarryOnAndUnderRomanOpenALevel() {
        let afterZ = levels("abcdefghijklmnopqrstuvwxyz".map { "(\($0))" } + ["(aa)", "(bb)"])
        #expect(afterZ.suffix(3) == ["z", "aa", "bb"])
        #expect(levels(["(2)", "(a)", "(ix)", "(aa)", "(bb)", "(b)"]) == ["2", "2-a", "2-a-ix", "2-a-ix-aa", "2-a-ix-bb", "2-b"])
    }

    @Test func capitalLabelsAreLettersAndIdsAreLowerCase() {
        #expect(levels(["A.", "B.", "C.", "D."]) == ["a", "b", "c", "d"])
    }

    @Test func mixedPunctuationAtOneLevelIsOneLevel() {
        #expect(levels(["a.", "b)", "c.", "(d)", "e."]) == ["a", "b", "c", "d", "e"])
    }

    @Test func bracketedNumbersThenLettersNest() {
        #expect(levels(["(1)", "(2)", "(a)", "(b)", "(3)"]) == ["1", "2", "2-a", "2-b", "3"])
    }

    @Test func labelsBecomeIdsUnderTheirClause() throws {
        let found = try anchors("""

        ## 1. Debate

        a. One.

        b. Two:

           (i) first;

           (ii) second.

        ## 4. Interests

        4.1 The clause.

        (a) its first sub-clause;

        (b) its second.

        ## 10. Code

        (2) Scope:

        (a) a letter,

        (ix) a numeral.
        """)
        #expect(found == ["clause-1", "clause-1-a", "clause-1-b", "clause-1-b-i", "clause-1-b-ii",
                          "clause-4", "clause-4.1", "clause-4.1-a", "clause-4.1-b",
                          "clause-10", "clause-10-2", "clause-10-2-a", "clause-10-2-a-ix"])
    }

    @Test func aLabelInThePreambleIsPlainText() throws {
        let result = try parsed("\n(a) Before any clause.\n\n## 1. First\n\n(a) Inside clause 1.\n")
        #expect(result.document.clauses.map(\.anchor) == ["clause-1", "clause-1-a"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func anUnnumberedHeadingClosesTheClause() throws {
        let found = try anchors("\n## 1. First\n\n(a) In 1.\n\n## Notes\n\n(a) Not in any clause.\n")
        #expect(found == ["clause-1", "clause-1-a"])
    }

    @Test func restartingListsRepeatLabelsAsPlainTextWithAWarning() throws {
        let result = try parsed("\n## 1. Definitions\n\n(a) first meaning;\n\n(b) second.\n\nAnother word:\n\n(a) again.\n")
        #expect(result.document.clauses.map(\.anchor) == ["clause-1", "clause-1-a", "clause-1-b"])
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("sub-clause 1(a) is labelled twice"))
        #expect(warning.line == 15)
    }

    @Test func aClauseWhoseTextStartsWithALabelOpensItAtOnce() throws {
        let result = try parsed("\n1. (1) In this code a member is a councillor.\n\n   (2) It applies to co-opted members.\n\n2. Second.\n")
        #expect(result.document.clauses.map(\.anchor) == ["clause-1", "clause-1-1", "clause-1-2", "clause-2"])
        let heading = try parsed("\n## 1. (1) Scope\n\n(2) More.\n")
        #expect(heading.document.clauses.map(\.anchor) == ["clause-1", "clause-1-1", "clause-1-2"])
    }

    @Test func aClauseWrittenWithADashBeforeItsFirstLabelOpensIt() throws {
        let found = try anchors("\n## Part 3\n\n7.—(1) A member must not bully.\n\n(2) A member must not:\n\n(a) disclose confidences;\n\n8.–(1) Next.\n")
        #expect(found == ["clause-7", "clause-7-1", "clause-7-2", "clause-7-2-a", "clause-8", "clause-8-1"])
    }

    @Test func aRepeatedLabelInAListItemIsOneWarning() throws {
        let result = try parsed("\n## 8. Scope\n\n- (1) first\n- (1) again\n")
        #expect(result.document.clauses.map(\.anchor) == ["clause-8", "clause-8-1"])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func listItemsThatStartWithALabelAreSubClauses() throws {
        let found = try anchors("\n## 3. Meetings\n\n- (a) open to the public;\n- (b) notice given.\n")
        #expect(found == ["clause-3", "clause-3-a", "clause-3-b"])
    }

    @Test func aRepeatedClauseNumberIsAWarningAndPlainText() throws {
        let result = try parsed("\n## 1. Intro\n\n1.1 First.\n\n1.1 Again.\n")
        #expect(result.document.clauses.map(\.anchor) == ["clause-1", "clause-1.1"])
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.message.contains("clause 1.1 is numbered twice") == true)
    }

    @Test func wordsThatLookLikeLabelsAreNot() throws {
        let found = try anchors("\n## 1. First\n\ne.g. an example.\n\ni.e. that is.\n\nI think so.\n\n(a)no space after the label.\n")
        #expect(found == ["clause-1"])
    }

    @Test(arguments: [
        ("clause-1-j-ii", "1(j)(ii)"), ("clause-4.1-a", "4.1(a)"), ("clause-10-2-a-ix", "10(2)(a)(ix)"), ("clause-4.8", "4.8"),
    ])
    func anchorsAndCitedFormsRoundTrip(anchor: String, cited: String) throws {
        let number = try #require(ClauseNumber(anchor: anchor))
        #expect(number.description == cited)
        #expect(ClauseNumber(cited: cited) == number)
        #expect(ClauseNumber(cited: cited.uppercased())?.anchor == anchor)
    }
}

@Suite("Numbered lines without blank lines between them")
struct NumberedLineTests {
    func parsed(_ body: String) throws -> ProtocolDocument {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "content/p.md", text: TestSupport.protocolFile(body: body))
        let document = try #require(ProtocolParser(config: SiteConfig()).parse(file, diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        return document
    }

    @Test func labelsTypedOneToALineAreEachASubClause() throws {
        let document = try parsed("\n## 1. Debate\n\na. Motions are taken in order.\nb. A motion is seconded.\n(i) first part;\n(ii) second part.\n")
        #expect(document.clauses.map(\.anchor) == ["clause-1", "clause-1-a", "clause-1-b", "clause-1-b-i", "clause-1-b-ii"])
        // Each keeps the line it was written on (front matter takes lines 1–5).
        #expect(document.clauses.map(\.line) == [7, 9, 10, 11, 12])
    }

    @Test func clauseNumbersTypedOneToALineAreEachAClause() throws {
        let document = try parsed("\n## 4. Money\n\n4.1 The budget.\n4.2 The precept.\n")
        #expect(document.clauses.map(\.anchor) == ["clause-4", "clause-4.1", "clause-4.2"])
    }

    @Test func aSentenceThatWrapsOntoALabelStaysWhole() throws {
        let document = try parsed("\n## 1. Debate\n\nThe chair decides, and under rule\n(a) of the old orders the clerk advises.\n")
        #expect(document.clauses.map(\.anchor) == ["clause-1"])
    }
}
