import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import ProtositeCore

/// `init`, `new` and `serve`, run as a clerk runs them: the built binary in
/// a temporary folder.
@Suite("A clerk's daily loop")
struct ClerkLoopTests {
    @Test func initMakesAProjectThatBuilds() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try TestSupport.run(["init", "parish", "--council", "Little Snoring Parish Council", "--today", "2026-11-23"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let root = folder.appendingPathComponent("parish")
        let config = try String(contentsOf: root.appendingPathComponent("protosite.yml"), encoding: .utf8)
        #expect(config.contains("council: Little Snoring Parish Council"))
        #expect(config.contains("# base_url:"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path))
        let build = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23", "--strict"])
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("site/councillor-and-clerk-protocol/index.html"), encoding: .utf8)
        #expect(page.contains("<a class=\"xref\" href=\"#clause-3.1\" aria-label=\"clause 3.1\">3.1</a>"))
        // A second init into the same folder is refused.
        let again = try TestSupport.run(["init", "parish"], in: folder)
        #expect(again.status == 1)
    }

    @Test func newWritesCompleteFrontMatterAndNeverOverwrites() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try TestSupport.run(["init", "p", "--today", "2026-11-23"], in: folder)
        let root = folder.appendingPathComponent("p")
        let made = try TestSupport.run(["new", "Grants & Donations: Policy", "--today", "2026-11-23"], in: root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("content/grants-donations-policy.md"))
        let file = root.appendingPathComponent("content/grants-donations-policy.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        for key in ["title: \"Grants & Donations: Policy\"", "council: Example Parish Council", "status: draft", "review: 2027-11-23", "version: 1", "summary:", "history:", "- {date: 2026-11-23, version: 1"] {
            #expect(text.contains(key), "missing \(key)")
        }
        try Data("edited".utf8).write(to: file)
        let again = try TestSupport.run(["new", "Grants & Donations: Policy"], in: root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited")
        try Data(text.utf8).write(to: file)
        let build = try TestSupport.run(["check", "--root", root.path, "--today", "2026-11-23", "--strict"])
        #expect(build.status == 0, "\(build.stderr)")
    }

    /// A running `serve`: its process and the address it printed.
    final class Server {
        let process = Process()
        let errors = Pipe()
        var url: URL!

        init(root: URL, port: UInt16) throws {
            process.executableURL = TestSupport.binary
            process.arguments = ["serve", "--root", root.path, "--port", String(port), "--today", "2026-11-23"]
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // Read its messages until it says where it listens.
            var seen = ""
            while !seen.contains("press Ctrl-C") {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            guard let range = seen.range(of: "http://127.0.0.1:[0-9]+/", options: .regularExpression) else {
                process.terminate()
                throw CocoaError(.fileReadUnknown, userInfo: ["output": seen])
            }
            url = URL(string: String(seen[range]))
        }

        func get(_ path: String) async throws -> (Int, String) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: path, relativeTo: url)!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        func stop() -> Int32 {
            process.interrupt()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    func project() throws -> URL {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile(body: "1.1 Original wording.\n").utf8)], under: root)
        return root
    }

    @Test func serveRebuildsAndThePageSeesTheChange() async throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try Server(root: root, port: try #require(freePort()))
        defer { _ = server.stop() }
        let (status, page) = try await server.get("a/")
        #expect(status == 200)
        #expect(page.contains("Original wording"))
        #expect(page.contains("/__protosite/reload.js?v=1"))

        let started = Date()
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile(body: "1.1 New wording.\n").utf8)], under: root)
        // The page's own reload script asks this; it answers when the rebuild is done.
        let (_, version) = try await server.get("__protosite/wait?since=1")
        #expect(version == "2")
        let (_, updated) = try await server.get("a/")
        let elapsed = Date().timeIntervalSince(started)
        #expect(updated.contains("New wording"))
        // Measured, not asserted: these machines are shared and timing
        // thresholds in tests only make them flaky. (Typically 0.2-0.4 s.)
        print(String(format: "serve: edit to new page in %.2f s", elapsed))
        #expect(server.stop() == 0)
    }

    @Test func aFailingBuildShowsItsDiagnosticsOnThePage() async throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try Server(root: root, port: try #require(freePort()))
        defer { _ = server.stop() }
        try TestSupport.write(["content/bad.md": Array("---\ntitle: [unclosed\n---\nText\n".utf8)], under: root)
        _ = try await server.get("__protosite/wait?since=1")
        let (status, page) = try await server.get("a/")
        #expect(status == 500)
        #expect(page.contains("The site could not be built"))
        #expect(page.contains("content/bad.md:3:1: error:"))
        // Fixing it brings the site back.
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/bad.md"))
        _ = try await server.get("__protosite/wait?since=2")
        let (fixed, _) = try await server.get("a/")
        #expect(fixed == 200)
    }

    @Test func aPortInUseGetsAClearMessage() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try #require(freePort())
        let server = try Server(root: root, port: port)
        defer { _ = server.stop() }
        let second = try TestSupport.run(["serve", "--root", root.path, "--port", String(port)])
        #expect(second.status == 2)
        #expect(second.stderr.contains("port \(port) is already in use"))
        #expect(second.stderr.contains("try --port"))
    }

    /// A port nothing listens on.
    func freePort() -> UInt16? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return ok ? UInt16(bigEndian: address.sin_port) : nil
    }
}

