import Foundation
import ProtositeImport
import Testing
@testable import ProtositeCore

/// The rules of SPEC §3 "What `import` promises", one at a time, on small
/// texts written for these tests.
@Suite("Import rules for plain-text exports")
struct ImportRulesTests {
    func body(_ text: String) throws -> String {
        ImportTestSupport.body(try Importer.importText(text).markdown)
    }

    // MARK: Sub-clause labels

    @Test func labelsAPdfRunsTogetherOnOneLineBecomeOneParagraphEach() throws {
        let body = try body("Town Council\n\nRULES\n\n7. VISITORS\n\nP    Visitors sign the book on arrival. Q    Visitors wear a badge at all times; R    Visitors leave by six.\n")
        #expect(body.contains("## 7. VISITORS\n\nP. Visitors sign the book on arrival.\n\nQ. Visitors wear a badge at all times;\n\nR. Visitors leave by six.\n"))
    }

    @Test func aLabelInRunningTextWithOneSpaceStaysText() throws {
        let body = try body("RULES\n\n2. HALLS\n\nThe hall is let by the hour. (b) of the lease applies, and see rule 1(c)(ii) and (iii) too.\n")
        #expect(body.contains("The hall is let by the hour. (b) of the lease applies, and see rule 1(c)(ii) and (iii) too."))
    }

    @Test func aLabelAloneOnItsLineJoinsTheTextOnTheNext() throws {
        let body = try body("RULES\n\n3. KEYS\n\n(a)\n        Keys are kept by the clerk.\nb)\n        A lost key is reported.\n")
        #expect(body.contains("(a) Keys are kept by the clerk.\n\nb) A lost key is reported."))
    }

    @Test func continuationLinesJoinTheirLabelAndNothingIsIndented() throws {
        let body = try body("RULES\n\n4. GRANTS\n\na.      A grant is made only to a group that\n        serves the parish.\nb.      A grant is repaid if unused:\n        (i)     within a year; or\n        (ii)    on request.\n")
        #expect(body.contains("a. A grant is made only to a group that serves the parish.\n\nb. A grant is repaid if unused:\n\n(i) within a year; or\n\n(ii) on request."))
        #expect(!body.split(separator: "\n").contains { $0.hasPrefix(" ") })
    }

    @Test func bareLettersAndBracketedNumbersArePunctuated() throws {
        let body = try body("RULES\n\n5. NOTICES\n\nA    Notices go on the board.\n1)   The clerk signs each.\n(2)  Old notices come down.\n")
        #expect(body.contains("A. Notices go on the board.\n\n(1) The clerk signs each.\n\n(2) Old notices come down."))
    }

    @Test func aNumberThatWrapsToTheNextLineStaysInItsSentence() throws {
        let body = try body("RULES\n\n6. MONEY\n\n6.1  Payments follow regulation\n     4.2 of the Financial Regulations.\n6.2  Receipts are banked weekly.\n")
        #expect(body.contains("6.1 Payments follow regulation 4.2 of the Financial Regulations.\n\n6.2 Receipts are banked weekly."))
    }

    @Test func aCapitalisedNumberedHeadingWithItsFirstRuleOnTheNextLineIsAHeading() throws {
        let body = try body("RULES\n\n1.    USE OF THE PAVILION\na     The pavilion is booked through the clerk.\nb     Bookings are confirmed in writing.\n")
        #expect(body.contains("## 1. USE OF THE PAVILION\n\na. The pavilion is booked through the clerk.\n\nb. Bookings are confirmed in writing."))
    }

    @Test func theLetterOAfterNIsARuleNotABullet() throws {
        let letters = "abcdefghijklmn".map { "\($0)     Rule \($0) of the list.\n" }.joined()
        let body = try body("RULES\n\n2.    ALLOTMENTS\n" + letters + "o     Rule o of the list.\n\nNotes:\n\no a bullet in a list of notes\n")
        #expect(body.contains("n. Rule n of the list.\n\no. Rule o of the list."))
        #expect(body.contains("- a bullet in a list of notes"))
    }

    @Test func aLabelSetOffByATabStopStartsARuleAfterASubHeading() throws {
        let body = try body("RULES\n\n3.    MEETINGS\nEvening meetings\na     Evening meetings end by ten.\n")
        #expect(body.contains("Evening meetings\n\na. Evening meetings end by ten."))
    }

