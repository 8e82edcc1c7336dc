import Foundation
import Testing
@testable import ProtositeCore
import ProtositeMarkdown

/// `HTMLRenderer` writes bytes; it must write exactly what the `String`
/// renderer it replaced wrote (`StringHTMLRenderer`), through both its
/// entry points: every protocol of every corpus at hand, decorated as its
/// page is, and the cases each part of the renderer has.
@Suite("The body HTML as bytes")
struct HTMLRendererBytesTests {
    /// The first difference between the two renderers for a document, or
    /// nil when both entry points write the reference's bytes.
    static func difference(_ document: MarkdownDocument, allowRawHTML: Bool) -> String? {
        let expected = Array(StringHTMLRenderer(allowRawHTML: allowRawHTML).render(document).utf8)
        let renderer = HTMLRenderer(allowRawHTML: allowRawHTML)
        let names = ("renderer", "reference")
        let bytes = renderer.renderBytes(document)
        if bytes != expected { return "bytes: " + ProtocolPageWriterTests.firstDifference(bytes, expected, names: names) }
        let string = Array(renderer.render(document).utf8)
        if string != expected { return "string: " + ProtocolPageWriterTests.firstDifference(string, expected, names: names) }
        return nil
    }

    static func expectSame(_ markdown: String, allowRawHTML: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let document = try MarkdownParser.parse(markdown)
        #expect(difference(document, allowRawHTML: allowRawHTML) == nil, sourceLocation: sourceLocation)
    }

    /// Every protocol of a project, decorated as its page is, with raw
    /// HTML dropped and allowed; how many were compared.
    static func compareCorpus(_ fileSystem: FileSystem) throws -> Int {
        let plan = try SiteBuilder(fileSystem: fileSystem, today: TestSupport.today).plan()
        let site = try #require(plan.site, "\(plan.diagnostics.map(\.formatted))")
        var differences: [String] = []
        for linked in site.protocols {
            let slug = linked.document.metadata.slug
            let decorated = ClauseDecorator(backLinks: linked.backLinks, slug: slug, root: "../").decorate(linked.document.body)
            for allowRawHTML in [false, true] {
                if let difference = difference(decorated, allowRawHTML: allowRawHTML) {
                    differences.append("\(slug) (raw HTML \(allowRawHTML ? "allowed" : "dropped")): \(difference)")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differ; first: \(differences.prefix(3))")
        return site.protocols.count
    }

    // MARK: Corpora

    @Test func everyExampleProtocol() throws {
        #expect(try Self.compareCorpus(.disk(root: TestSupport.packageRoot.path)) >= 4)
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout"))
    func everySharedCorpusProtocol() throws {
        #expect(try Self.compareCorpus(.disk(root: TestSupport.corpusRoot.path)) >= 5)
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.numberingRoot), "../shared/corpus-numbering is not beside the checkout"))
    func everyNumberingCorpusProtocol() throws {
        #expect(try Self.compareCorpus(.disk(root: TestSupport.numberingRoot.path)) >= 1)
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.versionsRoot), "../shared/corpus-versions is not beside the checkout"))
    func everyVersionsCorpusProtocol() throws {
        #expect(try Self.compareCorpus(.disk(root: TestSupport.versionsRoot.path)) >= 1)
    }

    @Test(.enabled(if: TestSupport.hasShared(ProtocolPageWriterTests.generator), "../shared/tools/gen-corpus.py is not beside the checkout"))
    func everyGeneratedProtocol() throws {
        let generated = try ProtocolPageWriterTests.generatedSite(seed: 11, configured: false)
        defer { try? FileManager.default.removeItem(at: generated.root) }
        #expect(try Self.compareCorpus(generated.fileSystem) >= 150)
    }

    // MARK: Each part of the renderer

    @Test func textWithNonASCIIAndTheFiveCharacters() throws {
        let markdown = "Café & «quotes» — the council's \"rules\" <b>not bold</b> 4 > 3 𝄞 ‘’ “” é\n\n`a < b && c` and **«strong»** _‘em’_ ~~“struck”~~\n"
        try Self.expectSame(markdown)
        let html = HTMLRenderer().render(try MarkdownParser.parse("Café & «x» — it's 4 < 5 > \"3\" 𝄞\n"))
        #expect(html == "<p>Café &amp; «x» — it&#39;s 4 &lt; 5 &gt; &quot;3&quot; 𝄞</p>\n")
        // Text that is not stored as contiguous UTF-8 of its own.
        let bridged = "Fish & «chips» — <é>" as NSString as String
        let document = MarkdownDocument(root: MarkdownNode(.document, children: [MarkdownNode(.paragraph, children: [MarkdownNode(.text(bridged))])]))
        #expect(Self.difference(document, allowRawHTML: false) == nil)
    }

    @Test(arguments: [false, true])
    func rawHTMLDroppedOrFiltered(allowed: Bool) throws {
        let markdown = """
        <div class="x">a block</div>

        Text <b>bold</b> <script>alert(1)</script> <STYLE>x</STYLE> <textarea> </title > <iframe/>

        <script>
        block()
        </script>

        """
        try Self.expectSame(markdown, allowRawHTML: allowed)
        let html = HTMLRenderer(allowRawHTML: allowed).render(try MarkdownParser.parse(markdown))
        #expect(html.contains("<b>bold</b>") == allowed)
        #expect(!html.contains("<script"))
    }

