import Testing
@testable import ProtositeCore
import ProtositeMarkdown

/// What `ClauseDecorator` adds to a protocol's tree, as the page shows it:
/// the clause number as its own link, permalinks, and the places that
/// refer to a clause, each with text to escape.
@Suite("Clause links, permalinks and back links")
struct ClauseDecoratorTests {
    static func html(_ blocks: [MarkdownNode], backLinks: [String: [BackLink]] = [:]) -> String {
        let document = MarkdownDocument(root: MarkdownNode(.document, children: blocks))
        return HTMLRenderer().render(ClauseDecorator(backLinks: backLinks, slug: "this", root: "../").decorate(document))
    }

    static func text(_ text: String, id: String? = nil) -> MarkdownNode {
        MarkdownNode(.text(text), id: id)
    }

    @Test func aClauseNumberBecomesItsLink() {
        #expect(Self.html([MarkdownNode(.paragraph, children: [Self.text("2.1 The clerk & the chair")], id: "clause-2.1")])
            == "<p id=\"clause-2.1\"><a class=\"clause-number\" href=\"#clause-2.1\">2.1</a> The clerk &amp; the chair</p>\n")
        // Bold, and a sub-clause's label, which says how deep it stands.
        #expect(Self.html([MarkdownNode(.paragraph, children: [MarkdownNode(.strong, children: [Self.text("4.")]), Self.text(" Text")], id: "clause-4")])
            == "<p id=\"clause-4\"><strong><a class=\"clause-number\" href=\"#clause-4\">4.</a></strong> Text</p>\n")
        let item = MarkdownNode(.item, children: [MarkdownNode(.paragraph, children: [Self.text("(ii) a thing")])], id: "clause-1-j-ii")
        #expect(Self.html([MarkdownNode(.list(ordered: false, start: 0, tight: true), children: [item])])
            == "<ul>\n<li id=\"clause-1-j-ii\"><a class=\"clause-number sub-2\" href=\"#clause-1-j-ii\">(ii)</a> a thing</li>\n</ul>\n")
    }

    @Test func aLabelThatIsItsOwnAnchorIsTheLink() {
        #expect(Self.html([MarkdownNode(.paragraph, children: [Self.text("(1)", id: "clause-1-1"), Self.text(" In this code")])])
            == "<p><a class=\"clause-number\" id=\"clause-1-1\" href=\"#clause-1-1\">(1)</a> In this code</p>\n")
    }

    @Test func permalinksWhereTheTextDoesNotStartWithTheNumber() {
        #expect(Self.html([MarkdownNode(.paragraph, children: [Self.text("Three councillors")], id: "clause-3")])
            == "<p id=\"clause-3\"><a class=\"permalink\" href=\"#clause-3\" aria-label=\"Clause 3\">¶</a> Three councillors</p>\n")
        #expect(Self.html([MarkdownNode(.heading(level: 2), children: [Self.text("Press & media")], id: "press-&-media")])
            == "<h2 id=\"press-&amp;-media\">Press &amp; media <a class=\"permalink\" href=\"#press-&amp;-media\" aria-label=\"Link to this section\">#</a></h2>\n")
    }

    /// Places in this protocol first, then other protocols' with their
    /// titles, each once; a preamble is linked by its page.
    @Test func backLinksInReadingOrderEachOnce() {
        let references = [
            BackLink(fromSlug: "other <x>", fromTitle: "Fish & \"Chips\"", fromLabel: "Press & media", fromAnchor: "press-media"),
            BackLink(fromSlug: "this", fromTitle: "This", fromLabel: "1.1", fromAnchor: "clause-1.1"),
            BackLink(fromSlug: "third", fromTitle: "The Clerk's Protocol", fromLabel: "The Clerk's Protocol", fromAnchor: nil),
            BackLink(fromSlug: "this", fromTitle: "This", fromLabel: "1.1", fromAnchor: "clause-1.1"),
            BackLink(fromSlug: "third", fromTitle: "The Clerk's Protocol", fromLabel: "2(a)", fromAnchor: "clause-2-a"),
            BackLink(fromSlug: "this", fromTitle: "This", fromLabel: "This", fromAnchor: nil),
        ]
        let referredTo = "<p class=\"referred-to\">Referred to in <a class=\"backlink\" href=\"#clause-1.1\">1.1</a>, <a class=\"backlink\" href=\"#\">This</a>; "
            + "<a class=\"backlink\" href=\"../other%20%3Cx%3E/#press-media\">Fish &amp; &quot;Chips&quot;: Press &amp; media</a>, "
            + "<a class=\"backlink\" href=\"../third/\">The Clerk&#39;s Protocol</a>, "
            + "<a class=\"backlink\" href=\"../third/#clause-2-a\">The Clerk&#39;s Protocol 2(a)</a></p>\n"
        #expect(Self.html([MarkdownNode(.paragraph, children: [Self.text("5.1 Text")], id: "clause-5.1")], backLinks: ["clause-5.1": references])
            == "<p id=\"clause-5.1\"><a class=\"clause-number\" href=\"#clause-5.1\">5.1</a> Text</p>\n" + referredTo)
        // Inside a list item, at its end.
        let item = MarkdownNode(.item, children: [MarkdownNode(.paragraph, children: [Self.text("5.1 Text")])], id: "clause-5.1")
        #expect(Self.html([MarkdownNode(.list(ordered: false, start: 0, tight: false), children: [item])], backLinks: ["clause-5.1": references])
            == "<ul>\n<li id=\"clause-5.1\">\n<p><a class=\"clause-number\" href=\"#clause-5.1\">5.1</a> Text</p>\n" + referredTo + "</li>\n</ul>\n")
        // Only other protocols'.
        #expect(Self.html([MarkdownNode(.paragraph, children: [Self.text("5.1 Text")], id: "clause-5.1")], backLinks: ["clause-5.1": [references[0]]])
            .hasSuffix("<p class=\"referred-to\">Referred to in <a class=\"backlink\" href=\"../other%20%3Cx%3E/#press-media\">Fish &amp; &quot;Chips&quot;: Press &amp; media</a></p>\n"))
    }
}
