import Foundation
import Testing
@testable import ProtositeCore

/// Inputs at and past the limits: each is a clear error or a correct build,
/// never a crash or a hang. (50,000 files are exercised at full size by
/// scripts/stress-limits with the release binary; here 5,000.)
@Suite("Limits")
struct LimitsTests {
    func errors(_ body: String) throws -> [Diagnostic] {
        try TestSupport.plan(["content/p.md": TestSupport.protocolFile(body: body)]).diagnostics.filter { $0.severity == .error }
    }

    @Test func aTwentyMegabyteFileIsRefused() throws {
        let big = String(repeating: "Lorem ipsum dolor sit amet. ", count: 20 * 1024 * 1024 / 28)
        let found = try errors(big)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("over 8 MB") == true)
    }

    @Test(arguments: [
        ("block quotes", String(repeating: "> ", count: 10_000) + "deep\n"),
        ("lists", (0..<10_000).map { String(repeating: " ", count: $0 % 2 == 0 ? 0 : 0) + String(repeating: "- ", count: 1) }.joined() + "deep\n"),
        ("emphasis", String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000) + "\n"),
        ("links", String(repeating: "[", count: 10_000) + "x" + String(repeating: "](y)", count: 10_000) + "\n"),
    ])
    func nestingTenThousandDeep(name: String, body: String) throws {
        let found = try errors(body)
        // Either refused with a clear message or parsed shallow by cmark; never a crash.
        for error in found { #expect(error.message.contains("nested")) }
    }

    @Test func oneHundredThousandClauses() throws {
        var body = "\n## 1. All\n\n"
        for index in 1...100_000 { body += "1.\(index) Clause \(index), see paragraph 1.\(max(index - 1, 1)).\n\n" }
        let plan = try TestSupport.plan(["content/p.md": TestSupport.protocolFile(body: body)])
        #expect(!plan.diagnostics.hasErrors)
        #expect(plan.site?.protocols.first?.document.clauses.count == 100_001)
        let page = try #require(TestSupport.text(plan, "p/index.html"))
        #expect(page.contains("id=\"clause-1.100000\""))
    }

    @Test func aOneMegabyteLine() throws {
        let plan = try TestSupport.plan(["content/p.md": TestSupport.protocolFile(body: String(repeating: "word ", count: 210_000) + "\n")])
        #expect(!plan.diagnostics.hasErrors)
        #expect((TestSupport.text(plan, "p/index.html")?.count ?? 0) > 1_000_000)
    }

    @Test func fiveThousandFiles() throws {
        var files: [String: String] = [:]
        for index in 0..<5_000 {
            files["content/p\(index).md"] = TestSupport.protocolFile("title: Protocol \(index)\ncouncil: C", body: "1.1 Text \(index).\n")
        }
        let plan = try TestSupport.plan(files)
        #expect(!plan.diagnostics.hasErrors)
        #expect(plan.site?.protocols.count == 5_000)
    }

    @Test func symbolicLinksLeadingOutOfContentAreNotFollowed() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write([
            "content/a.md": Array(TestSupport.protocolFile().utf8),
            "outside/secret.md": Array(TestSupport.protocolFile("title: Secret\ncouncil: C").utf8),
            "content/inner/real.md": Array(TestSupport.protocolFile("title: Real\ncouncil: C").utf8),
        ], under: root)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("content/secret.md").path, withDestinationPath: root.appendingPathComponent("outside/secret.md").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("content/outside-folder").path, withDestinationPath: root.appendingPathComponent("outside").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("content/alias.md").path, withDestinationPath: "inner/real.md")
        let plan = try SiteBuilder(fileSystem: .disk(root: root.path), today: TestSupport.today).plan()
        let titles = Set(plan.site?.protocols.map(\.document.metadata.title) ?? [])
        #expect(!titles.contains("Secret"))
        #expect(titles.contains("Real"))
    }
}
