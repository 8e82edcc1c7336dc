import Foundation
import Testing
@testable import ProtositeCore
@testable import ProtositeServe

/// Issue #17: the preview's builds run off Swift's shared concurrency pool,
/// so requests are answered while it builds, and stopping does not wait
/// for a build to end.
@Suite("serve builds off the shared pool")
struct ServeBuildQueueTests {
    /// Whether the calling code runs as part of a Swift task (on the pool).
    static var insideATask: Bool { withUnsafeCurrentTask { $0 != nil } }

    /// Waits for a semaphore on a thread of its own, so the wait holds no
    /// thread of the pool; false at the deadline.
    static func wait(_ semaphore: DispatchSemaphore, seconds: Double) async -> Bool {
        await withCheckedContinuation { done in
            Thread.detachNewThread { done.resume(returning: semaphore.wait(timeout: .now() + seconds) == .success) }
        }
    }

    /// One HTTP exchange, on a thread of its own for the same reason.
    static func get(_ target: String, port: UInt16) async -> String? {
        await withCheckedContinuation { done in
            Thread.detachNewThread {
                done.resume(returning: ServeSafetyTests.exchange(port: port, ServeSafetyTests.get(target, host: "127.0.0.1:\(port)")))
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aBuildHoldsNoPoolThreadRequestsAreAnsweredMeanwhileAndStoppingDoesNotWaitForIt() async throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile(body: "1.1 Text.\n").utf8)], under: root)
        let port = try #require(ClerkLoopTests().freePort())

        let log = BuildLog()
        let listening = DispatchSemaphore(value: 0), secondStarted = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0), secondEnded = DispatchSemaphore(value: 0)
        var server = PreviewServer(build: BuildRun(root: root, output: root.appendingPathComponent("site"), today: TestSupport.today), port: port)
        server.builds.work = { build in
            let index = log.started(insideATask: Self.insideATask)
            guard index == 1 else { return build.run() }
            // The rebuild is held until the test has seen a request answered.
            secondStarted.signal()
            _ = release.wait(timeout: .now() + 30)
            defer { secondEnded.signal() }
            return build.run()
        }
        let running = Task {
            try await server.run { event in
                if case .listening = event { listening.signal() }
            }
        }
        #expect(await Self.wait(listening, seconds: 30))
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile(body: "1.1 New text.\n").utf8)], under: root)
        #expect(await Self.wait(secondStarted, seconds: 30), "the edit started no rebuild")

        let answer = await Self.get("/__protosite/reload.js", port: port)
        #expect(answer?.hasPrefix("HTTP/1.1 200") == true, "no answer while building")

        let stopping = ContinuousClock.now
        running.cancel()
        _ = try? await running.value
        #expect(ContinuousClock.now - stopping < .seconds(1), "stopping waited for the build")
        release.signal()
        // The abandoned build ends on its own; the folder is removed after it.
        #expect(await Self.wait(secondEnded, seconds: 30))
        #expect(log.places == [false, false], "a build ran inside a task of the shared pool")
        #expect(ServeStopTests.canListen(on: port))
    }
}

/// Where each build ran: inside a Swift task or not.
private final class BuildLog: @unchecked Sendable {
    private let lock = NSLock()
    private var insideATask: [Bool] = []

    /// Records a build; its number, from 0.
    func started(insideATask inside: Bool) -> Int {
        lock.withLock {
            insideATask.append(inside)
            return insideATask.count - 1
        }
    }

    var places: [Bool] { lock.withLock { insideATask } }
}
