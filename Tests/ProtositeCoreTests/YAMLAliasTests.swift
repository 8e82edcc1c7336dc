import Foundation
import Testing
@testable import ProtositeCore

/// Security review #16, item 2: YAML aliases whose cost doubles with each
/// level of nesting are refused at their line, in front matter and in
/// protosite.yml, before Yams composes a tree.
@Suite("YAML aliases")
struct YAMLAliasTests {
    /// `l0: &l0 [x, …]`, each level ten aliases of the one before, then the
    /// last one used as a key: 370 bytes took 20 s at seven levels.
    static func aliasBomb(depth: Int, keyed: Bool = true) -> String {
        var lines = ["l0: &l0 [" + Array(repeating: "x", count: 10).joined(separator: ",") + "]"]
        for level in 1...depth {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ",") + "]")
        }
        if keyed { lines.append("*l\(depth) : 1") }
        return lines.joined(separator: "\n")
    }

    func errors(_ files: [String: String]) throws -> [Diagnostic] {
        try TestSupport.plan(files).diagnostics.filter { $0.severity == .error }
    }

    @Test func anAliasUsedAsAKeyIsAnErrorAtItsLine() throws {
        let frontMatter = "title: T\ncouncil: C\n" + Self.aliasBomb(depth: 3)
        let found = try errors(["content/p.md": TestSupport.protocolFile(frontMatter, body: "Text.\n")])
        let error = try #require(found.first)
        #expect(error.path == "content/p.md")
        // Line 1 is `---`, then title, council, l0…l3: the key is on line 8.
        #expect(error.line == 8 && error.column == 1, "\(error.formatted)")
        #expect(error.message.contains("alias (*l3) cannot be used as a key"))
    }

    @Test func anAliasInsideAFlowKeyIsRefusedToo() {
        #expect(YAMLAliasGuard.check("a: &a [x]\n? [*a]\n: 1\n")?.line == 2)
        #expect(YAMLAliasGuard.check("a: &a [x]\n{*a : 1}: 2\n") != nil)
    }

    @Test(.timeLimit(.minutes(1)))
    func sevenLevelsUsedAsAKeyFailInUnderTwoSeconds() throws {
        // Was 20 s (release) and 80 s (debug); now a few milliseconds.
        let started = ContinuousClock.now
        let frontMatter = "title: T\ncouncil: C\n" + Self.aliasBomb(depth: 7)
        let found = try errors(["content/p.md": TestSupport.protocolFile(frontMatter, body: "Text.\n")])
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(found.count == 1)
        #expect(found.first?.formatted.hasPrefix("content/p.md:") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func aliasesExpandingPastTheLimitAreRefusedInTheConfig() throws {
        let started = ContinuousClock.now
        let found = try errors([
            "protosite.yml": Self.aliasBomb(depth: 9, keyed: false) + "\n",
            "content/p.md": TestSupport.protocolFile(body: "Text.\n"),
        ])
        #expect(ContinuousClock.now - started < .seconds(2))
        let error = try #require(found.first)
        #expect(error.path == "protosite.yml")
        #expect(error.message.contains("expand to more than"))
    }

    @Test func anOrdinaryAliasOfAValueStillReads() throws {
        let plan = try TestSupport.plan(["content/p.md": TestSupport.protocolFile("title: &t Code of Conduct\ncouncil: C\nsummary: *t\nreview: 2027-06", body: "Text.\n")])
        #expect(!plan.diagnostics.hasErrors)
        #expect(plan.site?.protocols.first?.document.metadata.summary == "Code of Conduct")
    }
}
