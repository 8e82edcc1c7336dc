import Foundation
import ProtositeImport
import Testing
@testable import ProtositeCore

/// Policies set as many councils publish them: a centred two-line heading
/// for each part (`PART 1` over `INTRODUCTION`), each clause's number alone
/// on its line above the clause, short lettered lists, and a one-off footer
/// naming the document. Small texts written for these tests.
@Suite("Import rules for policies with centred parts and numbers on their own lines")
struct ImportCentredLayoutTests {
    func body(_ text: String) throws -> String {
        ImportTestSupport.body(try Importer.importText(text).markdown)
    }

    // MARK: Clause numbers on their own lines

    @Test func aNumberAloneFollowedAtOnceByTextThatContinuesTheClausesIsAClauseNumber() throws {
        let text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n1\nThe Council looks after the trees on its\nown land.\n\n2\nA tree is felled only for the reasons in\nparagraph 1 or paragraph 3(a).\n\n3\nWork on a tree is done:\n(a) between October and March;\n(b) by a qualified surgeon.\n"
        let body = try body(text)
        #expect(body.contains("1. The Council looks after the trees on its own land.\n\n2. A tree is felled"), "\(body)")
        let site = try ImportTestSupport.built(text)
        #expect(site.anchors == ["clause-1", "clause-2", "clause-3", "clause-3-a", "clause-3-b"], "\(site.anchors)")
        #expect(!site.messages.contains { $0.contains("no clause") }, "\(site.messages)")
    }

    @Test func aBareNumberAtAPageBreakIsStillAPageNumberBesideClauseNumbers() throws {
        let text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n1\nThe Council looks after its trees.\n\n                 1\n\u{0C}2\nA tree is felled only when it is unsafe.\n\n                 2\n"
        let body = try body(text)
        #expect(body.contains("1. The Council looks after its trees.\n\n2. A tree is felled only when it is unsafe.\n"), "\(body)")
        #expect(!body.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber) }, "\(body)")
    }

    @Test func aBareNumberInsideASentenceCutByAPageIsAPageNumberThoughANameFollows() throws {
        try ImportTestSupport.expectBody(of: "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n1\nThe Council looks after its trees and takes the advice of the\n2\nTree Warden before any is felled.\n", contains: "1. The Council looks after its trees and takes the advice of the Tree Warden before any is felled.")
    }

    @Test func aBareNumberThatDoesNotContinueTheClausesStaysAPageNumber() throws {
        try ImportTestSupport.expectBody(of: "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n1\nThe Council looks after its trees.\n\n7\nTrees are inspected every year.\n", contains: "1. The Council looks after its trees.\n\nTrees are inspected every year.")
    }

    // MARK: Part headings

    @Test func aPartNumberOverItsNameIsOneHeadingAndNoRunningHeaderThoughItStandsAtEachPageTop() throws {
        let text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n                 PART 1\n              INTRODUCTION\n\n1\nThe Council looks after its trees.\n\n                 1\n\u{0C}                 PART 2\n               INSPECTIONS\n2\nTrees are inspected every year.\n\n                 2\n"
        let result = try Importer.importText(text)
        let body = ImportTestSupport.body(result.markdown)
        #expect(body.contains("## PART 1: INTRODUCTION\n\n1. The Council looks after its trees.\n\n## PART 2: INSPECTIONS\n\n2. Trees are inspected every year.\n"), "\(body)")
        #expect(!result.warnings.contains { $0.message.contains("running header") }, "\(result.warnings)")
        #expect(try ImportTestSupport.built(text).anchors == ["clause-1", "clause-2"])
    }

    @Test func aLineRepeatedWithTheSameNumberAtEachPageTopIsStillARunningHeader() throws {
        var text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n"
        for number in 1...3 {
            text += "\u{0C}Section 2\n\n\(number).1 A rule on page \(number).\n\n"
        }
        let body = try body(text)
        #expect(!body.contains("Section"), "\(body)")
    }

    // MARK: Lettered lists

    /// A clause whose lines wrap at 60 characters or so, to show the export's width.
    static let wrappedClause = "1\nThe Council looks after the trees on its own land, on the\nverges it owns and in the churchyard, and it asks the\ndistrict council for advice when a tree there may be\nunsafe or diseased.\n\n"

    @Test func aSentenceAfterAListOfShortItemsEndingInAFullStopIsAParagraphOfItsOwn() throws {
        let text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n" + Self.wrappedClause + "2\nWork on a tree is done:\n(a) between October and March;\n(b) by a qualified surgeon;\n(c) after the neighbours are told.\nThe clerk keeps a record of the work and reports it to the\ncouncil each year.\n"
        let body = try body(text)
        #expect(body.contains("(c) after the neighbours are told.\n\nThe clerk keeps a record of the work and reports it to the council each year."), "\(body)")
        #expect(try ImportTestSupport.built(text).anchors == ["clause-1", "clause-2", "clause-2-a", "clause-2-b", "clause-2-c"])
    }

    @Test func aLongItemWrappedAfterAFullStopKeepsItsNextSentence() throws {
        let text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n" + Self.wrappedClause + "2\nWork on a tree is done:\n(a) only with the consent of the district council first.\n    Consent takes six weeks, and the work waits for it;\n(b) by a qualified surgeon.\n"
        try ImportTestSupport.expectBody(of: text, contains: "(a) only with the consent of the district council first. Consent takes six weeks, and the work waits for it;\n\n(b) by a qualified surgeon.")
    }

    // MARK: A footer met once

    @Test func aOneOffFooterEndingInItsPageNumberAtAPageBreakIsRemoved() throws {
        let text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n1\nThe Council looks after its trees.\n\nBrookfield TC Tree Policy v2.1                              1\n\u{0C}2\nTrees are inspected every year.\n"
        let result = try Importer.importText(text)
        let body = ImportTestSupport.body(result.markdown)
        #expect(body.contains("1. The Council looks after its trees.\n\n2. Trees are inspected every year.\n"), "\(body)")
        #expect(result.warnings.contains { $0.line == 7 && $0.message.contains("footer") }, "\(result.warnings)")
    }

    @Test func aOneOffFooterNamingTheDocumentIsRemovedFromAnExportWithoutPageBreaks() throws {
        let text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n                 PART 1\n              INTRODUCTION\n\n1\nThe Council looks after its trees.\n\nBrookfield TC Tree Policy v2.1                              3\n                 PART 2\n               INSPECTIONS\n2\nTrees are inspected every year.\n"
        try ImportTestSupport.expectBody(of: text, contains: "1. The Council looks after its trees.\n\n## PART 2: INSPECTIONS\n\n2. Trees are inspected every year.\n")
    }

    @Test(arguments: ["\u{0C}", ""])
    func aLineEndingInANumberAfterAGapInsideAPageStays(_ pageBreak: String) throws {
        let text = "BROOKFIELD TOWN COUNCIL\nTREE POLICY\n\n1\nThe Council's tree surgeons charge by the day:\n\nBrookfield Tree Care          2\n\nOther firms are asked for quotes.\n\(pageBreak)2\nTrees are inspected every year.\n"
        let body = try body(text)
        #expect(body.contains("Brookfield Tree Care 2") || body.contains("Brookfield Tree Care          2"), "\(body)")
    }
}
