import Foundation
import Testing
@testable import ProtositeCore

/// Issue #17: a web server shows 404.html at whatever address was missed,
/// so with `base_url` its links and assets start at that address's path;
/// without, `build` warns that it works only in the site's top folder.
@Suite("The 404 page")
struct NotFoundPageTests {
    static let content = ["content/a.md": TestSupport.protocolFile()]

    func page(baseURL: String?, path: String = NotFoundPage.path) throws -> String {
        var files = Self.content
        if let baseURL { files["protosite.yml"] = "base_url: \(baseURL)\ncontact: clerk@example.org\n" }
        return try #require(TestSupport.rawText(try TestSupport.plan(files), path))
    }

    /// Every address the page links, loads or submits to.
    func addresses(_ html: String) -> [String] {
        let pattern = /(?:href|src|action)="([^"]*)"/
        return html.matches(of: pattern).map { String($0.1) }
    }

    @Test(arguments: [("https://www.example-parish.gov.uk/policies/", "/policies/"),
                      ("https://example.org", "/"),
                      ("https://parish.example/caf%C3%A9/", "/caf%C3%A9/")])
    func withABaseURLEveryLinkStartsAtItsPath(baseURL: String, path: String) throws {
        let html = try page(baseURL: baseURL)
        #expect(html.contains("<link rel=\"stylesheet\" href=\"\(path)assets/site.css\">"))
        #expect(html.contains("<form action=\"\(path)search/index.html\""))
        #expect(html.contains("href=\"\(path)reviews/index.html\""))
        let local = addresses(html).filter { !$0.hasPrefix("#") && !$0.hasPrefix("http") }
        #expect(local.count >= 8)
        for address in local {
            #expect(address.hasPrefix(path), "\(address) is relative to wherever the page is shown")
        }
    }

    @Test func otherPagesStillLinkRelatively() throws {
        let index = try page(baseURL: "https://www.example-parish.gov.uk/policies/", path: "index.html")
        #expect(index.contains("<link rel=\"stylesheet\" href=\"assets/site.css\">"))
        #expect(!addresses(index).contains { $0.hasPrefix("/") })
    }

    @Test func withoutABaseURLItLinksRelativelyAndBuildWarns() throws {
        let html = try page(baseURL: nil)
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/site.css\">"))
        let warning = try #require(NotFoundPage.warning(SiteConfig(), configFile: SourceFile(path: "protosite.yml", text: "title: T\n")))
        #expect(warning.formatted.hasPrefix("protosite.yml:1:1: warning: no 'base_url':"))
        var configured = SiteConfig()
        configured.baseURL = "https://example.org/"
        #expect(NotFoundPage.warning(configured, configFile: nil) == nil)
    }

    /// As a clerk sees it: build warns (never under --quiet), check does not.
    @Test func buildWarnsFromTheCommandLine() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile().utf8),
                               "protosite.yml": Array("title: Policies\n".utf8)], under: root)
        let built = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23", "--strict"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("protosite.yml:1:1: warning: no 'base_url': the page for a missing address (404.html)"), "\(built.stderr)")
        let quiet = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23", "--quiet"])
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let checked = try TestSupport.run(["check", "--root", root.path, "--today", "2026-11-23"])
        #expect(!checked.stderr.contains("base_url"), "\(checked.stderr)")
    }
}
