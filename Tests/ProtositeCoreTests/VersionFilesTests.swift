import Foundation
import Testing
@testable import ProtositeCore

/// Earlier versions as files: where they go, what a misplaced one says,
/// and `protosite archive`, which puts the current text there.
@Suite struct VersionFilesTests {
    static let current = TestSupport.protocolFile("title: Grants Policy\ncouncil: Example Parish Council\nadopted: 2024-06-01\nreview: 2027-06",
                                                  body: "## 1. Grants\n\n1.1 Grants are made once a year.\n\n1.2 Applicants apply in writing.\n")
    static let earlier = "---\nadopted: 2021-03-02\n---\n\n## 1. Grants\n\n1.1 Grants are made twice a year.\n"

    @Test func aVersionFileNeedsNoTitleAndTakesItsDateFromItsName() throws {
        let plan = try TestSupport.plan(["content/grants.md": Self.current, "versions/grants/2021-03-02.md": Self.earlier])
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.formatted))")
        let page = try #require(TestSupport.text(plan, "grants/versions/2021-03-02/index.html"))
        #expect(page.contains("<h1>Grants Policy <span class=\"version-of\">as adopted on 2 March 2021</span></h1>"))
        #expect(page.contains("replaced on <time datetime=\"2024-06-01\">1 June 2024</time>"))
        let changes = try #require(TestSupport.text(plan, "grants/changes/index.html"))
        #expect(changes.contains("<del><span class=\"visually-hidden\">[deleted: </span>twice<span"))
        #expect(changes.contains("<ins><span class=\"visually-hidden\">[inserted: </span>once<span"))
    }

    @Test(arguments: ["versions/grants/2021-3-2.md", "versions/grants/2021-02-30.md", "versions/grants/old.md", "versions/2021-03-02.md"])
    func aFileNotNamedByARealDayInAProtocolsFolderIsAnErrorAtItsPath(_ path: String) throws {
        let plan = try TestSupport.plan(["content/grants.md": Self.current, path: Self.earlier])
        #expect(plan.diagnostics.map(\.formatted).contains { $0.hasPrefix(path + ":1:1: error:") }, "\(plan.diagnostics.map(\.formatted))")
        #expect(plan.outputs.isEmpty)
    }

    @Test func aFolderNoProtocolOwnsIsAWarning() throws {
        let plan = try TestSupport.plan(["content/grants.md": Self.current, "versions/grant/2021-03-02.md": Self.earlier])
        #expect(plan.diagnostics.map(\.formatted) == ["versions/grant/2021-03-02.md:1:1: warning: no protocol has the slug 'grant', so this earlier version is not published; the folder under versions/ must be named after the protocol's slug"])
        #expect(!plan.outputs.contains { $0.path.contains("/versions/") })
    }

    @Test func aVersionNotOlderThanTheCurrentTextIsAWarning() throws {
        let plan = try TestSupport.plan(["content/grants.md": Self.current, "versions/grants/2025-01-01.md": "---\n---\n\n1.1 Text.\n"])
        #expect(plan.diagnostics.contains { $0.severity == .warning && $0.path == "versions/grants/2025-01-01.md" && $0.message.contains("not before the current text's adoption") })
    }

    @Test func anAdoptedDateThatDisagreesWithTheFileNameIsAWarning() throws {
        let plan = try TestSupport.plan(["content/grants.md": Self.current, "versions/grants/2021-03-02.md": "---\nadopted: 2021-03-09\n---\n\n1.1 Text.\n"])
        #expect(plan.diagnostics.contains { $0.severity == .warning && $0.message.contains("'adopted' says 2021-03-09 but the file is named 2021-03-02.md") })
    }

    @Test func aProtocolWithoutVersionsHasNoVersionPagesOrLinks() throws {
        let plan = try TestSupport.plan(["content/grants.md": Self.current])
        #expect(!plan.outputs.contains { $0.path.contains("/versions/") || $0.path.contains("/changes/") })
        #expect(TestSupport.text(plan, "grants/index.html")?.contains("version-links") == false)
        #expect(TestSupport.text(plan, "protocols.json")?.contains("\"versions\": []") == true)
    }

    @Test func archiveCopiesTheCurrentTextUnderItsAdoptedDay() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/grants.md": Array(Self.current.utf8)], under: root)
        let config = SiteConfig()
        #expect(VersionArchive.archive("content/grants.md", root: root, config: config) == .archived("versions/grants/2024-06-01.md"))
        #expect(try Data(contentsOf: root.appendingPathComponent("versions/grants/2024-06-01.md")) == Data(Self.current.utf8))
        // Again with the same text: nothing to do.
        #expect(VersionArchive.archive("content/grants.md", root: root, config: config) == .alreadyArchived("versions/grants/2024-06-01.md"))
    }

    @Test func archiveNeverReplacesADifferentFileOfThatName() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/grants.md": Array(Self.current.utf8), "versions/grants/2024-06-01.md": Array("kept".utf8)], under: root)
        guard case .refused(let diagnostic) = VersionArchive.archive("content/grants.md", root: root, config: SiteConfig()) else {
            Issue.record("archive replaced a file")
            return
        }
        #expect(diagnostic.formatted.hasPrefix("content/grants.md:1:1: error: versions/grants/2024-06-01.md already exists with other text"))
        #expect(try String(contentsOf: root.appendingPathComponent("versions/grants/2024-06-01.md"), encoding: .utf8) == "kept")
    }

    @Test func archiveNeedsAnAdoptionDay() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/grants.md": Array(TestSupport.protocolFile().utf8)], under: root)
        guard case .refused(let diagnostic) = VersionArchive.archive("content/grants.md", root: root, config: SiteConfig()) else {
            Issue.record("archived a protocol with no adoption date")
            return
        }
        #expect(diagnostic.message.contains("no 'adopted' date"))
    }

    /// The clerk's loop for an amendment, as a clerk types it.
    @Test func theClerksLoopArchiveEditSetAdoptedBuild() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/grants.md": Array(Self.current.utf8)], under: root)
        let archived = try TestSupport.run(["archive", "content/grants.md"], in: root)
        #expect(archived.status == 0, "\(archived.stderr)")
        #expect(archived.stdout.contains("versions/grants/2024-06-01.md"))
        let amended = Self.current.replacingOccurrences(of: "adopted: 2024-06-01", with: "adopted: 2026-05-12")
            .replacingOccurrences(of: "once a year", with: "every quarter")
        try Data(amended.utf8).write(to: root.appendingPathComponent("content/grants.md"))
        let built = try TestSupport.run(["build", "--today", "2026-11-23"], in: root)
        #expect(built.status == 0, "\(built.stderr)")
        // No warning but the one about publishing without base_url (NotFoundPageTests).
        #expect(!built.stderr.split(separator: "\n").contains { $0.contains("warning") && !$0.contains("no 'base_url'") }, "\(built.stderr)")
        let changes = try String(contentsOf: root.appendingPathComponent("site/grants/changes/index.html"), encoding: .utf8)
        #expect(changes.contains("[deleted: </span>once a year<span") && changes.contains("[inserted: </span>every quarter<span"))
    }
}
