import Foundation
import ProtositeSearch

/// The output folder as a build's target: the last build's state from the
/// cache beside it, outputs written into a staging folder as they are
/// made (opened at the first one, so a build that changes nothing touches
/// nothing), then swapped in whole, and the state saved for the next build.
final class OutputFolderTarget: BuildTarget, OutputSink, @unchecked Sendable {
    let writer: SiteWriter
    let cache: BuildCache
    let today: CalendarDay
    let fresh: Bool

    // Guarded by `lock`: outputs come from all cores.
    private let lock = NSLock()
    private var key: UInt64 = 0
    private var manifest: SiteManifest?
    private var staging: StagingSite?
    private(set) var kept = 0
    /// What the cache had to say, for --verbose.
    private(set) var notes: [String] = []

    init(writer: SiteWriter, today: CalendarDay, fresh: Bool) {
        self.writer = writer
        self.cache = BuildCache(output: writer.output)
        self.today = today
        self.fresh = fresh
        spool = EntrySpool(cache: cache)
    }

    var made: Int { lock.withLock { staging?.made ?? 0 } }

    func previous(for sources: SiteSources) -> BuildState? {
        key = BuildCache.key(sources: sources, today: today)
        if fresh { return nil }
        // The last build's state counts only if the site is still as it left it.
        switch cache.load(key: key, intact: { $0.siteIsIntact(at: writer.output) }) {
        case .found(let state, let manifest):
            self.manifest = manifest
            return state
        case .siteChanged:
            notes.append("cache: \(writer.output.path) was changed since the last build; making everything")
            return nil
        case .unusable(let reason):
            notes.append("cache: \(reason); making everything")
            return nil
        }
    }

    func open() -> OutputSink { self }

    let spool: EntrySpool?

    func put(_ output: Output) throws {
        try openStaging().put(output)
    }

    private func openStaging() throws -> StagingSite {
        try lock.withLock {
            if let staging { return staging }
            // The state no longer describes the site from here on.
            cache.forget()
            let opened = try writer.begin(manifest: manifest)
            staging = opened
            return opened
        }
    }

    func finish(kept: [String], state: BuildState) throws {
        self.kept = kept.count
        // Nothing made: the site is already what this build would write.
        if lock.withLock({ self.staging == nil }), manifest != nil { return }
        let site = try openStaging()
        var state = state
        state.key = key
        // Records are stored while the site is swapped in.
        let records = ResultSlots<Result<[StoredRecord], BuildCache.Problem>>(count: 1)
        let storing = DispatchGroup()
        DispatchQueue.global().async(group: storing) { [cache, state, spool] in records.set(0, cache.saveRecords(state, spool: spool)) }
        let manifest = try site.finish(kept: kept)
        storing.wait()
        switch records.values.first {
        case .success(let places):
            if case .failure(let problem) = cache.saveState(state, records: places, manifest: manifest) {
                notes.append("cache: \(problem); the next build makes everything")
            }
        case .failure(let problem):
            notes.append("cache: \(problem); the next build makes everything")
        case nil:
            break
        }
    }

    /// After a failure: the half-written site goes, the current one stays.
    func abandon() {
        lock.withLock { staging }?.abandon()
    }
}
