import Foundation
import ProtositeImport
import Testing
@testable import ProtositeCore

/// `protosite import` on the five real exports in ../shared/seeds: the
/// imported Markdown builds into every clause, anchor and status that
/// ../shared/corpus/EXPECTED.md lists.
@Suite("Importing plain-text exports", .enabled(if: TestSupport.hasShared(TestSupport.shared.appendingPathComponent("seeds")), "../shared/seeds is not beside the checkout"))
struct ImportTests {
    static let seeds = TestSupport.shared.appendingPathComponent("seeds")

    static let plan: SiteBuilder.Plan? = {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) else { return nil }
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".txt") {
            guard let result = try? Importer.importFile(at: seeds.appendingPathComponent(name).path) else { return nil }
            files["content/" + name.dropLast(4) + ".md"] = result.markdown
        }
        return try? TestSupport.plan(files)
    }()

    @Test func everyClauseAndAnchorOfEXPECTED() throws {
        let plan = try #require(Self.plan)
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        let expected = try #require(ExpectedCorpusTests.expected)
        #expect(expected.protocols.count == 5)
        for entry in expected.protocols {
            let html = try #require(TestSupport.text(plan, entry.slug + "/index.html"), "\(entry.slug)")
            let ids = Set(html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            for clause in entry.clauses { #expect(ids.contains("clause-\(clause)"), "\(entry.slug) lacks #clause-\(clause)") }
            for anchor in entry.headingAnchors { #expect(ids.contains(anchor), "\(entry.slug) lacks #\(anchor)") }
            #expect(ids.filter { $0.hasPrefix("clause-") }.count == entry.clauses.count, "\(entry.slug)")
        }
    }

    @Test func everyStatusOfEXPECTED() throws {
        let plan = try #require(Self.plan)
        let site = try #require(plan.site)
        for (slug, status) in ReviewScheduleTests.expected {
            let metadata = try #require(site.protocols.first { $0.document.metadata.slug == slug }?.document.metadata)
            #expect(ReviewStatus.of(review: metadata.review, today: TestSupport.today, warningDays: 60).rawValue == status, "\(slug)")
        }
        let sandon = try #require(site.protocols.first { $0.document.metadata.slug == "sandon-burston-councillor-officer-protocol" }?.document.metadata)
        #expect(sandon.adopted?.description == "2024-09-09")
        #expect(sandon.reviewed?.description == "2026-05-05")
        #expect(sandon.review?.description == "2027-05")
        #expect(sandon.version == "3")
        #expect(sandon.history.count == 3)
        let leigh = try #require(site.protocols.first { $0.document.metadata.slug == "leigh-member-officer-protocol" }?.document.metadata)
        #expect(leigh.adopted?.description == "2020-09-22")
        #expect(leigh.council == "Leigh Parish Council")
        #expect(leigh.title == "Member / Officer (Clerk/RFO) Relations Protocol")
        let taffs = try #require(site.protocols.first { $0.document.metadata.slug == "taffs-well-nantgarw-relationships-protocol" }?.document.metadata)
        #expect(taffs.adopted?.description == "2019-09-25")
    }

    @Test func footnotesAndTheirReferenceSurvive() throws {
        let plan = try #require(Self.plan)
        let html = try #require(TestSupport.text(plan, "member-officer-relations-protocol/index.html"))
        for label in ["1", "2", "4", "5"] {
            #expect(html.contains("href=\"#fn-\(label)\" id=\"fnref-\(label)\""), "footnote \(label)")
        }
        #expect(html.contains("<a class=\"xref\" href=\"#clause-5\">5</a>"))
    }

    @Test func metadataLeavesTheBody() throws {
        let result = try Importer.importText("Example Parish Council\n\nGRANTS POLICY\n\n1. Scope\n\n1.1 Grants are small.\n\n*Date adopted 3rd March 2021\nDate to be Reviewed March 2024*\n")
        #expect(result.markdown.contains("title: Grants Policy\n"))
        #expect(result.markdown.contains("council: Example Parish Council\n"))
        #expect(result.markdown.contains("adopted: 3rd March 2021\n"))
        #expect(result.markdown.contains("review: March 2024\n"))
        #expect(!result.markdown.contains("Date adopted"))
        #expect(result.markdown.contains("## 1. Scope\n\n1.1 Grants are small."))
    }

    @Test func bulletsPageBreaksAndAddresses() throws {
        let result = try Importer.importText("TITLE\n\nA paragraph broken\u{0C}\nacross a page.\n\n• first\n• second\n  o nested\n\nSee https://example.org/guide. # not a heading\n")
        #expect(result.markdown.contains("A paragraph broken across a page."))
        #expect(result.markdown.contains("- first\n- second\n  - nested"))
        #expect(result.markdown.contains("<https://example.org/guide>."))
    }

    @Test func theCommandWritesOneFilePerInputAndNeverOverwrites() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = Self.seeds.appendingPathComponent("leigh-member-officer-protocol.txt").path
        let first = try TestSupport.run(["import", seed, "--output", folder.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("leigh-member-officer-protocol.md").path))
        let again = try TestSupport.run(["import", seed, "--output", folder.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
        let missing = try TestSupport.run(["import", folder.appendingPathComponent("nope.txt").path, "--output", folder.path])
        #expect(missing.status == 1)
    }
}

@Suite("Importing Word documents")
struct DocxImportTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/example-policy.docx")

    @Test func headingsListsTableAndFootnoteSurvive() throws {
        let result = try Importer.importFile(at: Self.fixture.path)
        #expect(result.markdown.hasPrefix("---\ntitle: Grants Policy\nstatus: adopted\nadopted: 3rd March 2021\nreview: March 2027\n---\n"))
        #expect(!result.markdown.contains("Date adopted"))
        let plan = try TestSupport.plan(["content/grants.md": result.markdown.replacingOccurrences(of: "title: Grants Policy", with: "title: Grants Policy\ncouncil: Example Parish Council")])
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        let page = try #require(TestSupport.text(plan, "grants/index.html"))
        #expect(page.contains("<h2 id=\"clause-1\">"))
        #expect(page.contains("<h3 id=\"who-may-apply\">"))
        #expect(page.contains("id=\"clause-1.1\""))
        #expect(page.contains("<strong>every</strong>"))
        #expect(page.contains("<em>never</em>"))
        #expect(page.contains("<li>Registered charities</li>"))
        #expect(page.contains("<ol>\n<li>Apply in writing to the clerk</li>"))
        #expect(page.contains("<th scope=\"col\">Grant size</th>"))
        #expect(page.contains("<td>Over £500</td>"))
        #expect(page.contains("href=\"#fn-2\" id=\"fnref-2\""))
        #expect(page.contains("<li id=\"fn-2\">"))
        #expect(page.contains("Grants under £50 need no form."))
    }

    @Test func aFileThatIsNotAWordDocumentIsAClearError() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write(["fake.docx": Array("not a zip".utf8)], under: folder)
        #expect(throws: ImportError.self) { try Importer.importFile(at: folder.appendingPathComponent("fake.docx").path) }
        let run = try TestSupport.run(["import", folder.appendingPathComponent("fake.docx").path, "--output", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error:"))
    }
}
