import Foundation

/// What every stage after loading works with: the configuration, the
/// theme, the day, and the earlier versions' files.
struct BuildContext: Sendable {
    var config: SiteConfig
    var theme: Theme
    var today: CalendarDay
    /// `versions/SLUG/DATE.md`. A change to any of them changes the
    /// build's key, so it is a full build.
    var versionFiles: [SourceFile]
    /// Their days, by slug.
    var versionDates: [String: [CalendarDay]]
    /// Markdown bytes above which parsed trees are not kept for linking.
    var treeBudget = BuildContext.defaultTreeBudget
    /// Markdown bytes above which kept trees are packed.
    var packBudget = BuildContext.defaultPackBudget

    /// Reads the configuration and the theme from the loaded sources.
    init(_ sources: SiteSources, today: CalendarDay, diagnostics: inout [Diagnostic]) {
        config = ConfigReader.read(sources.configFile, diagnostics: &diagnostics)
        diagnostics += SiteBuilder.publishingWarnings(config, configPath: sources.configFile?.path ?? "protosite.yml")
        theme = Theme(overrides: sources.templateOverrides, diagnostics: &diagnostics)
        self.today = today
        versionFiles = sources.versionFiles
        versionDates = VersionSources.dates(sources.versionFiles)
    }

    var renderer: SiteRenderer { SiteRenderer(config: config, theme: theme, today: today, versionDates: versionDates) }
    var parser: ProtocolParser { ProtocolParser(config: config) }
}
