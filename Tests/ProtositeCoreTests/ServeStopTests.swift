import Foundation
import Testing
@testable import ProtositeCore
@testable import ProtositeServe

/// Issue #17: `protosite serve` in a terminal stops on Ctrl-C and on
/// SIGTERM within a second, exits 0 and lets go of its port. It printed
/// `^C` and went on serving, and the port stayed taken until the terminal
/// was closed.
@Suite("serve stops on Ctrl-C and SIGTERM")
struct ServeStopTests {
    func project() throws -> URL {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile(body: "1.1 Text.\n").utf8)], under: root)
        return root
    }

    /// `protosite serve` in a terminal of its own, once it says where it listens.
    func serve(_ root: URL, port: UInt16) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(TestSupport.binary.path, ["serve", "--root", root.path, "--port", String(port), "--today", "2026-11-23"])
        let listening = terminal.read(until: "press Ctrl-C", deadline: .now + .seconds(60))
        try #require(listening, "serve did not start: \(terminal.output)")
        return terminal
    }

    /// Whether a server could listen on the port now. SO_REUSEADDR as every
    /// server sets it (serve too): without it, connections closed a moment
    /// ago (TIME_WAIT) hold the port for a minute whoever had it.
    static func canListen(on port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = LoopbackHTTPServer.bindLoopback(fd, port: port)
        return bound && listen(fd, 1) == 0
    }

    @Test(.timeLimit(.minutes(2)))
    func ctrlCTypedInTheTerminalStopsItWithinASecond() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try #require(ClerkLoopTests().freePort())
        let terminal = try serve(root, port: port)
        let typed = ContinuousClock.now
        terminal.type([0x03])
        let status = terminal.waitForExit(deadline: typed + .seconds(1))
        #expect(status == 0, "after \(ContinuousClock.now - typed): \(terminal.output)")
        #expect(terminal.output.contains("stopped"))
        #expect(Self.canListen(on: port))
    }

    @Test(.timeLimit(.minutes(2)))
    func sigtermStopsItWithinASecondAndItStartsAgainOnTheSamePort() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try #require(ClerkLoopTests().freePort())
        let terminal = try serve(root, port: port)
        // A page served first, so its connection is among what must be let go.
        let page = ServeSafetyTests.exchange(port: port, ServeSafetyTests.get("/a/", host: "127.0.0.1:\(port)"))
        #expect(page?.hasPrefix("HTTP/1.1 200") == true)
        let sent = ContinuousClock.now
        kill(terminal.pid, SIGTERM)
        let status = terminal.waitForExit(deadline: sent + .seconds(1))
        #expect(status == 0, "after \(ContinuousClock.now - sent): \(terminal.output)")
        #expect(Self.canListen(on: port))
        // What a clerk does next: serve again, on the same port, at once.
        let again = try serve(root, port: port)
        again.type([0x03])
        #expect(again.waitForExit(deadline: .now + .seconds(1)) == 0, "\(again.output)")
    }
}
