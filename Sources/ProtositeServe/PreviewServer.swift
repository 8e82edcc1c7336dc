import Foundation
import ProtositeCore

/// `protosite serve`: builds the site, serves it on 127.0.0.1, rebuilds when
/// a source changes, and tells open pages to reload. A failed build shows
/// its diagnostics in the page rather than a stale site.
public struct PreviewServer: Sendable {
    public var build: BuildRun
    public var port: UInt16
    /// How often sources are compared for changes.
    public var pollInterval: Duration = .milliseconds(200)
    /// Builds and fingerprints run there, off the shared pool.
    var builds = BuildQueue()

    public init(build: BuildRun, port: UInt16) {
        self.build = build
        self.port = port
    }

    public enum Failure: Error, CustomStringConvertible {
        case portInUse(UInt16, suggestion: UInt16?)
        case cannotListen(String)

        public var description: String {
            switch self {
            case .portInUse(let port, let suggestion):
                let hint = suggestion.map { "; try --port \($0), which is free" } ?? ""
                return "port \(port) is already in use on 127.0.0.1\(hint)"
            case .cannotListen(let message):
                return "cannot listen on 127.0.0.1: \(message)"
            }
        }
    }

    /// Runs until the task is cancelled, and returns at once when it is,
    /// even in the middle of a build. `onEvent` hears each build and the
    /// address once listening.
    public func run(onEvent: @escaping @Sendable (Event) -> Void) async throws {
        guard Self.isFree(port) else {
            throw Failure.portInUse(port, suggestion: Self.freePort())
        }
        let state = PreviewState()
        // Sources are fingerprinted before the first build, so an edit made
        // while it runs, or just after the address is printed, is not missed.
        let watcher = SourceWatcher(root: build.root)
        guard let initial = await builds.perform({ watcher.snapshot() }),
              let first = await builds.build(build) else { return }
        await state.record(first)
        onEvent(.built(first))

        let handler = PreviewHandler(siteFolder: build.output, state: state, port: port)
        let server = try LoopbackHTTPServer(port: port) { await handler.handleRequest($0) }
        onEvent(.listening(URL(string: "http://127.0.0.1:\(port)/")!))
        do {
            try await watch(watcher, from: initial, state: state, onEvent: onEvent)
        } catch {
            // Held long-polls answer, so open pages stop waiting, then the port is freed.
            await state.releaseAll()
            server.stop()
            throw error
        }
        await state.releaseAll()
        server.stop()
    }

    public enum Event: Sendable {
        case listening(URL)
        case built(BuildRun.Result)
    }

    private func watch(_ watcher: SourceWatcher, from initial: [String: String], state: PreviewState, onEvent: @escaping @Sendable (Event) -> Void) async throws {
        var last = initial
        while !Task.isCancelled {
            guard let now = await builds.perform({ watcher.snapshot() }) else { return }
            if now == last {
                try await Task.sleep(for: pollInterval)
                continue
            }
            last = now
            guard let result = await builds.build(build) else { return }
            await state.record(result)
            onEvent(.built(result))
        }
    }

    /// Whether nothing listens on the port (binding a probe socket tells).
    static func isFree(_ port: UInt16) -> Bool {
        probe(port) != nil
    }

    /// A port the system says is free.
    public static func freePort() -> UInt16? {
        probe(0)
    }

    private static func probe(_ port: UInt16) -> UInt16? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // As the server binds: connections of a serve just stopped (in
        // TIME_WAIT for a minute) do not make the port taken, a listener does.
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard LoopbackHTTPServer.bindLoopback(fd, port: port) else { return nil }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: actual.sin_port)
    }
}
