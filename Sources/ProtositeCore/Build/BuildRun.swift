import Foundation
import ProtositeSearch

/// A whole build as the commands run it: the stages (`SiteBuilder.build`)
/// writing into the output folder, with the last build's state when it can
/// be trusted. `build` and `serve` share it.
public struct BuildRun: Sendable {
    public var root: URL
    public var output: URL
    public var today: CalendarDay
    public var strict: Bool
    /// Ignore what the last build left and make everything.
    public var fresh: Bool
    public var onStage: @Sendable (BuildStage, Double) -> Void

    public init(root: URL, output: URL, today: CalendarDay, strict: Bool = false, fresh: Bool = false, onStage: @escaping @Sendable (BuildStage, Double) -> Void = { _, _ in }) {
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
        /// What the build cache had to say (why the last build's state was
        /// not used, or could not be saved), and which stage failed: shown
        /// under --verbose.
        public var notes: [String] = []
        /// The path of `base_url` (`/policies/`, not percent-encoded) when
        /// the built site is published below a host's top folder: the
        /// preview answers at that path too, so the 404 page's links work.
        public var publishedPath: String? = nil
    }

    public func run() -> Result {
        let started = DispatchTime.now().uptimeNanoseconds
        func finish(_ outcome: Outcome, _ diagnostics: [Diagnostic] = [], target: OutputFolderTarget? = nil) -> Result {
            Result(outcome: outcome, diagnostics: diagnostics, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                   made: target?.made ?? 0, kept: target?.kept ?? 0, notes: target?.notes ?? [])
        }
        let writer = SiteWriter(output: output)
        do {
            try writer.checkTarget(root: root)
        } catch {
            return finish(.refused(String(describing: error)))
        }
        let target = OutputFolderTarget(writer: writer, today: today, fresh: fresh)
        let builder = SiteBuilder(fileSystem: .disk(root: root.path), today: today, strict: strict, onStage: onStage)
        do {
            let report = try builder.build(into: target)
            guard report.wrote else { return finish(.contentErrors, report.diagnostics, target: target) }
            var result = finish(.built(protocols: report.protocols), report.diagnostics, target: target)
            let published = NotFoundPage.root(baseURL: report.config.baseURL).removingPercentEncoding ?? "/"
            result.publishedPath = published.count > 1 ? published : nil
            return result
        } catch {
            target.abandon()
            var result = finish(.failed(String(describing: error)), target: target)
            result.notes.append("the \(error.stage.rawValue) stage failed; \(output.path) is unchanged")
            return result
        }
    }
}
