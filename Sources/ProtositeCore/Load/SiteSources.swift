/// Everything a build reads, loaded: the load stage's output.
public struct SiteSources: Sendable {
    /// `protosite.yml`, if there is one.
    public var configFile: SourceFile?
    /// `content/**/*.md`, sorted by path.
    public var contentFiles: [SourceFile]
    /// Files under `templates/` by their path inside it (`layout.mustache`,
    /// `assets/site.css`): each replaces the built-in file of that name.
    public var templateOverrides: [String: SourceFile]
    /// `versions/SLUG/DATE.md`: earlier texts of protocols, sorted by path.
    public var versionFiles: [SourceFile] = []
}

/// The load stage: reads the site project through a `FileSystem`.
public struct SiteLoader: Sendable {
    public var fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    public func load(diagnostics: inout [Diagnostic]) throws -> SiteSources {
        let config = try fileSystem.read("protosite.yml").map { SourceFile(path: "protosite.yml", bytes: $0) }
        var content: [SourceFile] = []
        for path in try fileSystem.list("content") where path.lowercased().hasSuffix(".md") {
            if let bytes = try fileSystem.read(path) {
                content.append(SourceFile(path: path, bytes: bytes))
            }
        }
        if content.isEmpty {
            diagnostics.append(.error("no protocols found: put one Markdown file per protocol in content/ (protosite init DIR makes an example)", in: "content", line: 0, column: 0))
        }
        var overrides: [String: SourceFile] = [:]
        for path in try fileSystem.list("templates") {
            let name = String(path.dropFirst("templates/".count))
            if name.hasPrefix(".") || name.contains("/.") { continue }
            if let bytes = try fileSystem.read(path) {
                overrides[name] = SourceFile(path: path, bytes: bytes)
            }
        }
        var versions: [SourceFile] = []
        for path in try fileSystem.list(VersionSources.folder) where path.lowercased().hasSuffix(".md") && !path.contains("/.") {
            if let bytes = try fileSystem.read(path) { versions.append(SourceFile(path: path, bytes: bytes)) }
        }
        return SiteSources(configFile: config, contentFiles: content, templateOverrides: overrides, versionFiles: versions)
    }
}
