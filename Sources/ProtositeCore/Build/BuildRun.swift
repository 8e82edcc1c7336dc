import Foundation

/// A whole build as the commands run it: plan, and write only when the
/// sources are clean. `build` and `serve` share it.
public struct BuildRun: Sendable {
    public var root: URL
    public var output: URL
    public var today: CalendarDay
    public var strict: Bool
    public var onStage: @Sendable (String, Double) -> Void

    public init(root: URL, output: URL, today: CalendarDay, strict: Bool = false, onStage: @escaping @Sendable (String, Double) -> Void = { _, _ in }) {
        self.root = root
        self.output = output
        self.today = today
        self.strict = strict
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
        let plan: SiteBuilder.Plan
        do {
            plan = try SiteBuilder(fileSystem: .disk(root: root.path), today: today, onStage: onStage).plan()
        } catch {
            return finish(.failed(error.localizedDescription))
        }
        var diagnostics = plan.diagnostics
        if strict { diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d } }
        guard !diagnostics.hasErrors else { return finish(.contentErrors, diagnostics) }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try writer.write(plan.outputs)
        } catch {
            return finish(.failed(String(describing: error)), diagnostics)
        }
        onStage("write", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return finish(.built(protocols: plan.site?.protocols.count ?? 0), diagnostics)
    }
}
