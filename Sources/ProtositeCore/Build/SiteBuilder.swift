import Foundation
import ProtositeSearch

/// One build, stage by stage: load → parse → link → render (the search
/// index included) → write. Every stage but the last works on values, so
/// `plan` is what tests call; `build` adds the write.
public struct SiteBuilder: Sendable {
    public var fileSystem: FileSystem
    public var today: CalendarDay
    /// Called after each stage with its name and seconds taken.
    public var onStage: @Sendable (String, Double) -> Void

    public init(fileSystem: FileSystem, today: CalendarDay, onStage: @escaping @Sendable (String, Double) -> Void = { _, _ in }) {
        self.fileSystem = fileSystem
        self.today = today
        self.onStage = onStage
    }

    /// What a build would write, and what it has to say about the sources.
    public struct Plan: Sendable {
        public var outputs: [Output]
        public var diagnostics: [Diagnostic]
        public var site: LinkedSite?
        public var config: SiteConfig
    }

    /// Loads, parses, links and renders; writes nothing. Outputs are empty
    /// when there are errors.
    public func plan() throws -> Plan {
        try plan(load(), previous: nil, key: 0, keepLinked: true).plan
    }

    /// The load stage, with what it had to say.
    func load() throws -> (SiteSources, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let sources = try stage("load") { try SiteLoader(fileSystem: fileSystem).load(diagnostics: &diagnostics) }
        return (sources, diagnostics)
    }

    /// A plan, and what of the current site it keeps (`previous` says
    /// what the current site was built from).
    struct Planned {
        var plan: Plan
        var kept: [String]
        var state: BuildState?
    }

    func plan(_ loaded: (SiteSources, [Diagnostic]), previous: BuildState?, key: UInt64, keepLinked: Bool) -> Planned {
        let (sources, loadDiagnostics) = loaded
        var diagnostics = loadDiagnostics
        let config = ConfigReader.read(sources.configFile, diagnostics: &diagnostics)
        diagnostics += Self.publishingWarnings(config, configPath: sources.configFile?.path ?? "protosite.yml")
        let theme = Theme(overrides: sources.templateOverrides, diagnostics: &diagnostics)
        var planner = BuildPlanner(config: config, theme: theme, today: today, key: key)
        planner.stage = { name, work in self.stage(name, work) }
        planner.keepLinked = keepLinked
        planner.versionFiles = sources.versionFiles
        let result = planner.plan(sources.contentFiles, previous: previous, startDiagnostics: diagnostics)
        let site = LinkedSite(protocols: result.linked)
        guard !result.diagnostics.hasErrors else {
            return Planned(plan: Plan(outputs: [], diagnostics: result.diagnostics, site: site, config: config), kept: [], state: nil)
        }
        return Planned(plan: Plan(outputs: result.outputs, diagnostics: result.diagnostics, site: site, config: config),
                       kept: result.kept, state: result.state)
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

    private func stage<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try work()
        onStage(name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return value
    }
}