    @Test func aListIntroducedWithADashStartsItsLabelsOnTheirOwnLines() throws {
        let body = try body("CODE\n\nPART 1\n\n4. You must—\n    (a) be courteous;\n    (b) be fair.\n5.—(1) You must not—\n    (a) mislead the council.\n   (2) Nor may you help another to.\n")
        #expect(body.contains("4. You must—\n\n(a) be courteous;\n\n(b) be fair."), "\(body)")
        #expect(body.contains("5.—(1) You must not—\n\n(a) mislead the council.\n\n(2) Nor may you help another to."), "\(body)")
        let plan = try TestSupport.plan(["content/p.md": "---\ntitle: Code\ncouncil: C\nreview: 2030-01\n---\n" + body])
        let document = try #require(plan.site?.protocols.first?.document)
        #expect(document.clauses.map(\.anchor) == ["clause-4", "clause-4-a", "clause-4-b", "clause-5", "clause-5-1", "clause-5-1-a", "clause-5-2"])
    }

    @Test func aHeadingTheContentsNameIsAHeadingEvenWithItsTextOnTheNextLine() throws {
        let body = try body("Town Council\nGrants Policy\n\nContents\nPurpose        2\nWho may apply  3\n\nPurpose\nThe fund helps local groups.\n\nWho may apply\nAny group in the town.\n")
        #expect(body.contains("Purpose\n\nThe fund helps local groups."), "\(body)")
        #expect(body.contains("Who may apply\n\nAny group in the town."), "\(body)")
        #expect(!body.contains("Purpose The fund"))
    }

    @Test func aNumberedHeadingFollowedAtOnceByItsFirstClauseIsAHeading() throws {
        try ImportTestSupport.expectBody(of: "CODE\n\n2.2 The last rule of part two.\n3. Interests\n3.1 I register my interests.\n", contains: "## 3. Interests\n\n3.1 I register my interests.")
    }

    // MARK: Page furniture

    @Test func aRunningHeadWithThePageMarkAfterAWideGapIsRemoved() throws {
        var text = "Example Parish Council\n\nSTANDING ORDERS\n\n"
        for number in 1...3 {
            text += "Example Parish Council – Standing Orders                 Page \(number) of 3\n\n\(number).    PART \(number)\n\n\(number).1 A rule of part \(number).\n\n"
        }
        let body = try body(text)
        #expect(!body.contains("Page"))
        #expect(body.contains("3.1 A rule of part 3."))
    }

    @Test(arguments: ["2", "- 3 -", "– 14 –", "Page 3", "Page 3 of 17", "3 of 17", "[4]"])
    func aPageNumberOnItsOwnLineIsRemoved(_ mark: String) throws {
        let body = try body("RULES\n\n1. ROOMS\n\n1.1 Rooms are booked ahead.\n\n                    \(mark)\n\n1.2 Rooms are left tidy.\n")
        #expect(!body.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == mark }, "\(mark)")
        #expect(body.contains("1.1 Rooms are booked ahead.\n\n1.2 Rooms are left tidy."))
    }

    @Test func aSentenceCutByAPageBreakIsJoinedAgain() throws {
        let body = try body("RULES\n\n1. ROOMS\n\n1.1 Rooms are booked at least a week\n\n                 Page 1 of 2\n\nahead of the meeting.\n")
        #expect(body.contains("1.1 Rooms are booked at least a week ahead of the meeting."))
    }

    @Test func aRunningHeaderRepeatedOnEachPageIsRemovedWithAWarning() throws {
        let page = "Millbrook Town Council - Standing Orders (May 2024)"
        var text = "MILLBROOK TOWN COUNCIL\n\nSTANDING ORDERS\n\n"
        for number in 1...3 {
            text += "\(page)\n\n\(number). PART \(number)\n\n\(number).1 The first rule of part \(number).\n\n\(number).2 The second rule of part \(number).\n\nPage \(number) of 3\n\u{0C}"
        }
        let result = try Importer.importText(text)
        let body = ImportTestSupport.body(result.markdown)
        #expect(!body.contains("Millbrook"))
        #expect(!body.contains("Page"))
        #expect(body.contains("## 3. PART 3"))
        #expect(result.warnings.contains { $0.message.contains("running header") && $0.line == 5 })
    }

    @Test func aRunningFooterWithAPageNumberInItIsRemoved() throws {
        var text = "Example Parish Council\n\nFINANCIAL REGULATIONS\n\n"
        for number in 1...3 {
            text += "\(number). PART \(number)\n\n\(number).1 A rule of part \(number).\n\nFinancial Regulations 2024 - page \(number)\n\u{0C}"
        }
        let body = try body(text)
        #expect(!body.contains("page"))
        #expect(body.contains("3.1 A rule of part 3."))
    }

