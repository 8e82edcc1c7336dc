import Foundation
import Testing
@testable import ProtositeCore

/// The `protosite build` and `check` commands, run as a user runs them.
@Suite("protosite build and check, end to end")
struct BuildCommandTests {
    /// A project with one good protocol, built once.
    func builtProject() throws -> URL {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write([
            "protosite.yml": Array("title: Test Site\ncouncil: Example Parish Council\n".utf8),
            "content/code.md": Array(TestSupport.protocolFile("title: Code of Conduct", body: "\n## 1. Scope\n\n1.1 Applies to all.\n").utf8),
        ], under: root)
        let result = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23"])
        #expect(result.status == 0, "\(result.stderr)")
        return root
    }

    @Test(arguments: [
        ("no front matter", Array("# Heading\n".utf8), 1, 1),
        ("no title", Array("---\ncouncil: X\n---\nText\n".utf8), 1, 1),
        ("malformed YAML", Array("---\ntitle: [open\n---\nText\n".utf8), 3, 1),
        ("not UTF-8", Array("---\ntitle: X\n---\nBad \u{0}".utf8).dropLast() + [0xFF, 0x0A], 4, 5),
        ("wrong type", Array("---\ntitle: X\naliases: {a: 1}\n---\nText\n".utf8), 3, 10),
    ])
    func badInputLeavesThePreviousSiteUntouched(name: String, bytes: [UInt8], line: Int, column: Int) throws {
        let root = try builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let before = try TestSupport.snapshot(site)
        try TestSupport.write(["content/bad.md": bytes], under: root)
        let result = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23"])
        #expect(result.status == 1, "\(name): \(result.stderr)")
        #expect(result.stderr.contains("content/bad.md:\(line):\(column): error:"), "\(name): \(result.stderr)")
        #expect(try TestSupport.snapshot(site) == before, "\(name) changed site/")
        let check = try TestSupport.run(["check", "--root", root.path])
        #expect(check.status == 1)
    }

    @Test func refusesToWriteOverTheProjectOrItsContent() throws {
        let root = try builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        for output in [root.path, root.appendingPathComponent("content").path, root.appendingPathComponent("content/sub").path, root.deletingLastPathComponent().path] {
            let result = try TestSupport.run(["build", "--root", root.path, "--output", output])
            #expect(result.status == 2, "\(output): \(result.stderr)")
            #expect(result.stderr.contains("refusing"))
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/code.md").path))
    }

    @Test func refusesAFolderOfOtherFiles() throws {
        let root = try builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let other = root.appendingPathComponent("documents")
        try TestSupport.write(["documents/minutes.docx": [1, 2, 3]], under: root)
        let result = try TestSupport.run(["build", "--root", root.path, "--output", other.path])
        #expect(result.status == 2)
        #expect(try TestSupport.snapshot(other).keys.sorted() == ["minutes.docx"])
    }

    @Test func rebuildReplacesTheSiteAndLeavesNoStagingFolders() throws {
        let root = try builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/code.md": Array(TestSupport.protocolFile("title: Code of Conduct", body: "Changed.\n").utf8)], under: root)
        let result = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23"])
        #expect(result.status == 0)
        let page = try String(contentsOf: root.appendingPathComponent("site/code/index.html"), encoding: .utf8)
        #expect(page.contains("Changed."))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("protosite-new") || $0.contains("protosite-old") }
        #expect(leftovers.isEmpty)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let root = try builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/w.md": Array("---\ntitle: W\ncouncil: C\nreveiw: 2027-01\n---\nText\n".utf8)], under: root)
        let lenient = try TestSupport.run(["check", "--root", root.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("content/w.md:4:1: warning: unknown front-matter key 'reveiw'; did you mean 'review'?"))
        let strict = try TestSupport.run(["check", "--root", root.path, "--strict"])
        #expect(strict.status == 1)
        let json = try TestSupport.run(["check", "--root", root.path, "--format", "json"])
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: Data(json.stdout.utf8))
        #expect(decoded.contains { $0.path == "content/w.md" && $0.line == 4 })
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try TestSupport.run(["build", "--today", "31/02/2024"]).status == 2)
        #expect(try TestSupport.run(["build", "--no-such-option"]).status == 2)
        #expect(try TestSupport.run(["check", "--format", "xml"]).status == 2)
        let version = try TestSupport.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
        let help = try TestSupport.run(["build", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--today"))
    }

    @Test func copiedBinaryNeedsNothingBesideIt() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("protosite")
        try FileManager.default.copyItem(at: TestSupport.binary, to: copy)
        try TestSupport.write(["p/content/a.md": Array(TestSupport.protocolFile().utf8)], under: folder)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["build", "--root", folder.appendingPathComponent("p").path]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let css = folder.appendingPathComponent("p/site/assets/site.css")
        #expect(FileManager.default.fileExists(atPath: css.path))
    }
}
