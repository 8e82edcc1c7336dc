import ProtositeCore

/// The latest build as the preview server shows it. Each build bumps
/// `version`; open pages wait for a newer one and reload.
actor PreviewState {
    private(set) var version = 0
    /// The diagnostics of the last build that failed, or nil when the site is current.
    private(set) var failure: [Diagnostic]?
    /// Where the last site built is published below a host's top folder
    /// (`/policies/`), if it is.
    private(set) var publishedPath: String?
    private var waiters: [Int: (after: Int, continuation: CheckedContinuation<Int, Never>)] = [:]
    private var nextWaiter = 0

    func record(_ result: BuildRun.Result) {
        switch result.outcome {
        case .built:
            failure = nil
            publishedPath = result.publishedPath
        case .contentErrors:
            failure = result.diagnostics
        case .refused(let message), .failed(let message):
            failure = [Self.diagnostic(message)]
        }
        version += 1
        for (id, waiter) in waiters where waiter.after < version {
            waiters[id] = nil
            waiter.continuation.resume(returning: version)
        }
    }

    /// A failure's message as the error page lists it. A file failure
    /// already names its file (`content/a.md: error: cannot read: …`), so
    /// it is not put under protosite's name a second time.
    static func diagnostic(_ message: String) -> Diagnostic {
        guard let mark = message.range(of: ": error: "), mark.lowerBound > message.startIndex else { return .error(message, in: "protosite") }
        return .error(String(message[mark.upperBound...]), in: String(message[..<mark.lowerBound]))
    }

    /// Returns as soon as the version passes `after` (at once if it has, or
    /// if `after` is a version this server never had: the page is from an
    /// earlier run and should reload). Cancelling the task returns the
    /// current version, so a request's timeout really ends it: a wait that
    /// ignored cancellation held its socket for ever.
    func waitForVersion(after: Int) async -> Int {
        if version > after || after > version { return version }
        let id = nextWaiter
        nextWaiter += 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: version)
                } else {
                    waiters[id] = (after, continuation)
                }
            }
        } onCancel: {
            Task { await self.release(id) }
        }
    }

    /// Ends one wait (its request timed out or its client went away).
    private func release(_ id: Int) {
        waiters.removeValue(forKey: id)?.continuation.resume(returning: version)
    }

    /// Wakes every waiter, so held requests end when the server stops.
    func releaseAll() {
        for waiter in waiters.values { waiter.continuation.resume(returning: version) }
        waiters.removeAll()
    }
}