    /// `#` in a footer is its page's number.
    @Test(arguments: ["Adopted 9th May 2023 - Review May 2026", "Adopted: 9th May 2023      Review: May 2026      Page # of 3"])
    func aFooterThatGivesTheAdoptionDateIsRemovedAndStillRead(_ footer: String) throws {
        var text = "Example Parish Council\n\nGRANTS POLICY\n\n"
        for number in 1...3 {
            text += "\(number). PART \(number)\n\n\(number).1 A rule of part \(number).\n\n\(footer.replacingOccurrences(of: "#", with: "\(number)"))\n\u{0C}"
        }
        let result = try Importer.importText(text)
        let front = ImportTestSupport.frontMatter(result.markdown)
        #expect(front["adopted"] == "9th May 2023")
        #expect(front["review"] == "May 2026")
        #expect(!ImportTestSupport.body(result.markdown).contains("Adopted"))
        #expect(!result.warnings.contains { $0.message.contains("another adoption date") })
    }

    // MARK: Contents lists

    @Test func aContentsListWithDotLeadersAndPageNumbersIsRemoved() throws {
        let result = try Importer.importText("Example Parish Council\n\nSTANDING ORDERS\n\nCONTENTS\n1. Meetings .................. 1\n2. Committees ................ 2\n\n1. MEETINGS\n\n1.1 Meetings are public.\n\n2. COMMITTEES\n\n2.1 Committees report.\n")
        let body = ImportTestSupport.body(result.markdown)
        #expect(!body.contains("CONTENTS"))
        #expect(!body.contains("...."))
        #expect(body.hasPrefix("\n## 1. MEETINGS\n\n1.1 Meetings are public.\n\n## 2. COMMITTEES"))
        #expect(result.warnings.contains { $0.message.contains("contents list") && $0.line == 5 })
    }

    @Test func anIndexWithoutPageNumbersIsRemoved() throws {
        let body = try body("STANDING ORDERS\n\nINDEX\n\nMeetings\n\nCommittees\n\nMEETINGS\n\nMeetings are public.\n\nCOMMITTEES\n\nCommittees report.\n")
        #expect(!body.contains("INDEX"))
        #expect(body.components(separatedBy: "Meetings").count == 2, "only 'Meetings are public.': \(body)")
        #expect(body.contains("MEETINGS\n\nMeetings are public."))
    }

    @Test func aRunOfTheHeadingsThatFollowIsRemovedEvenWithoutATitle() throws {
        let result = try Importer.importText("GRANTS POLICY\n\nWho may apply\nHow to apply\nDecisions\n\nWho may apply\n\nAny group in the parish.\n\nHow to apply\n\nIn writing to the clerk.\n\nDecisions\n\nThe council decides in public.\n")
        let body = ImportTestSupport.body(result.markdown)
        #expect(body.components(separatedBy: "Who may apply").count == 2, "\(body)")
        #expect(result.warnings.contains { $0.message.contains("naming the headings that follow") && $0.line == 3 })
    }

    // MARK: Front matter

    @Test(arguments: [
        ("Adopted by Council 25th September 2019", "25th September 2019"),
        ("These Standing Orders were adopted by the Council at its meeting held on 13th February 2019", "13th February 2019"),
        ("Adopted at the Annual Meeting of the Council on 9th May 2023.", "9th May 2023"),
        ("Signed ........................ Chairman    Dated 7th May 2019", "7th May 2019"),
        ("Adopted by resolution of the Council on Wednesday the 3rd day of January, 2024", "3rd January 2024"),
        ("Date adopted: 22/09/2020", "22/09/2020"),
        ("This policy was approved by Full Council on 2024-03-14.", "2024-03-14"),
    ])
    func eachAdoptionPhrasingGivesTheAdoptedDate(_ line: String, _ expected: String) throws {
        let result = try Importer.importText("Example Parish Council\n\nGRANTS POLICY\n\n1. SCOPE\n\n1.1 Grants are small.\n\n\(line)\n")
        let front = ImportTestSupport.frontMatter(result.markdown)
        #expect(front["adopted"] == expected || front["adopted"] == "\"\(expected)\"", "\(result.markdown)")
        #expect(front["status"] == "adopted")
        #expect(!ImportTestSupport.body(result.markdown).contains(String(line.prefix(12))), "the line leaves the body")
        if case .failure = DateParser.parse(expected) { Issue.record("the build cannot read \(expected)") }
    }

    @Test func aSignedAndDatedBlockIsReadWithAWarning() throws {
        let result = try Importer.importText("GRANTS POLICY\n\n1.1 Grants are small.\n\nSigned ............................\nDated 7th May 2019\n")
        #expect(ImportTestSupport.frontMatter(result.markdown)["adopted"] == "7th May 2019")
        #expect(!result.markdown.contains("Signed"))
        #expect(result.warnings.contains { $0.line == 6 && $0.message.contains("adoption date") })
    }

