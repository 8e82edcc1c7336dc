import Dispatch
import Foundation
import ProtositeCore

/// Where the preview does its blocking work (building, fingerprinting the
/// sources): a serial queue of its own, off Swift's shared concurrency
/// pool. That pool has one thread per core; a build holding one for its
/// whole length (it parses, renders on all cores and writes) left the
/// requests, whose handlers are tasks too, one thread short, and on one
/// core none. One thing at a time, so an abandoned build and the next one
/// never write the site together.
struct BuildQueue: Sendable {
    private let queue = DispatchQueue(label: "protosite.serve.build")
    /// What a build is; tests replace it to hold a build or see where it runs.
    var work: @Sendable (BuildRun) -> BuildRun.Result = { $0.run() }

    /// The build's result, or nil when the task was cancelled first.
    func build(_ run: BuildRun) async -> BuildRun.Result? {
        let work = self.work
        return await perform { work(run) }
    }

    /// Runs `job` on the queue; nil as soon as the task is cancelled, without
    /// waiting for the job: stopping must not wait for a build. The job runs
    /// on, and the process exits under it, as if killed, which a build
    /// survives (its site is swapped in whole or not at all).
    func perform<T: Sendable>(_ job: @escaping @Sendable () -> T) async -> T? {
        let handoff = Handoff<T?>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                handoff.wait(continuation)
                queue.async { handoff.deliver(job()) }
            }
        } onCancel: {
            handoff.deliver(nil)
        }
    }
}

/// One value from whichever side comes first, the job or the cancellation,
/// to a continuation that may be waiting or not yet there.
private final class Handoff<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?
    private var value: T?
    private var delivered = false

    func wait(_ continuation: CheckedContinuation<T, Never>) {
        lock.lock()
        if delivered, let value {
            lock.unlock()
            continuation.resume(returning: value)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    /// The first value counts; later ones are dropped.
    func deliver(_ value: T) {
        lock.lock()
        guard !delivered else { lock.unlock(); return }
        delivered = true
        let waiting = continuation
        continuation = nil
        if waiting == nil { self.value = value }
        lock.unlock()
        waiting?.resume(returning: value)
    }
}
