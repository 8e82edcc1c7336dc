import Foundation
import Testing
@testable import ProtositeCore

/// The five real protocols in ../shared/corpus build, with their structure intact.
@Suite("Building ../shared/corpus", .enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout"))
struct CorpusBuildTests {
    static let plan: SiteBuilder.Plan? = try? SiteBuilder(fileSystem: .disk(root: TestSupport.corpusRoot.path), today: TestSupport.today).plan()

    func page(_ slug: String) throws -> String {
        let plan = try #require(Self.plan)
        return try #require(TestSupport.text(plan, slug + "/index.html"))
    }

    @Test func buildsAllFiveWithoutErrors() throws {
        let plan = try #require(Self.plan)
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        let slugs = plan.site?.protocols.map(\.document.metadata.slug).sorted()
        #expect(slugs == [
            "cheshire-councillor-officer-protocol", "leigh-member-officer-protocol", "member-officer-relations-protocol",
            "sandon-burston-councillor-officer-protocol", "taffs-well-nantgarw-relationships-protocol",
        ])
        for slug in slugs ?? [] {
            #expect(TestSupport.text(plan, "\(slug)/index.html") != nil)
        }
        #expect(TestSupport.text(plan, "index.html") != nil)
        #expect(TestSupport.text(plan, "search-index.json") != nil)
    }

    @Test func footnotesLinkBothWays() throws {
        let html = try page("member-officer-relations-protocol")
        for label in ["1", "2", "4", "5"] {
            #expect(html.contains("href=\"#fn-\(label)\" id=\"fnref-\(label)\""), "reference \(label)")
            #expect(html.contains("<li id=\"fn-\(label)\">"), "definition \(label)")
            #expect(html.contains("<a href=\"#fnref-\(label)\" class=\"footnote-back\""), "back link \(label)")
        }
        #expect(!html.contains("[^"))
    }

    @Test func versionHistoryTableIsRendered() throws {
        let html = try page("sandon-burston-councillor-officer-protocol")
        #expect(html.contains("<h2 id=\"history-heading\">Version history</h2>"))
        #expect(html.contains("<time datetime=\"2024-09-09\">9 September 2024</time>"))
        #expect(html.contains("Added Clerk where Officer/Clerks were mentioned"))
        #expect(html.components(separatedBy: "<tr><td>").count - 1 == 3)
    }

    @Test func clauseCountsMatchExpected() throws {
        let plan = try #require(Self.plan)
        let counts = Dictionary(uniqueKeysWithValues: (plan.site?.protocols ?? []).map { ($0.document.metadata.slug, $0.document.clauses.count) })
        #expect(counts["cheshire-councillor-officer-protocol"] == 0)
        #expect(counts["leigh-member-officer-protocol"] == 20)
        #expect(counts["member-officer-relations-protocol"] == 52)
        #expect(counts["sandon-burston-councillor-officer-protocol"] == 0)
        #expect(counts["taffs-well-nantgarw-relationships-protocol"] == 16)
    }

    @Test func blockquoteAndAutolinkSurvive() throws {
        let html = try page("sandon-burston-councillor-officer-protocol")
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("<a href=\"https://"))
    }
}

@Suite("Reproducible builds", .enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout"))
struct DeterminismTests {
    @Test func twoBuildsOfTheSameInputsAreByteIdentical() throws {
        let first = try SiteBuilder(fileSystem: .disk(root: TestSupport.corpusRoot.path), today: TestSupport.today).plan()
        let second = try SiteBuilder(fileSystem: .disk(root: TestSupport.corpusRoot.path), today: TestSupport.today).plan()
        #expect(first.outputs.count > 10)
        #expect(first.outputs.map(\.path) == second.outputs.map(\.path))
        for (a, b) in zip(first.outputs, second.outputs) {
            #expect(a.bytes == b.bytes, "\(a.path) differs")
        }
    }

    @Test func builtBinaryWritesIdenticalTreesTwice() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        for out in [a, b] {
            let result = try TestSupport.run(["build", "--root", TestSupport.corpusRoot.path, "--output", out.path, "--today", "2026-11-23"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let left = try TestSupport.snapshot(a), right = try TestSupport.snapshot(b)
        #expect(left.count > 10)
        #expect(left == right)
    }
}
