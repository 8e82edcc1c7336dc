import Foundation
import ProtositeSearch

/// One build, stage by stage: load → parse → link → versions → render →
/// index → write (`BuildStage`). `build` is the whole of it in order; each
/// stage is a function from one named value to the next, in a file named
/// for it. A rebuild takes the same path as a full build, with the last
/// build's state making most stages do less.
public struct SiteBuilder: Sendable {
    public var fileSystem: FileSystem
    public var today: CalendarDay
    /// Warnings stop the build as errors do (and are reported as errors).
    public var strict = false
    /// Markdown bytes above which the parse stage keeps no trees (tests set it low).
    var treeBudget = BuildContext.defaultTreeBudget
    /// Markdown bytes above which kept trees are packed (tests set it low).
    var packBudget = BuildContext.defaultPackBudget
    /// Called after each stage with the seconds it took.
    public var onStage: @Sendable (BuildStage, Double) -> Void

    public init(fileSystem: FileSystem, today: CalendarDay, strict: Bool = false, onStage: @escaping @Sendable (BuildStage, Double) -> Void = { _, _ in }) {
        self.fileSystem = fileSystem
        self.today = today
        self.strict = strict
        self.onStage = onStage
    }

    /// What a build would write, and what it has to say about the sources.
    public struct Plan: Sendable {
        /// Empty when there are errors.
        public var outputs: [Output]
        public var diagnostics: [Diagnostic]
        public var site: LinkedSite?
        public var config: SiteConfig
    }

    /// Every stage, writing into memory: for tests, `check` and `reviews`.
    public func plan() throws -> Plan {
        let target = MemoryTarget()
        let report = try build(into: target, keepLinked: true)
        return Plan(outputs: report.wrote ? target.collector.collected : [], diagnostics: report.diagnostics,
                    site: report.site, config: report.config)
    }

    /// The build, in the order of its stages.
    func build(into target: some BuildTarget, keepLinked: Bool = false) throws(BuildFailure) -> BuildReport {
        let clock = StageClock(report: onStage)
        var diagnostics: [Diagnostic] = []
        var sources = try clock.run(.load) { try SiteLoader(fileSystem: fileSystem).load(diagnostics: &diagnostics) }
        var context = BuildContext(sources, today: today, diagnostics: &diagnostics)
        context.treeBudget = treeBudget
        context.packBudget = packBudget
        var previous = target.previous(for: sources)

        // From here the files' bytes have one owner, so what a stage lets go is gone.
        var files = sources.contentFiles
        sources.contentFiles = []
        var parsed = try clock.run(.parse) { context.parse(&files, previous: previous) }
        var slugErrors = Self.slugErrors(parsed)
        if previous != nil, parsed.failed || !slugErrors.isEmpty {
            // Errors are reported as a build from nothing reports them.
            previous = nil
            parsed = try clock.run(.parse) { context.parse(files, previous: nil) }
            slugErrors = Self.slugErrors(parsed)
        }
        files = []
        if parsed.failed || !slugErrors.isEmpty {
            // What parsed is still linked, for its warnings too.
            diagnostics += parsed.protocols.flatMap(\.diagnostics) + slugErrors
            let site = SiteLinker().link(context.documents(parsed), diagnostics: &diagnostics)
            return BuildReport(diagnostics: reported(diagnostics), site: site, config: context.config, wrote: false, protocols: 0)
        }

        let changes = ChangeSet(parsed, previous: previous)
        var linked = try clock.run(.link) { context.link(&parsed, changes: changes) }
        var versioned = try clock.run(.versions) { context.versions(&linked) }
        diagnostics = reported(diagnostics + versioned.diagnostics + versioned.entries.flatMap(\.diagnostics))
        let site = keepLinked ? versioned.linkedSite(context) : nil
        guard !diagnostics.hasErrors else {
            return BuildReport(diagnostics: diagnostics, site: site, config: context.config, wrote: false, protocols: 0)
        }

        // Nothing is written before this point: a build with errors leaves the site as it was.
        let sink = target.open()
        let terms = TermTable(terms: previous?.terms ?? [])
        var rendered = try clock.run(.render) { try context.render(&versioned, changes: changes, terms: terms, into: sink, spool: target.spool) }
        let index = try clock.run(.index) { try context.index(&rendered, changes: changes, previous: previous, terms: terms, into: sink, spool: target.spool) }
        let state = BuildState(key: 0, terms: terms.terms, documents: rendered.records, searchPaths: index.paths)
        try clock.run(.write) { try target.finish(kept: (rendered.kept + index.kept).sorted(), state: state) }
        return BuildReport(diagnostics: diagnostics, site: site, config: context.config, wrote: true, protocols: rendered.records.count)
    }

    /// Under --strict, warnings come back as errors.
    private func reported(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let sorted = diagnostics.sorted()
        return strict ? sorted.map { var d = $0; d.severity = .error; return d } : sorted
    }

    /// Two files may not claim one page.
    static func slugErrors(_ site: ParsedSite) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var errors: [Diagnostic] = []
        for summary in site.protocols.compactMap(\.summary) {
            let key = summary.slug.lowercased()
            if let first = owners[key] {
                errors.append(.error("the slug '\(summary.slug)' is already used by \(first); give one of them another slug", in: summary.path, line: 1, column: 1))
            } else {
                owners[key] = summary.path
            }
        }
        return errors
    }

    /// A site given the address it is published at is a site residents
    /// read: its accessibility statement must say whom to contact about
    /// access, and without `contact` it can only say "the clerk". (A
    /// project with no `base_url` is not warned: it may be a draft or a
    /// test, and its content's warnings are the ones that count.)
    static func publishingWarnings(_ config: SiteConfig, configPath: String) -> [Diagnostic] {
        guard config.baseURL != nil, config.contact == nil else { return [] }
        return [.warning("the site has a 'base_url' but no 'contact': the accessibility statement cannot tell residents how to ask for another format or report a problem; add 'contact: …' (an email address or a telephone number)", in: configPath, line: 1, column: 1)]
    }
}

/// What a build did.
struct BuildReport: Sendable {
    /// Sorted; under --strict, every warning as an error.
    var diagnostics: [Diagnostic]
    /// The linked protocols, when asked for.
    var site: LinkedSite?
    var config: SiteConfig
    /// Whether the site was made (there were no errors).
    var wrote: Bool
    var protocols: Int
}

/// Where a build's site goes: memory (`MemoryTarget`) or the output folder
/// (`OutputFolderTarget`), which also keeps state for the next build.
protocol BuildTarget {
    /// What the last build left for these sources, when it can be trusted.
    func previous(for sources: SiteSources) -> BuildState?
    /// Where outputs go; called only once the sources are free of errors.
    func open() -> OutputSink
    /// Where search entries' fields wait from render to index and cache;
    /// nil to keep them in memory.
    var spool: EntrySpool? { get }
    /// Puts the site in place, with `kept` carried over from the current one.
    func finish(kept: [String], state: BuildState) throws
}

/// Keeps the site in memory; no last build.
final class MemoryTarget: BuildTarget {
    let collector = OutputCollector()
    func previous(for sources: SiteSources) -> BuildState? { nil }
    func open() -> OutputSink { collector }
    var spool: EntrySpool? { nil }
    func finish(kept: [String], state: BuildState) {}
}