@Suite("Terminal output")
struct TerminalOutputTests {
    func project() throws -> URL {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write(["content/a.md": Array("---\ntitle: T\ncouncil: C\nreveiw: 2027-01\n---\nText\n".utf8)], under: root)
        return root
    }

    /// Runs the binary under `script`, which gives it a terminal.
    func onTerminal(_ arguments: [String], noColour: Bool) throws -> String {
        let command = ([TestSupport.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = noColour ? "1" : nil
        environment["TERM"] = "xterm"
        return try TestSupport.run(["-qc", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"), environment: environment).stdout
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/script")))
    func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let coloured = try onTerminal(["check", "--root", root.path], noColour: false)
        #expect(coloured.contains("\u{1B}[1;33mwarning:"))
        let plain = try onTerminal(["check", "--root", root.path], noColour: true)
        #expect(plain.contains("warning: unknown front-matter key"))
        #expect(!plain.contains("\u{1B}["))
        let piped = try TestSupport.run(["check", "--root", root.path])
        #expect(!piped.stderr.contains("\u{1B}["))
    }

    @Test func quietAndVerbose() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let quiet = try TestSupport.run(["build", "--root", root.path, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
        let verbose = try TestSupport.run(["build", "--root", root.path, "--verbose"])
        // Every stage, in order, numbered.
        let stages = ["[1/7] load", "[2/7] parse", "[3/7] link", "[4/7] versions", "[5/7] render", "[6/7] index", "[7/7] write"]
        let places = stages.map { verbose.stderr.range(of: $0)?.lowerBound }
        #expect(!places.contains(nil), "\(verbose.stderr)")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted())
        // Each with its wall and CPU time, so a reader sees how well it used the cores.
        let lines = verbose.stderr.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0.range(of: #"^\[\d/7\] \w+ \d+\.\d{3} s, CPU \d+\.\d{3} s"#, options: .regularExpression) != nil }, "\(lines)")
    }
}

@Suite("protosite init's settings")
struct ScaffoldConfigTests {
    /// The title was `"St Mary's: Upper" — Policies and Protocols`: a
    /// quoted council inside a longer plain value, which YAML refuses.
    @Test(arguments: ["Little Snoring Parish Council", "St Mary's: Upper Parish Council", "Parish #2 Council", "-Dash Council", "? Council", "Trailing Council "])
    func theSettingsReadBackWithTheCouncilsNameAsTyped(council: String) {
        var diagnostics: [Diagnostic] = []
        let config = ConfigReader.read(SourceFile(path: "protosite.yml", bytes: Array(ProjectScaffold.config(council: council).utf8)), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.council == council)
        #expect(config.title == council + " — Policies and Protocols")
    }
}
