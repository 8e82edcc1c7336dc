import Foundation
import Testing
@testable import ProtositeCore

/// Bad input gets a diagnostic at the right line and column.
@Suite("Front matter and file errors")
struct FrontMatterErrorTests {
    func diagnostics(_ text: String) throws -> [Diagnostic] {
        try TestSupport.plan(["content/p.md": text]).diagnostics
    }

    func onlyError(_ text: String) throws -> Diagnostic {
        let errors = try diagnostics(text).filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        return try #require(errors.first)
    }

    @Test func noFrontMatter() throws {
        let error = try onlyError("# Just a heading\n\nText.\n")
        #expect((error.path, error.line, error.column) == ("content/p.md", 1, 1))
        #expect(error.message.contains("no front matter"))
    }

    @Test func unclosedFrontMatter() throws {
        let error = try onlyError("---\ntitle: X\n\nText.\n")
        #expect(error.line == 1)
        #expect(error.message.contains("never closed"))
    }

    @Test func noTitle() throws {
        let error = try onlyError("---\ncouncil: Example Parish Council\nstatus: adopted\n---\nText.\n")
        #expect(error.message.contains("no title"))
        #expect(error.line == 1)
    }

    @Test func emptyTitleIsReportedAtItsLine() throws {
        let error = try onlyError("---\ncouncil: Example Parish Council\ntitle: \"  \"\n---\nText.\n")
        #expect(error.line == 3)
    }

    @Test func malformedYAML() throws {
        let error = try onlyError("---\ntitle: Code of Conduct\nsummary: [unclosed\ncouncil: X\n---\nText.\n")
        #expect(error.message.contains("not valid YAML"))
        #expect(error.line >= 3 && error.line <= 5)
        #expect(error.column >= 1)
    }

    @Test func badIndentationIsAtItsLine() throws {
        let error = try onlyError("---\ntitle: Code\n  council: X\n---\nText.\n")
        #expect(error.line == 3)
    }

    @Test func notUTF8() throws {
        var bytes = Array("---\ntitle: Caf".utf8)
        bytes.append(0xE9) // Latin-1 é
        bytes += Array("\ncouncil: X\n---\nText.\n".utf8)
        let plan = try TestSupport.plan(bytes: ["content/p.md": bytes])
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect((error.line, error.column) == (2, 11))
        #expect(error.message.contains("not valid UTF-8"))
        #expect(plan.outputs.isEmpty)
    }

    @Test func valueOfTheWrongType() throws {
        let error = try onlyError("---\ntitle: Code of Conduct\ncouncil: Example\ntags:\n  nested: map\n---\nText.\n")
        #expect(error.message.contains("'tags' must be a list"))
        #expect(error.line == 5)
        #expect(error.column == 3)
    }

    @Test func titleThatIsAList() throws {
        let error = try onlyError("---\ncouncil: Example\ntitle: [a, b]\n---\nText.\n")
        #expect(error.message.contains("'title' must be text"))
        #expect((error.line, error.column) == (3, 8))
    }

    @Test func impossibleDateIsAnErrorAtItsLine() throws {
        let error = try onlyError("---\ntitle: X\ncouncil: Y\nadopted: 31/02/2024\n---\nText.\n")
        #expect((error.line, error.column) == (4, 10))
        #expect(error.message.contains("not a real date"))
    }

    @Test func historyDateErrorIsAtTheRow() throws {
        let error = try onlyError("---\ntitle: X\ncouncil: Y\nhistory:\n  - {date: 2024-09-09, version: 1}\n  - {date: 2025-13-01, version: 2}\n---\nText.\n")
        #expect(error.line == 6)
        #expect(error.message.contains("history[1].date"))
    }

    @Test func unknownKeyIsAWarningNamingTheNearestKey() throws {
        let all = try diagnostics("---\ntitle: X\ncouncil: Y\nreveiw: 2027-01\n---\nText.\n")
        let warning = try #require(all.first { $0.message.contains("reveiw") })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("did you mean 'review'"))
        #expect((warning.line, warning.column) == (4, 1))
    }

    @Test func badStatusNamesTheChoices() throws {
        let error = try onlyError("---\ntitle: X\ncouncil: Y\nstatus: adoptd\n---\nText.\n")
        #expect(error.message.contains("did you mean 'adopted'"))
        #expect(error.line == 4)
    }

    @Test func duplicateClauseIsAWarningAtTheSecondNeverAReasonToPublishNothing() throws {
        let all = try diagnostics(TestSupport.protocolFile(body: "\n## 1. Intro\n\n1.1 First.\n\n1.1 Again.\n"))
        let warning = try #require(all.first)
        #expect(all.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("clause 1.1 is numbered twice"))
        #expect((warning.line, warning.column) == (11, 1))
    }

    @Test func missingCouncilIsAWarning() throws {
        let all = try diagnostics("---\ntitle: X\nreview: 2027-06\n---\nText.\n")
        #expect(all.count == 1)
        #expect(all.first?.severity == .warning)
    }

    @Test func unknownConfigKey() throws {
        let plan = try TestSupport.plan(["protosite.yml": "title: T\ncouncel: Example\n", "content/p.md": TestSupport.protocolFile()])
        let warning = try #require(plan.diagnostics.first { $0.path == "protosite.yml" })
        #expect(warning.message.contains("did you mean 'council'"))
        #expect((warning.line, warning.column) == (2, 1))
    }

    @Test func twoFilesOneSlug() throws {
        let plan = try TestSupport.plan([
            "content/a.md": TestSupport.protocolFile("title: A\ncouncil: C\nslug: same"),
            "content/b.md": TestSupport.protocolFile("title: B\ncouncil: C\nslug: same"),
        ])
        #expect(plan.diagnostics.contains { $0.severity == .error && $0.message.contains("already used by content/a.md") })
    }

    @Test("Slugs that would leave the site or take its own folders are refused",
          arguments: ["../etc", "/abs", "a//b", "Upper", "assets", "search/x", "caf\u{E9}"])
    func unsafeSlugs(slug: String) throws {
        let plan = try TestSupport.plan(["content/a.md": TestSupport.protocolFile("title: A\ncouncil: C\nslug: \"\(slug)\"")])
        #expect(plan.diagnostics.contains { $0.severity == .error && $0.message.contains("slug") })
        #expect(plan.outputs.isEmpty)
    }
}

@Suite("Safe mode")
struct SafeModeTests {
    @Test func rawHTMLIsDroppedWithAWarningAtItsPlace() throws {
        let plan = try TestSupport.plan(["content/p.md": TestSupport.protocolFile(body: "Text <span onclick=\"x()\">here</span>.\n\n<div>block</div>\n\n<!-- a note -->\n")])
        let warnings = plan.diagnostics.filter { $0.message.contains("raw HTML") }
        #expect(warnings.map { "\($0.line):\($0.column)" } == ["6:6", "6:30", "8:1"])
        let page = try #require(TestSupport.text(plan, "p/index.html"))
        #expect(!page.contains("onclick"))
        #expect(!page.contains("<div>block"))
    }

    @Test func unsafeHTMLPassesItThroughFiltered() throws {
        let plan = try TestSupport.plan([
            "protosite.yml": "unsafe_html: true\n",
            "content/p.md": TestSupport.protocolFile(body: "<div class=\"note\">block</div>\n\n<script>alert(1)</script>\n"),
        ])
        #expect(!plan.diagnostics.contains { $0.message.contains("raw HTML") })
        let page = try #require(TestSupport.text(plan, "p/index.html"))
        #expect(page.contains("<div class=\"note\">block</div>"))
        #expect(!page.contains("<script>alert"))
    }
}