    @Test func aVersionTableGivesTheHistory() throws {
        let result = try Importer.importText("GRANTS POLICY\n\n1.1 Grants are small.\n\nDate\tVersion\tChange\tReview\n09.09.2024\t1\tAdopted\tMay 2025\n13.05.2025\t2\tReviewed\tMay 2026\n")
        #expect(result.markdown.contains("history:\n  - {date: 09.09.2024, version: 1, change: Adopted, review: May 2025}\n  - {date: 13.05.2025, version: 2"))
        #expect(ImportTestSupport.diagnostics(result.markdown).filter { $0.severity == .error }.isEmpty)
    }

    @Test(arguments: [
        ("Next review: May 2027", "May 2027"),
        ("To be reviewed May 2027", "May 2027"),
        ("Review date: 1st May 2027", "1st May 2027"),
        ("Date to be Reviewed September 2021", "September 2021"),
        ("Adopted 9th May 2023. Next review due May 2027.", "May 2027"),
    ])
    func eachReviewPhrasingGivesTheReviewDate(_ line: String, _ expected: String) throws {
        let result = try Importer.importText("GRANTS POLICY\n\n1.1 Grants are small.\n\n\(line)\n")
        #expect(ImportTestSupport.frontMatter(result.markdown)["review"] == expected, "\(result.markdown)")
        #expect(!ImportTestSupport.body(result.markdown).contains("review"))
    }

    @Test(arguments: [
        ("STANDING ORDERS", "[standing order]"),
        ("Financial Regulations", "[regulation]"),
        ("Model Financial Regulations 2024", "[regulation]"),
        ("Grants Policy", nil as String?),
    ])
    func citedAsIsInferredFromTheTitle(_ title: String, _ expected: String?) throws {
        let result = try Importer.importText("Example Parish Council\n\n\(title)\n\n1.1 A rule.\n")
        #expect(ImportTestSupport.frontMatter(result.markdown)["cited_as"] == expected)
    }

    @Test func theTitleIsNeverUntitledWhenTheFirstLinesHoldOne() throws {
        let result = try Importer.importText("NORTHFIELD PARISH COUNCIL\nSTANDING ORDERS\nThese orders govern every meeting.\n")
        let front = ImportTestSupport.frontMatter(result.markdown)
        #expect(front["title"] == "Standing Orders")
        #expect(front["council"] == "Northfield Parish Council")
    }

    // MARK: The result builds

    @Test func aClauseNumberedTwiceIsWrittenAsPlainTextWithAWarningAtItsSourceLine() throws {
        let result = try Importer.importText("GRANTS POLICY\n\n1. SCOPE\n\n1.1 Grants are small.\n\n1.1 Grants are paid once.\n")
        #expect(ImportTestSupport.diagnostics(result.markdown).filter { $0.severity == .error }.isEmpty)
        #expect(result.warnings.contains { $0.line == 7 && $0.message.contains("plain text") })
        #expect(result.markdown.contains("1.1 Grants are small."))
        #expect(result.markdown.contains("&#8288;1.1 Grants are paid once."))
    }

    @Test func aHeadingNumberedTwiceBecomesABoldParagraph() throws {
        let result = try Importer.importText("GRANTS POLICY\n\n1. SCOPE\n\n1.1 Grants are small.\n\n1. SCOPE AGAIN\n\nMore text.\n")
        #expect(ImportTestSupport.diagnostics(result.markdown).filter { $0.severity == .error }.isEmpty)
        #expect(result.markdown.contains("\n**1. SCOPE AGAIN**\n"))
        #expect(result.warnings.contains { $0.line == 7 })
    }

    @Test func nestingTooDeepToBuildIsEscaped() throws {
        let deep = String(repeating: "> ", count: 10) + String(repeating: "[", count: 200) + "x" + String(repeating: "]", count: 200)
        let result = try Importer.importText("GRANTS POLICY\n\n1.1 Grants are small.\n\n- " + String(repeating: "- ", count: 140) + "deep\n\n" + deep + "\n")
        #expect(ImportTestSupport.diagnostics(result.markdown).filter { $0.severity == .error }.isEmpty, "\(ImportTestSupport.diagnostics(result.markdown))")
    }

    @Test func textOverTheSizeLimitIsRefusedWithAClearError() throws {
        let big = String(repeating: "A line of a very long export.\n", count: Importer.maximumTextBytes / 30 + 10)
        #expect(throws: ImportError.self) { try Importer.importText(big) }
        do {
            _ = try Importer.importText(big)
        } catch {
            #expect("\(error)".contains("MB"))
        }
    }
}
