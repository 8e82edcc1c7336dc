import Foundation

/// The stages every build runs, in this order. A full build and a rebuild
/// take the same path; in a rebuild the `ChangeSet` makes most stages do
/// less.
public enum BuildStage: String, Sendable, CaseIterable {
    /// Reads `content/`, `templates/`, `versions/` and `protosite.yml`.
    case load
    /// Front matter, clauses and the Markdown tree of each changed protocol.
    case parse
    /// Cross references become links; back links are gathered.
    case link
    /// Earlier versions of the protocols linked again: their pages and changes.
    case versions
    /// Protocol pages, listings and the theme's files, each handed to the
    /// writer as it is made.
    case render
    /// The search index, from every protocol's prepared entries.
    case index
    /// The new site swapped in whole, and the state kept for the next build.
    case write
}

/// A stage that could not finish: reading or writing failed (exit 3).
/// Content errors are diagnostics, not failures.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var stage: BuildStage
    /// What failed and where, with the system's reason.
    public var message: String

    /// The message alone: it already names the file, in the form editors read.
    public var description: String { message }
}

/// Times each stage and tags what it throws with the stage.
struct StageClock: Sendable {
    var report: @Sendable (BuildStage, Double) -> Void

    func run<T>(_ stage: BuildStage, _ work: () throws -> T) throws(BuildFailure) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value: T
        do {
            value = try work()
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure(stage: stage, message: String(describing: error))
        }
        report(stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return value
    }
}
