import Foundation
import Testing
@testable import ProtositeCore

/// Security review #16, item 3: inputs of a few hundred kilobytes that took
/// time quadratic in their size, in protosite's own code or in the system
/// cmark-gfm. Each now builds right, or fails with an error at its line.
/// How long they take is measured, not asserted: `bench/hostile-inputs.py`
/// times each at two sizes and prints how the time grows.
@Suite("Quadratic inputs")
struct QuadraticInputTests {
    func planned(_ body: String) throws -> SiteBuilder.Plan {
        try TestSupport.plan(["content/p.md": TestSupport.protocolFile(body: body)])
    }

    @Test
    func sixteenThousandIdenticalHeadingsGetCountedSuffixes() throws {
        // Was 17.5 s (release), 28 s (debug) before suffixes were counted.
        let plan = try planned(Array(repeating: "## a", count: 16_000).joined(separator: "\n\n") + "\n")
        let headings = try #require(plan.site?.protocols.first?.document.headings)
        #expect(headings.count == 16_000)
        #expect(headings[0].anchor == "a" && headings[1].anchor == "a-2" && headings[15_999].anchor == "a-16000")
    }

    @Test func aHeadingWhoseSlugLooksLikeASuffixStillGetsAFreeId() throws {
        let plan = try planned("## a\n\n## a 2\n\n## a\n\n## a\n")
        let anchors = plan.site?.protocols.first?.document.headings.map(\.anchor)
        #expect(anchors == ["a", "a-2", "a-3", "a-4"])
    }

    @Test(arguments: [("tabs", "\t", 80_000), ("no-break spaces", "\u{00A0}", 40_000)])
    func longRunsOfWhiteSpaceInAParagraphBuild(name: String, space: String, count: Int) throws {
        let run = String(repeating: space, count: count)
        // Tabs: over 100 s before (debug); no-break spaces crashed the
        // debug build (a call per space). Both now about 0.2 s.
        let plan = try planned("Some " + run + " text naming the Other Protocol.\n")
        #expect(!plan.diagnostics.hasErrors)
    }

    @Test
    func aTableOfAThousandColumnsIsAnErrorAtItsDelimiterRow() throws {
        // CVE-2023-37463: 6 KB took 12 s and 430 MB (debug) and wrote a 10 MB page.
        let table = "|" + String(repeating: "a|", count: 1_000) + "\n|" + String(repeating: "-|", count: 1_000) + "\n" + String(repeating: "a\n", count: 1_000)
        let plan = try planned("Intro.\n\n" + table)
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect(error.line == 9, "\(error.formatted)")
        #expect(error.message.contains("1000 columns"))
        #expect(plan.outputs.isEmpty)
    }

    @Test func aTableOfManyRowsTimesColumnsIsAnError() {
        let table = "|" + String(repeating: "a|", count: 100) + "\n|" + String(repeating: "-|", count: 100) + "\n" + String(repeating: "a\n", count: 2_001)
        #expect(MarkdownLimits.check(table)?.message.contains("cells") == true)
    }

    static let openerRuns = [
        "brackets": String(repeating: "![[]()", count: 40_000),
        "CDATA": String(repeating: "a <![CDATA[", count: 20_000),
        "processing instructions": String(repeating: "a <? ", count: 20_000),
    ]

    @Test(arguments: ["brackets", "CDATA", "processing instructions"])
    func openersCmarkRescansAreAnErrorAtTheirParagraph(name: String) throws {
        // 9 s, 4.6 s and 3.3 s before (debug); now under 0.2 s.
        let plan = try planned("Intro.\n\n" + Self.openerRuns[name]! + "\n")
        let error = try #require(plan.diagnostics.first { $0.severity == .error }, "\(name)")
        #expect(error.line == 8, "\(error.formatted)")
    }

    @Test func columnsAreCountedAsGFMCountsThemWithOrWithoutOuterPipesAndAlignment() {
        func table(_ columns: Int, outer: Bool) -> String {
            let header = Array(repeating: " a ", count: columns).joined(separator: "|")
            let delimiter = (0..<columns).map { [" :-- ", " --: ", " :-: ", "---"][$0 % 4] }.joined(separator: "|")
            return outer ? "|\(header)|\n|\(delimiter)|\n" : "\(header)\n\(delimiter)\n"
        }
        for outer in [true, false] {
            #expect(MarkdownLimits.check(table(100, outer: outer)) == nil)
            #expect(MarkdownLimits.check(table(101, outer: outer))?.message.contains("101 columns") == true, "outer pipes: \(outer)")
        }
        // Not a delimiter row: a thematic break, or text with dashes.
        #expect(MarkdownLimits.delimiterRowColumns(UnsafeBufferPointer(start: nil, count: 0)) == nil)
        #expect(MarkdownLimits.check("Text\n- a - b -\n") == nil)
    }

    @Test func ordinaryTablesAndLinksAreWellBelowTheLimits() {
        let table = "| A | B |\n|:--|--:|\n" + String(repeating: "| [x](y) | <b> |\n", count: 500)
        #expect(MarkdownLimits.check(table) == nil)
        #expect(MarkdownLimits.check("---\n\nText\n---\n") == nil)
    }
}
