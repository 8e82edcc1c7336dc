import Foundation
import ProtositeSearch

/// A whole build as the commands run it: plan, and write only when the
/// sources are clean. `build` and `serve` share it.
public struct BuildRun: Sendable {
    public var root: URL
    public var output: URL
    public var today: CalendarDay
    public var strict: Bool
    /// Ignore what the last build left and make everything.
    public var fresh: Bool
    public var onStage: @Sendable (String, Double) -> Void

    public init(root: URL, output: URL, today: CalendarDay, strict: Bool = false, fresh: Bool = false, onStage: @escaping @Sendable (String, Double) -> Void = { _, _ in }) {
        self.root = root
        self.output = output
        self.today = today
        self.strict = strict
        self.fresh = fresh
        self.onStage = onStage
    }

    public enum Outcome: Sendable, Equatable {
        /// The site was written.
        case built(protocols: Int)
        /// Content errors (or warnings under --strict): nothing written.
        case contentErrors
        /// The output folder may not be written (exit 2).
        case refused(String)
        /// Reading or writing failed (exit 3).
        case failed(String)
    }

    public struct Result: Sendable {
        public var outcome: Outcome
        /// Under --strict, warnings come back as errors.
        public var diagnostics: [Diagnostic]
        public var seconds: Double
        /// Outputs made by this build, and outputs of the last build kept
        /// as they were (an incremental build keeps most).
        public var made = 0
        public var kept = 0
    }

    public func run() -> Result {
        let started = DispatchTime.now().uptimeNanoseconds
        func finish(_ outcome: Outcome, _ diagnostics: [Diagnostic] = []) -> Result {
            Result(outcome: outcome, diagnostics: diagnostics, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        let writer = SiteWriter(output: output)
        do {
            try writer.checkTarget(root: root)
        } catch {
            return finish(.refused(String(describing: error)))
        }
        let builder = SiteBuilder(fileSystem: .disk(root: root.path), today: today, onStage: onStage)
        let cache = BuildCache(output: output)
        let planned: SiteBuilder.Planned
        var previous: (state: BuildState, manifest: SiteManifest)?
        do {
            let loaded = try builder.load()
            let key = BuildCache.key(sources: loaded.0, today: today)
            // The last build's state counts only if the site is still as it left it.
            if !fresh, let last = cache.load(key: key), last.1.siteIsIntact(at: writer.output) {
                previous = last
            }
            planned = builder.plan(loaded, previous: previous?.state, key: key, keepLinked: false)
        } catch {
            return finish(.failed(String(describing: error)))
        }
        let plan = planned.plan
        var diagnostics = plan.diagnostics
        if strict { diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d } }
        guard !diagnostics.hasErrors else { return finish(.contentErrors, diagnostics) }
        let protocols = planned.state?.documents.count ?? 0
        if previous != nil, plan.outputs.isEmpty {
            // Nothing changed: the site is already what this build would write.
            onStage("write", 0)
            var result = finish(.built(protocols: protocols), diagnostics)
            result.kept = planned.kept.count
            return result
        }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            cache.forget()
            // Records are stored while the site is written.
            let records = ResultSlots<[StoredRecord]?>(count: 1)
            let storing = DispatchGroup()
            if let state = planned.state {
                DispatchQueue.global().async(group: storing) { records.set(0, cache.saveRecords(state)) }
            }
            let manifest = try writer.write(plan.outputs, kept: planned.kept, manifest: previous?.manifest)
            storing.wait()
            if let state = planned.state, let places = records.values.first ?? nil { cache.saveState(state, records: places, manifest: manifest) }
        } catch {
            return finish(.failed(String(describing: error)), diagnostics)
        }
        onStage("write", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        var result = finish(.built(protocols: protocols), diagnostics)
        result.made = plan.outputs.count
        result.kept = planned.kept.count
        return result
    }
}
