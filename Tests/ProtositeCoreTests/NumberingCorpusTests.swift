import Foundation
import Testing
@testable import ProtositeCore

/// ../shared/corpus-numbering: a model-style Standing Orders whose lettered,
/// roman and bracketed sub-clauses must give exactly the anchors and
/// reference links its EXPECTED.md lists, with no warning.
@Suite("Building ../shared/corpus-numbering", .enabled(if: TestSupport.hasShared(TestSupport.numberingRoot), "../shared/corpus-numbering is not beside the checkout"))
struct NumberingCorpusTests {
    static let today = CalendarDay(year: 2026, month: 12, day: 2)!

    /// The 37 anchors of EXPECTED.md, in page order.
    static let anchors = [
        "clause-1", "clause-1-a", "clause-1-b", "clause-1-c", "clause-1-d", "clause-1-e", "clause-1-f", "clause-1-g", "clause-1-h", "clause-1-i",
        "clause-1-j", "clause-1-j-i", "clause-1-j-ii", "clause-1-j-iii",
        "clause-2", "clause-2-a", "clause-2-b", "clause-2-b-i", "clause-2-b-ii", "clause-2-c",
        "clause-3", "clause-3-a", "clause-3-b", "clause-3-c", "clause-3-d",
        "clause-4", "clause-4-1", "clause-4-2", "clause-4-2-a", "clause-4-2-b", "clause-4-3",
        "clause-5", "clause-5.1", "clause-5.1-a", "clause-5.1-b", "clause-5.2", "clause-5.3",
    ]

    static func expected() throws -> String {
        try String(contentsOf: TestSupport.numberingRoot.appendingPathComponent("EXPECTED.md"), encoding: .utf8)
    }

    /// Every `#clause-…` in the lines of one part of EXPECTED.md.
    static func anchors(inPart heading: String, of expected: String) -> [String] {
        guard let start = expected.range(of: heading) else { return [] }
        let rest = expected[start.upperBound...]
        let part = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        let pattern = try! NSRegularExpression(pattern: "`#(clause-[^`]+)`")
        let text = String(part)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
    }

    static func ids(in page: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: " id=\"(clause-[^\"]+)\"")
        return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { String(page[Range($0.range(at: 1), in: page)!]) }
    }

    static func xrefs(in page: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<a class=\"xref\" href=\"#([^\"]+)\"")
        return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { String(page[Range($0.range(at: 1), in: page)!]) }
    }

    /// Checks a built numbering site against EXPECTED.md.
    static func check(_ plan: SiteBuilder.Plan) throws {
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.formatted))")
        let page = try #require(TestSupport.text(plan, "standing-orders/index.html"))
        #expect(ids(in: page) == anchors)
        let expected = try Self.expected()
        // Every anchor EXPECTED.md names is among the 37 (its list elides 3(b)–3(c) with "…").
        #expect(Set(Self.anchors(inPart: "## Anchors", of: expected)).isSubset(of: Set(anchors)))
        #expect(xrefs(in: page) == Self.anchors(inPart: "## Cross references", of: expected))
        #expect(xrefs(in: page).count == 12)
        #expect(!page.contains(">25,000</a>") && !page.contains(">4.1</a>"))
        // Back links, as EXPECTED.md lists them.
        for (target, from) in [("clause-1-i", "1(h)"), ("clause-2-b-i", "2(c)"), ("clause-1-j-ii", "3(b)"), ("clause-1-j-iii", "3(b)"), ("clause-3-c", "3(b)"),
                               ("clause-2-a", "3(d)"), ("clause-2-b", "3(d)"), ("clause-3-b", "3(d)"), ("clause-4-2-b", "4(3)"), ("clause-5.1-b", "5.2"),
                               ("clause-4-1", "5.3"), ("clause-4-3", "5.3")] {
            let anchor = "clause-" + (ClauseNumber(cited: from)?.anchor.dropFirst(7) ?? "")
            #expect(Self.backLinks(of: target, in: page).contains("<a class=\"backlink\" href=\"#\(anchor)\">\(from)</a>"), "\(target) ← \(from)")
        }
        let listing = try #require(plan.site?.protocols.first?.document.metadata)
        #expect(listing.title == "Standing Orders")
        #expect(listing.adopted?.description == "2023-05-09")
    }

    /// The "Referred to in" paragraph that follows an element with this id.
    static func backLinks(of id: String, in page: String) -> String {
        guard let start = page.range(of: " id=\"\(id)\"") else { return "" }
        let rest = page[start.upperBound...]
        guard let next = rest.range(of: " id=\"clause-") else { return String(rest) }
        return String(rest[..<next.lowerBound])
    }

    @Test func importingThePDFExportIntoAnEmptyContentFolderBuildsToTheSameAnchorsAndLinks() throws {
        // As a clerk would: `protosite import raw/standing-orders.txt --output content`, then `protosite build`.
        let project = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(at: project.appendingPathComponent("content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.numberingRoot.appendingPathComponent("protosite.yml"), to: project.appendingPathComponent("protosite.yml"))
        let raw = TestSupport.numberingRoot.appendingPathComponent("raw/standing-orders.txt").path
        let imported = try TestSupport.run(["import", raw, "--output", project.appendingPathComponent("content").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let build = try TestSupport.run(["build", "--root", project.path, "--output", project.appendingPathComponent("site").path, "--today", "2026-12-02", "--strict"])
        #expect(build.status == 0, "\(build.stderr)")
        let plan = try SiteBuilder(fileSystem: .disk(root: project.path), today: Self.today).plan()
        try Self.check(plan)
        #expect(plan.site?.protocols.first?.document.metadata.review?.description == "2027-05")
        #expect(plan.site?.protocols.first?.document.metadata.citedAs == ["standing order"])
    }

    @Test func theHandWrittenFileGivesExactlyTheExpectedAnchorsAndLinks() throws {
        let plan = try SiteBuilder(fileSystem: .disk(root: TestSupport.numberingRoot.path), today: Self.today).plan()
        try Self.check(plan)
    }
}
