import Foundation
import Testing
@testable import ProtositeMarkdown

@Suite("cmark-gfm parsing into Swift values")
struct MarkdownParserTests {
    func html(_ markdown: String, raw: Bool = false) -> String {
        HTMLRenderer(allowRawHTML: raw).render(try! MarkdownParser.parse(markdown))
    }

    /// A large site holds every tree from parse to page: a field added to
    /// every node, or a kind carrying two strings unboxed, costs memory in
    /// proportion to the site (a node was 96 bytes before it was 56).
    @Test func aNodeStaysSmall() {
        #expect(MemoryLayout<MarkdownNode>.stride <= 56)
    }

    @Test func positionsSurviveTheirSmallerStorage() throws {
        let document = try MarkdownParser.parse(String(repeating: "\n", count: 70_000) + "   text")
        let paragraph = try #require(document.blocks.first)
        #expect(paragraph.line == 70_001)
        #expect(paragraph.column == 4)
    }

    @Test func tablesKeepTheirAlignmentAndHeader() {
        let out = html("| Item | Limit |\n|:--|--:|\n| Petty cash | £100 |\n")
        #expect(out.contains("<table>"))
        #expect(out.contains("<th scope=\"col\" class=\"align-left\">Item</th>"))
        #expect(out.contains("<td class=\"align-right\">£100</td>"))
        #expect(out.contains("<thead>") && out.contains("<tbody>"))
    }

    @Test func footnotesLinkBothWaysWithTheAuthorsLabels() {
        let out = html("Members[^1] and the Council[^4].\n\n[^1]: Elected or co-opted.\n\n[^4]: See paragraph 5.\n")
        #expect(out.contains("<a href=\"#fn-1\" id=\"fnref-1\""))
        #expect(out.contains("<a href=\"#fn-4\" id=\"fnref-4\""))
        #expect(out.contains("<li id=\"fn-4\">"))
        #expect(out.contains("href=\"#fnref-4\" class=\"footnote-back\""))
        // Numbered in reading order, whatever the labels.
        #expect(out.contains("aria-label=\"Footnote 2\">2</a>"))
    }

    @Test func strikethroughAndAutolinks() {
        let out = html("~~old~~ see https://example.org/policies now")
        #expect(out.contains("<del>old</del>"))
        #expect(out.contains("<a href=\"https://example.org/policies\">https://example.org/policies</a>"))
    }

    @Test("One tilde strikes as two do, as GitHub writes it",
          arguments: [("~struck~", "<del>struck</del>"),
                      ("~~struck~~", "<del>struck</del>"),
                      ("the ~old~ new fee", "the <del>old</del> new fee"),
                      ("x~y~z", "x<del>y</del>z")])
    func strikethroughWithOneTilde(markdown: String, expected: String) {
        #expect(html(markdown).contains(expected), "\(html(markdown))")
    }

    @Test("A tilde in ordinary text stays, every character of it",
          arguments: ["~5 metres", "approx ~ 10", "from ~5 metres to ~10 metres", "~ a ~", "a ~~~b~~~ c", "10~ and ~20"])
    func ordinaryTildesStayText(markdown: String) {
        let out = html(markdown)
        #expect(!out.contains("<del>"), "\(out)")
        #expect(out == "<p>\(markdown)</p>\n", "\(out)")
    }

    @Test("Links that would run script are not emitted as links",
          arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4="])
    func dangerousLinks(url: String) {
        let out = html("[click](<\(url)>)")
        #expect(!out.contains("<a "))
        #expect(out.contains("click"))
    }

    @Test func rawHTMLIsDroppedInSafeModeAndFilteredWhenAllowed() {
        let markdown = "<div class=\"x\">kept?</div>\n\nText <b>bold</b> <script>alert(1)</script>\n"
        let safe = html(markdown)
        #expect(!safe.contains("<div"))
        #expect(!safe.contains("<b>"))
        #expect(!safe.contains("<script"))
        let unsafe = html(markdown, raw: true)
        #expect(unsafe.contains("<div class=\"x\">"))
        #expect(unsafe.contains("<b>bold</b>"))
        #expect(unsafe.contains("&lt;script>"))
    }

    @Test func textIsEscaped() {
        let out = html("A & B < C > \"D\"")
        #expect(out.contains("A &amp; B &lt; C &gt; &quot;D&quot;"))
    }

    @Test func sourcePositionsAreKept() {
        let document = try! MarkdownParser.parse("# Title\n\nFirst para.\n\n- item\n")
        #expect(document.blocks.map(\.line) == [1, 3, 5])
    }

    /// cmark-gfm edits a process-wide table during each parse; without the
    /// lock, parallel parses lose strikethrough and other inlines.
    @Test func concurrentParsesGiveTheSameOutputAsSerialOnes() async {
        let documents = (0..<300).map { i in
            "# Doc \(i)\n\n~~gone \(i)~~ and **bold** and `code` and [link](x\(i).md) and https://e.org/\(i)\n\n| a | b |\n|---|---|\n| \(i) | ~~x~~ |\n\nNote[^n].\n\n[^n]: Footnote \(i).\n"
        }
        let serial = documents.map { html($0) }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (index, text) in documents.enumerated() {
                group.addTask { (index, HTMLRenderer().render(try! MarkdownParser.parse(text))) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, out) in group { results[index] = out }
            return results
        }
        #expect(parallel == serial)
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("<table>") && $0.contains("footnote-ref") })
    }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test func theFiveCharactersAreEscapedAndEverythingElseKeptByteForByte() {
        #expect(HTMLEscaping.escape("The council's \"rules\" & <b>café</b> — 4.8") == "The council&#39;s &quot;rules&quot; &amp; &lt;b&gt;café&lt;/b&gt; — 4.8")
        #expect(HTMLEscaping.escape("nothing to do: é ✓") == "nothing to do: é ✓")
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("''") == "&#39;&#39;")
        // Escapes at either end, between runs, and in a string without contiguous UTF-8 of its own.
        #expect(HTMLEscaping.escape("<a&b>") == "&lt;a&amp;b&gt;")
        #expect(HTMLEscaping.escape("x".padding(toLength: 40, withPad: "é&", startingAt: 0)) == "x" + String(repeating: "é&amp;", count: 19) + "é")
        let bridged = "Fish & Chips" as NSString as String
        #expect(HTMLEscaping.escape(bridged) == "Fish &amp; Chips")
    }
}
