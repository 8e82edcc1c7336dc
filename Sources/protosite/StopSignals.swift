import Foundation

/// Ctrl-C (SIGINT, which the terminal sends when the interrupt character
/// is typed) and SIGTERM as a request to stop a task cleanly: held requests
/// answered, the port closed, exit 0, rather than death by signal.
///
/// Installed before the task starts, so a signal that comes early is not
/// lost. The handlers run on a queue of their own: the main queue is not
/// drained while an async command awaits, so a handler there never ran.
final class StopSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, any Error>?
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []

    init() {
        // The default actions would kill the process before the sources see the signals.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "protosite.serve.signals")
        sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
        for source in sources {
            source.setEventHandler { [weak self] in self?.stop() }
            source.resume()
        }
    }

    /// The task a signal cancels; cancelled at once if a signal came first.
    func stop(_ task: Task<Void, any Error>) {
        lock.withLock {
            self.task = task
            if requested { task.cancel() }
        }
    }

    var wasRequested: Bool { lock.withLock { requested } }

    private func stop() {
        lock.withLock {
            requested = true
            task?.cancel()
        }
    }

    /// Stops listening: the signal sources live as long as this value, and
    /// must, since a source that is freed is cancelled (in a release build
    /// Swift freed them after their last use, and Ctrl-C then did nothing).
    func finish() {
        sources.forEach { $0.cancel() }
    }
}