    @Test func tablesWithEveryAlignment() throws {
        try Self.expectSame("| None | Left | Centre | Right |\n|---|:--|:-:|--:|\n| a & b | «é» | `c` | £100 |\n| 1 | 2 | 3 | 4 |\n")
        try Self.expectSame("| Only | A header |\n|:-:|---|\n")
        let html = HTMLRenderer().render(try MarkdownParser.parse("| A | B |\n|:-:|--:|\n| 1 | 2 |\n"))
        #expect(html == "<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n<th scope=\"col\" class=\"align-center\">A</th>\n<th scope=\"col\" class=\"align-right\">B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class=\"align-center\">1</td>\n<td class=\"align-right\">2</td>\n</tr>\n</tbody>\n</table></div>\n")
    }

    @Test(arguments: [
        // Referenced twice, out of order, one unreferenced, one undefined.
        "Members[^b] and the Council[^a], again[^b], and [^missing].\n\n[^a]: The first.\n\n[^b]: The second, \"quoted\" & «é».\n\n[^spare]: Never referred to.\n",
        // A footnote that refers to another, and one that ends in a list or code, not a paragraph.
        "Text[^1] and[^2].\n\n[^1]: See also[^2].\n\n[^2]: A list:\n\n    - one\n    - two\n",
        "Text[^code].\n\n[^code]: Code follows.\n\n    ```\n    x < y\n    ```\n",
        // Labels with characters ids do not keep.
        "Text[^a b&c] and[^é].\n\n[^a b&c]: Odd label.\n\n[^é]: Accented label.\n",
    ])
    func footnotes(markdown: String) throws {
        try Self.expectSame(markdown)
    }

    /// The back links go inside a footnote's last paragraph only when its
    /// text, read as a `String`, ends with the paragraph's end tag: a
    /// character that joins the `<` to it (an Arabic number sign) puts
    /// them in a paragraph of their own, as the `String` renderer did.
    @Test func backLinksAfterAMarkThatJoinsTheEndTag() throws {
        let markdown = "Text[^n].\n\n[^n]: See \u{600}\n"
        try Self.expectSame(markdown)
        let html = HTMLRenderer().render(try MarkdownParser.parse(markdown))
        #expect(html.contains("<p>See \u{600}</p>\n<p> <a href=\"#fnref-n\" class=\"footnote-back\""))
    }

    @Test func codeBlocksWithAndWithoutInfoStrings() throws {
        try Self.expectSame("```python extra words\nif a < b and c & d:\n    print('x')\n```\n\n```\nplain\n```\n\n```c&d\nx\n```\n\n    indented <code>\n\n```\tlang\n```\n\n```a\u{301} b\nx\n```\n")
        let html = HTMLRenderer().render(try MarkdownParser.parse("```python extra\nx < y\n```\n"))
        #expect(html == "<pre><code class=\"language-python\">x &lt; y\n</code></pre>\n")
    }

    @Test func nestedTightLooseAndStartedLists() throws {
        let markdown = """
        1. one
        2. two
           - nested tight
           - nested & tight

        3) started again

        7. seven

           a second paragraph, so loose

        8. eight
           0. zero start
           1. one

        - a
          > quoted
          > item

        - loose b

        * [link](https://example.org/a?b=1&c=2 "title & 'quote'") ![alt «é»](img.png "t") ![x](javascript:alert(1)) [y](JavaScript:x)
        * <https://example.org/café "x">  \\
          line break

        ---

        # One
        ###### Six
        """
        try Self.expectSame(markdown)
        let html = HTMLRenderer().render(try MarkdownParser.parse("3. three\n4. four\n"))
        #expect(html == "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n")
    }

    /// What the decorator and linker add: ids on blocks and on a label's
    /// text, links of protosite's own, and trusted markup.
    @Test func idsSiteLinksAndTrustedHTML() {
        func node(_ kind: MarkdownNode.Kind, _ children: [MarkdownNode] = [], id: String? = nil) -> MarkdownNode {
            MarkdownNode(kind, children: children, id: id)
        }
        let text = { (s: String) in node(.text(s)) }
        let blocks = [
            node(.heading(level: 2), [text("1. Scope "), node(.trustedHTML(" <a class=\"permalink\" href=\"#x\">#</a>"))], id: "scope-&-\"x\""),
            node(.paragraph, [node(.text("(1)"), id: "clause-1-1"), text(" In this code & that")], id: "clause-1"),
            node(.list(ordered: true, start: 2, tight: false), [node(.item, [node(.paragraph, [text("item")])], id: "clause-2")], id: "list"),
            node(.list(ordered: false, start: 0, tight: true), [node(.item, [node(.paragraph, [text("tight")])])], id: "ul"),
            node(.blockQuote, [node(.paragraph, [text("q")])], id: "q"),
            node(.codeBlock(info: "swift", literal: "let a = \"<b>\"\n"), id: "code"),
            node(.table(alignments: [.left]), [node(.tableRow(isHeader: true), [node(.tableCell, [text("h")])])], id: "table"),
            node(.paragraph, [
                node(.siteLink(destination: "../code-of-conduct/#clause-4.8", className: "xref", label: "Code of Conduct, clause 4.8"), [text("4.8")]),
                text(" and "),
                node(.siteLink(destination: "../fees/a b.html", className: "doc-link", label: nil), [text("fees «£»")]),
            ]),
            node(.trustedHTML("<p class=\"referred-to\">Referred to in <a class=\"backlink\" href=\"#clause-2\">2</a></p>\n")),
            node(.thematicBreak),
        ]
        let document = MarkdownDocument(root: node(.document, blocks))
        for allowRawHTML in [false, true] {
            #expect(Self.difference(document, allowRawHTML: allowRawHTML) == nil)
        }
    }

    @Test func anEmptyDocumentIsEmpty() throws {
        #expect(HTMLRenderer().renderBytes(try MarkdownParser.parse("")).isEmpty)
        try Self.expectSame("")
    }
}
