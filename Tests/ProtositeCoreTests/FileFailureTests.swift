import Foundation
import Testing
@testable import ProtositeCore

/// Issue #17: a file the build cannot read says which file and why, in the
/// compiler form, and `build` exits 3. On Linux the `localizedDescription`
/// of an error that is not a `LocalizedError` is "The operation could not
/// be completed", which named neither.
@Suite("File failures say what and where")
struct FileFailureTests {
    static let denied = FileFailure(.read, "content/b.md", reason: "Permission denied")

    @Test func aFailureReadsAsADiagnosticOfItsFile() {
        #expect(String(describing: Self.denied) == "content/b.md: error: cannot read: Permission denied")
        #expect(Self.denied.localizedDescription == "content/b.md: error: cannot read: Permission denied")
    }

    @Test func aFileSystemThatCannotReadAFileStopsTheBuildNamingIt() throws {
        let files = ["content/a.md": TestSupport.protocolFile(), "content/b.md": TestSupport.protocolFile()]
        let memory = FileSystem.memory(files)
        var failing = memory
        failing.read = { path in
            if path == "content/b.md" { throw Self.denied }
            return try memory.read(path)
        }
        // Tagged with the stage that failed, the file's own words kept.
        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder(fileSystem: failing, today: TestSupport.today).plan() }
        #expect(failure?.stage == .load)
        #expect(failure?.message == String(describing: Self.denied))
    }

    /// mkfifo protosite.yml: opening it used to wait for a writer for ever.
    @Test(.timeLimit(.minutes(1)))
    func aFIFONamedLikeASourceIsNoFileAndNoHang() async throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile().utf8)], under: root)
        #expect(mkfifo(root.appendingPathComponent("protosite.yml").path, 0o644) == 0)
        // On a thread of its own, so a hang fails this test, not the pool.
        let read: Bool = await withCheckedContinuation { done in
            Thread.detachNewThread { done.resume(returning: (try? FileSystem.disk(root: root.path).read("protosite.yml")) != nil) }
        }
        #expect(!read)
    }
}

/// Root reads any file whatever its mode, so as root protosite runs under
/// `setpriv` without the two capabilities that let it (CAP_DAC_OVERRIDE and
/// CAP_DAC_READ_SEARCH): a root without them is held to the mode bits.
enum ReadingRights {
    static let isRoot = getuid() == 0
    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    static let dropped = ["--bounding-set=-dac_override,-dac_read_search", "--"]

    /// Whether a file of mode 000 can be made unreadable to protosite here.
    static let canBeDropped: Bool = {
        guard isRoot else { return true }
        return (try? TestSupport.run(dropped + ["/bin/true"], executable: setpriv).status) == 0
    }()
}

/// The same through the command line, on a real unreadable file and folder.
@Suite("An unreadable source, from the command line",
       .enabled(if: ReadingRights.canBeDropped, "running as root, and setpriv cannot drop the capabilities that read any file"))
struct UnreadableSourceTests {
    /// Runs protosite as a user whom mode 000 keeps out.
    func run(_ arguments: [String]) throws -> TestSupport.RunResult {
        guard ReadingRights.isRoot else { return try TestSupport.run(arguments) }
        return try TestSupport.run(ReadingRights.dropped + [TestSupport.binary.path] + arguments, executable: ReadingRights.setpriv)
    }

    func project(unreadable: String) throws -> URL {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write([
            "content/a.md": Array(TestSupport.protocolFile().utf8),
            "content/private/b.md": Array(TestSupport.protocolFile("title: B\ncouncil: C\nreview: 2027-06").utf8),
        ], under: root)
        #expect(chmod(root.appendingPathComponent(unreadable).path, 0) == 0)
        return root
    }

    func remove(_ root: URL, unreadable: String) {
        chmod(root.appendingPathComponent(unreadable).path, 0o755)
        try? FileManager.default.removeItem(at: root)
    }

    @Test(arguments: ["build", "check"])
    func anUnreadableFileIsNamedWithTheReasonAndExit3(command: String) throws {
        let root = try project(unreadable: "content/private/b.md")
        defer { remove(root, unreadable: "content/private/b.md") }
        let result = try run([command, "--root", root.path, "--today", "2026-11-23"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("content/private/b.md: error: cannot read: Permission denied\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    /// A folder that cannot be listed was skipped: the site was built without its protocols.
    @Test func anUnreadableFolderIsNamedTooNotSkipped() throws {
        let root = try project(unreadable: "content/private")
        defer { remove(root, unreadable: "content/private") }
        let result = try run(["build", "--root", root.path, "--today", "2026-11-23"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("content/private: error: cannot list the folder: Permission denied\n"), "\(result.stderr)")
        // --verbose names the stage that failed.
        let verbose = try run(["build", "--root", root.path, "--today", "2026-11-23", "--verbose"])
        #expect(verbose.stderr.contains("the load stage failed"), "\(verbose.stderr)")
    }
}
