import Foundation
import Testing
@testable import ProtositeCore

/// Security review #16, item 5: text from content files reaches the
/// terminal in diagnostics; its control characters are shown escaped, so
/// a file cannot send escape sequences to the clerk's terminal.
@Suite("Terminal escapes")
struct TerminalEscapeTests {
    /// Escape sequences as a YAML double-quoted string writes them (`\e` is
    /// ESC, `\a` BEL): retitle the window, clear the screen, print in green.
    static let escape = "\\e]0;owned\\a\\e[2J\\e[1;32mbuilt 5 protocols"

    @Test func anUnknownKeyWithEscapeSequencesIsShownEscaped() throws {
        let key = "\"x\(Self.escape)\""
        let plan = try TestSupport.plan(["content/p.md": TestSupport.protocolFile("title: T\ncouncil: C\nreview: 2027-06\n\(key): 1", body: "Text.\n")])
        let warning = try #require(plan.diagnostics.first { $0.message.contains("unknown") })
        #expect(!warning.formatted.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(warning.formatted.contains("\\u{1B}]0;owned\\u{7}"), "\(warning.formatted)")
    }

    @Test func aStatusValueAndADroppedHTMLSnippetAreShownEscaped() throws {
        let plan = try TestSupport.plan([
            "content/p.md": TestSupport.protocolFile("title: T\ncouncil: C\nreview: 2027-06\nstatus: \"adopted\(Self.escape)\"", body: "Text.\n"),
            "content/q.md": TestSupport.protocolFile("title: Q\ncouncil: C\nreview: 2027-06", body: "Text <b title=\"\u{1B}[31m\">x</b>.\n"),
        ])
        #expect(Set(plan.diagnostics.map(\.path)) == ["content/p.md", "content/q.md"], "\(plan.diagnostics.map(\.formatted))")
        for diagnostic in plan.diagnostics {
            #expect(!diagnostic.formatted.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(diagnostic.formatted.debugDescription)")
        }
    }

    @Test func theCommandLineWritesNoEscapeByteToTheTerminal() throws {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write(["content/p.md": Array(TestSupport.protocolFile("title: T\ncouncil: C\nreview: 2027-06\n\"k\(Self.escape)\": 1", body: "Text.\n").utf8)], under: root)
        let run = try TestSupport.run(["check", "--root", root.path])
        #expect(run.stderr.contains("unknown front-matter key"))
        #expect(!run.stderr.contains("\u{1B}"))
    }

    @Test func lineBreaksAndBidirectionalOverridesAreEscapedToo() {
        #expect(TerminalSafe.text("a\nb\u{202E}c\u{9B}") == "a\\nb\\u{202E}c\\u{9B}")
        #expect(TerminalSafe.text("Café – 4.8") == "Café – 4.8")
    }
}
