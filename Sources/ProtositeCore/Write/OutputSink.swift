import Foundation

/// Where the render and index stages hand each file as they make it, so a
/// large site is never whole in memory: the writer's staging folder
/// (`StagingSite`), or memory (`OutputCollector`). Called from all cores
/// at once.
protocol OutputSink: Sendable {
    func put(_ output: Output) throws
}

extension OutputSink {
    func put(_ outputs: [Output]) throws {
        for output in outputs { try put(output) }
    }
}

/// Keeps every output, for a build that writes nothing (`SiteBuilder.plan`:
/// the tests, `check` and `reviews`).
final class OutputCollector: OutputSink, @unchecked Sendable {
    // Guarded by `lock`: puts come from all cores.
    private var outputs: [Output] = []
    private let lock = NSLock()

    func put(_ output: Output) {
        lock.withLock { outputs.append(output) }
    }

    /// Everything put, by path.
    var collected: [Output] {
        lock.withLock { outputs.sorted { $0.path < $1.path } }
    }
}
