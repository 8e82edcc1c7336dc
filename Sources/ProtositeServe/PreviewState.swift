import ProtositeCore

/// The latest build as the preview server shows it. Each build bumps
/// `version`; open pages wait for a newer one and reload.
actor PreviewState {
    private(set) var version = 0
    /// The diagnostics of the last build that failed, or nil when the site is current.
    private(set) var failure: [Diagnostic]?
    private var waiters: [(after: Int, continuation: CheckedContinuation<Int, Never>)] = []

    func record(_ result: BuildRun.Result) {
        switch result.outcome {
        case .built:
            failure = nil
        case .contentErrors:
            failure = result.diagnostics
        case .refused(let message), .failed(let message):
            failure = [.error(message, in: "protosite")]
        }
        version += 1
        let ready = waiters.filter { $0.after < version }
        waiters.removeAll { $0.after < version }
        for waiter in ready { waiter.continuation.resume(returning: version) }
    }

    /// Returns as soon as the version passes `after` (at once if it has).
    func waitForVersion(after: Int) async -> Int {
        if version > after { return version }
        return await withCheckedContinuation { continuation in
            waiters.append((after, continuation))
        }
    }

    /// Wakes every waiter, so held requests end when the server stops.
    func releaseAll() {
        for waiter in waiters { waiter.continuation.resume(returning: version) }
        waiters.removeAll()
    }
}
