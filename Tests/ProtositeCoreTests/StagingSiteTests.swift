import Foundation
import Testing
@testable import ProtositeCore

/// The writer's staging folder, written into as pages are made: the site
/// it swaps in holds exactly what the build made and kept, whatever the
/// spare it reused held before.
@Suite("Staging site")
struct StagingSiteTests {
    /// Writes `outputs` as one build, over the spare the last left.
    @discardableResult
    static func build(_ writer: SiteWriter, _ outputs: [String: String], manifest: SiteManifest?) throws -> SiteManifest {
        let staging = try writer.begin(manifest: manifest)
        try staging.put(Output(path: SiteWriter.markerName, text: SiteWriter.markerText))
        // From all cores, as the render stage puts them.
        let items = outputs.sorted { $0.key < $1.key }
        let failures = ResultSlotsBox()
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            do { try staging.put(Output(path: items[index].key, text: items[index].value)) } catch { failures.add(error) }
        }
        #expect(failures.errors.isEmpty, "\(failures.errors)")
        return try staging.finish(kept: [])
    }

    @Test func aFileWhereAFolderIsNowWantedAndAFolderWhereAFileIsAreReplaced() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(output: root.appendingPathComponent("site"))
        let asFile = ["x": "a file", "keep/index.html": "kept", "old/deep/page.html": "old"]
        let asFolder = ["x/index.html": "a page", "keep/index.html": "kept"]
        var manifest = try Self.build(writer, asFile, manifest: nil)
        manifest = try Self.build(writer, asFolder, manifest: manifest)
        // The spare now holds the first site: `x` a file, where a folder is wanted.
        manifest = try Self.build(writer, asFolder, manifest: manifest)
        #expect(try Self.files(root) == Self.expected(asFolder))
        // And back: the spare holds `x/` where a file is wanted.
        manifest = try Self.build(writer, asFile, manifest: manifest)
        manifest = try Self.build(writer, asFile, manifest: manifest)
        #expect(try Self.files(root) == Self.expected(asFile))
    }

    @Test func aPathOutsideTheSiteIsRefusedAndTheSiteIsUntouched() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(output: root.appendingPathComponent("site"))
        try Self.build(writer, ["index.html": "first"], manifest: nil)
        let staging = try writer.begin(manifest: nil)
        #expect(throws: SiteWriter.Failure.self) { try staging.put(Output(path: "../escape.html", text: "x")) }
        staging.abandon()
        #expect(try Self.files(root) == Self.expected(["index.html": "first"]))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).allSatisfy { !$0.contains("protosite-new") })
    }

    static func expected(_ outputs: [String: String]) -> [String: [UInt8]] {
        outputs.mapValues { Array($0.utf8) }.merging([SiteWriter.markerName: Array(SiteWriter.markerText.utf8)]) { $1 }
    }

    static func files(_ root: URL) throws -> [String: [UInt8]] {
        try TestSupport.snapshot(root.appendingPathComponent("site")).mapValues { Array($0) }
    }
}

/// Errors gathered from all cores.
private final class ResultSlotsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [Error] = []
    func add(_ error: Error) { lock.withLock { gathered.append(error) } }
    var errors: [Error] { lock.withLock { gathered } }
}
