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
        var diagnostics: [Diagnostic] = []
        let sources = try stage("load") { try SiteLoader(fileSystem: fileSystem).load(diagnostics: &diagnostics) }
        let config = ConfigReader.read(sources.configFile, diagnostics: &diagnostics)
        let documents = stage("parse") { parseAll(sources.contentFiles, config: config, diagnostics: &diagnostics) }
        checkSlugs(documents, diagnostics: &diagnostics)
        diagnostics += ReviewWarnings.for(documents, today: today, warningDays: config.reviewWarningDays)
        let linked = stage("link") { SiteLinker().link(documents, diagnostics: &diagnostics) }
        let theme = Theme(overrides: sources.templateOverrides, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else {
            return Plan(outputs: [], diagnostics: diagnostics.sorted(), site: linked, config: config)
        }
        let outputs = stage("render") { SiteRenderer(config: config, theme: theme, today: today).render(linked) }
        return Plan(outputs: outputs, diagnostics: diagnostics.sorted(), site: linked, config: config)
    }

    private func stage<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try work()
        onStage(name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return value
    }

    /// Parses files on all cores (cmark-gfm itself is serialised inside
    /// `MarkdownParser`); results keep path order.
    private func parseAll(_ files: [SourceFile], config: SiteConfig, diagnostics: inout [Diagnostic]) -> [ProtocolDocument] {
        let parser = ProtocolParser(config: config)
        let slots = ResultSlots<(ProtocolDocument?, [Diagnostic])>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            var local: [Diagnostic] = []
            let document = parser.parse(files[index], diagnostics: &local)
            slots.set(index, (document, local))
        }
        var documents: [ProtocolDocument] = []
        for (document, local) in slots.values {
            diagnostics += local
            if let document { documents.append(document) }
        }
        return documents
    }

    /// Two files may not claim one page.
    private func checkSlugs(_ documents: [ProtocolDocument], diagnostics: inout [Diagnostic]) {
        var owners: [String: String] = [:]
        for document in documents {
            let key = document.metadata.slug.lowercased()
            if let first = owners[key] {
                diagnostics.append(.error("the slug '\(document.metadata.slug)' is already used by \(first); give one of them another slug", in: document.path, line: 1, column: 1))
            } else {
                owners[key] = document.path
            }
        }
    }
}
