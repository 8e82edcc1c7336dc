import Foundation
import Testing
@testable import ProtositeCore

/// Security review #16, item 9: `unsafe_html: true` passes raw HTML through
/// GitHub's tag filter, which is not a sanitiser; what stops an author's
/// script from running is the Content-Security-Policy, so every page keeps
/// it, whatever template a project supplies.
@Suite("unsafe_html and the Content-Security-Policy")
struct UnsafeHTMLTests {
    static let raw = """
    <a href="javascript:alert(1)">js</a> <img src=x onerror="alert(2)"> <meta http-equiv="refresh" content="0;url=https://evil.example/">

    [markdown js](javascript:alert(3))
    """

    func plan(_ extra: [String: String] = [:]) throws -> SiteBuilder.Plan {
        try TestSupport.plan(["protosite.yml": "unsafe_html: true\n", "content/p.md": TestSupport.protocolFile(body: Self.raw + "\n")].merging(extra) { $1 })
    }

    @Test func theOptionPassesWhatTheTagFilterAllowsAsDocumented() throws {
        let page = try #require(TestSupport.text(try plan(), "p/index.html"))
        // What docs/content-format.md now says passes: handlers, javascript: in raw tags, meta refresh.
        #expect(page.contains("onerror=\"alert(2)\""))
        #expect(page.contains("href=\"javascript:alert(1)\""))
        // A Markdown link to javascript: is never made live.
        #expect(!page.contains("href=\"javascript:alert(3)\""))
        let docs = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/content-format.md"), encoding: .utf8)
        #expect(docs.contains("trusted authors only"))
        #expect(!docs.contains("are never made live."))
    }

    @Test func everyPageCarriesThePolicy() throws {
        for output in try plan().outputs where output.path.hasSuffix(".html") {
            let text = String(decoding: output.bytes, as: UTF8.self)
            #expect(text.contains(ContentSecurityPolicy.meta), "\(output.path)")
        }
    }

    @Test func aLayoutOverrideWithoutThePolicyIsWarnedAboutAndGetsItBack() throws {
        let layout = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>{{pageTitle}}</title></head>\n<body>{{$main}}{{/main}}</body>\n</html>\n"
        let plan = try plan(["templates/layout.mustache": layout])
        let warning = try #require(plan.diagnostics.first { $0.path == "templates/layout.mustache" })
        #expect(warning.severity == .warning && warning.message.contains("Content-Security-Policy"))
        let page = try #require(TestSupport.text(plan, "p/index.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + ContentSecurityPolicy.meta))
    }

    @Test func aPageTemplateOverrideWithoutTheLayoutGetsThePolicyBackWhileTheOthersKeepTheirs() throws {
        // Built-in templates are trusted to state the policy (they are not
        // searched); an overridden one is searched, whatever the layout says.
        let template = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>{{pageTitle}}</title></head>\n<body>{{{page.body}}}</body>\n</html>\n"
        let plan = try plan(["templates/protocol.mustache": template])
        let page = try #require(TestSupport.text(plan, "p/index.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + ContentSecurityPolicy.meta))
        for output in plan.outputs where output.path.hasSuffix(".html") {
            let text = String(decoding: output.bytes, as: UTF8.self)
            #expect(text.components(separatedBy: ContentSecurityPolicy.meta).count == 2, "\(output.path): the policy once")
        }
    }

    @Test func thePolicyIsTheOneTheBuiltInLayoutStates() throws {
        let layout = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("templates/layout.mustache"), encoding: .utf8)
        #expect(layout.contains(ContentSecurityPolicy.meta))
    }

    @Test(arguments: [
        ("<meta http-equiv=\"Content-Security-Policy\" content=\"x\">", true),
        ("<META HTTP-EQUIV='content-security-policy' CONTENT='x'>", true),
        ("<meta http-equiv=Content-Security-Policy content=x>", true),
        ("<meta http-equiv=\"Content-Security-Policy' content=x>", false),
        ("<meta http-equiv=\"refresh\"> content-security-policy", false),
        ("http-equiv=\"x\" http-equiv=\"content-security-policy\"", true),
        ("", false),
        ("http-equiv=", false),
        ("hhttp-equiv=content-security-policy", true),
        ("http-equi", false),
    ])
    func aPolicyIsFoundInAnyCaseAndEitherQuote(text: String, stated: Bool) {
        #expect(ContentSecurityPolicy.isStated(in: text) == stated)
    }
}
