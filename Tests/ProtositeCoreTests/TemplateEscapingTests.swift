import Testing
@testable import ProtositeCore

/// Every template is read with protosite's byte-wise HTML escaping in place
/// of Mustache's own, which stepped through each value's Characters.
@Suite("Template escaping")
struct TemplateEscapingTests {
    static func page(_ template: String, title: String) throws -> String {
        let override = "{{<layout}}{{$main}}" + template + "{{/main}}{{/layout}}"
        let plan = try TestSupport.plan([
            "content/p.md": TestSupport.protocolFile("title: \"\(title)\"\ncouncil: Example Parish Council\nreview: 2027-06"),
            "templates/protocol.mustache": override,
        ])
        return try #require(TestSupport.text(plan, "p/index.html"))
    }

    @Test func aValueIsEscapedAsMustacheWouldEscapeIt() throws {
        let html = try Self.page("<h1 data-t=\"{{page.doc.title}}\">{{page.doc.title}}</h1>", title: "Fish & <Chips> \\\"Ltd\\\" 'n' café")
        let escaped = "Fish &amp; &lt;Chips&gt; &quot;Ltd&quot; &#39;n&#39; café"
        #expect(html.contains("<h1 data-t=\"\(escaped)\">\(escaped)</h1>"))
    }

    @Test func aTripleMustacheValueIsLeftAsItIs() throws {
        let html = try Self.page("<p>{{{page.doc.title}}}</p>", title: "A & B")
        #expect(html.contains("<p>A & B</p>"))
    }

    /// The line Mustache is given before each template is not the author's.
    @Test func aBrokenTemplateIsReportedAtTheLineItsAuthorWrote() throws {
        let plan = try TestSupport.plan([
            "content/p.md": TestSupport.protocolFile(),
            "templates/protocol.mustache": "<p>one</p>\n<p>two {{/closed}} never opened</p>\n<p>three</p>\n",
        ])
        let error = try #require(plan.diagnostics.first { $0.message.contains("cannot be read") })
        #expect(error.path == "templates/protocol.mustache")
        #expect(error.severity == .error)
        #expect(error.message.contains("cannot be read"))
        #expect(error.line == 2)
    }

    /// The added first line is a standalone tag, so a template whose own
    /// first line is one keeps it standalone: no stray blank line.
    @Test func aTemplateThatStartsWithASectionKeepsItsLines() throws {
        let plan = try TestSupport.plan([
            "content/p.md": TestSupport.protocolFile(),
            "templates/protocol.mustache": "{{#page.doc.title}}\n<p>has a title</p>\n{{/page.doc.title}}\n<p>end</p>\n",
        ])
        let html = try #require(TestSupport.rawText(plan, "p/index.html"))
        #expect(html.hasSuffix("<p>has a title</p>\n<p>end</p>\n"), "\(html)")
        #expect(!html.contains("\n\n"))
    }
}
