import Foundation

/// `404.html` is the one page not read where it lies: a web server shows
/// it at whatever address was missed (`/policies/no/such/page`), so links
/// relative to its own place lead on from the missed address, to more
/// misses and no stylesheet. With `base_url` its links start at that
/// address's path (`/policies/assets/site.css`) and work wherever it is
/// shown; without, they stay relative, right only for a missed address in
/// the site's top folder, and `build` says so.
public enum NotFoundPage {
    public static let path = "404.html"

    /// What the page's links start with: the path of `base_url` (its
    /// percent-encoding kept), else nothing (relative, from the top folder).
    static func root(baseURL: String?) -> String {
        guard let baseURL, let components = URLComponents(string: baseURL) else { return "" }
        let path = components.percentEncodedPath
        if path.isEmpty { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The warning for a site without `base_url`, at its settings file;
    /// nil when it has one. `build` gives it, since it is about where the
    /// site is published; `check` and `serve` (which shows 404.html at its
    /// top folder, where it works) do not, and `--strict` leaves it a
    /// warning: nothing in the sources is wrong.
    public static func warning(_ config: SiteConfig, configFile: SourceFile?) -> Diagnostic? {
        guard config.baseURL == nil else { return nil }
        let line = configFile == nil ? 0 : 1
        return .warning("no 'base_url': the page for a missing address (404.html) links relatively, so it works only for missing addresses in the site's top folder (deeper ones show it unstyled, its links broken); set 'base_url' to the address site/ is published at, such as https://www.example-parish.gov.uk/policies/",
                        in: configFile?.path ?? "protosite.yml", line: line, column: line)
    }

    /// The same for a project on disk: its settings read again (the build
    /// has reported anything wrong in them already).
    public static func warning(root: URL) -> Diagnostic? {
        let bytes = try? FileSystem.disk(root: root.path).read("protosite.yml")
        let file = bytes.flatMap { $0 }.map { SourceFile(path: "protosite.yml", bytes: $0) }
        var ignored: [Diagnostic] = []
        return warning(ConfigReader.read(file, diagnostics: &ignored), configFile: file)
    }
}
