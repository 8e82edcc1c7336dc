import Foundation
import Testing
@testable import ProtositeCore

/// Security review #16, item 1: whoever can add a file beside the output
/// (a shared folder, a repository) must not be able to make the clerk's
/// build write or delete anything outside protosite's own folders.
@Suite("Links beside the output")
struct OutputLinkTests {
    /// A project with one protocol `p`, built once, and a victim file
    /// outside it. Returns the project and the victim.
    func builtProject() throws -> (root: URL, victim: URL) {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write(["content/p.md": Array(TestSupport.protocolFile(body: "1.1 Text.\n").utf8)], under: root)
        let victim = root.deletingLastPathComponent().appendingPathComponent("victim-\(UUID().uuidString).txt")
        try Data("precious\n".utf8).write(to: victim)
        let first = try build(root)
        #expect(first.status == 0, "\(first.stderr)")
        return (root, victim)
    }

    func build(_ root: URL) throws -> TestSupport.RunResult {
        try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23"])
    }

    /// A folder made to look like protosite's: the marker, and `p/index.html`
    /// a link to the victim.
    func trap(pointingAt victim: URL) throws -> URL {
        let trap = try TestSupport.temporaryFolder()
        try Data(SiteWriter.markerText.utf8).write(to: trap.appendingPathComponent(SiteWriter.markerName))
        try FileManager.default.createDirectory(at: trap.appendingPathComponent("p"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: trap.appendingPathComponent("p/index.html").path, withDestinationPath: victim.path)
        return trap
    }

    @Test func aSpareThatIsALinkIsRefusedAndNothingIsWrittenThroughIt() throws {
        let (root, victim) = try builtProject()
        let spare = root.appendingPathComponent(".site.protosite-spare")
        try? FileManager.default.removeItem(at: spare)
        try FileManager.default.createSymbolicLink(atPath: spare.path, withDestinationPath: try trap(pointingAt: victim).path)
        try TestSupport.write(["content/p.md": Array(TestSupport.protocolFile(body: "1.1 Changed.\n").utf8)], under: root)
        let run = try build(root)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("symbolic link"))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        #expect(!OwnedFolder.isLink(root.appendingPathComponent("site").path))
    }

    @Test func aSpareWithoutTheMarkerIsNeitherUsedNorDeleted() throws {
        let (root, _) = try builtProject()
        let spare = root.appendingPathComponent(".site.protosite-spare")
        try? FileManager.default.removeItem(at: spare)
        try TestSupport.write([".site.protosite-spare/minutes.docx": Array("the clerk's own file".utf8)], under: root)
        let run = try build(root)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: spare.appendingPathComponent("minutes.docx").path))
    }

    @Test func aLinkPlantedInsideTheSpareIsReplacedNotWrittenThrough() throws {
        let (root, victim) = try builtProject()
        // A second build makes the spare (the first site).
        try TestSupport.write(["content/p.md": Array(TestSupport.protocolFile(body: "1.1 Second.\n").utf8)], under: root)
        #expect(try build(root).status == 0)
        let planted = root.appendingPathComponent(".site.protosite-spare/p/index.html")
        try FileManager.default.removeItem(at: planted)
        try FileManager.default.createSymbolicLink(atPath: planted.path, withDestinationPath: victim.path)
        try TestSupport.write(["content/p.md": Array(TestSupport.protocolFile(body: "1.1 Third.\n").utf8)], under: root)
        let run = try build(root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        let page = try String(contentsOf: root.appendingPathComponent("site/p/index.html"), encoding: .utf8)
        #expect(page.contains("Third"))
    }

    @Test func leftoverStagingFoldersThatAreNotProtositesAreLeftAlone() throws {
        let (root, victim) = try builtProject()
        let outside = try TestSupport.temporaryFolder()
        try Data("keep".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".site.protosite-new-1").path, withDestinationPath: outside.path)
        try TestSupport.write([".site.protosite-new-2/notes.txt": Array("mine".utf8)], under: root)
        try TestSupport.write(["content/p.md": Array(TestSupport.protocolFile(body: "1.1 Again.\n").utf8)], under: root)
        #expect(try build(root).status == 0)
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("keep.txt").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".site.protosite-new-2/notes.txt").path))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
    }

    @Test func anOutputThatIsALinkIsRefused() throws {
        let (root, _) = try builtProject()
        let elsewhere = try TestSupport.temporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: elsewhere.path)
        let run = try TestSupport.run(["build", "--root", root.path, "--output", root.appendingPathComponent("linked").path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("symbolic link"))
    }

    @Test(arguments: ["../../outside.html", "/etc/x", "a//b", "a/./b", "", "a/..", "ok\u{0}/x"])
    func pathsThatLeaveTheSiteAreNotSitePaths(path: String) {
        #expect(!SitePath.isSafe(path))
    }

    @Test func aCachedPathOutsideTheSiteIsNotUsed() throws {
        let (root, victim) = try builtProject()
        // The cache names a search file; make it climb out of the site.
        let state = root.appendingPathComponent(".site.protosite-cache/state")
        var bytes = try Data(contentsOf: state)
        let name = Data("search-index.json".utf8)
        let range = try #require(bytes.range(of: name))
        bytes.replaceSubrange(range, with: Data("../../victim.json".utf8))
        try bytes.write(to: state)
        try TestSupport.write(["content/p.md": Array(TestSupport.protocolFile(body: "1.1 Changed.\n").utf8)], under: root)
        let run = try build(root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("victim.json").path))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
    }
}
