import Foundation
import Testing
@testable import ProtositeCore

/// `ProtocolPageWriter` writes the built-in theme's protocol page without
/// Mustache; the templates stay the definition of that page. Every
/// protocol of every corpus at hand is rendered both ways from the same
/// values, and the bytes must be the same: a change to
/// `templates/protocol.mustache` or `templates/layout.mustache` that the
/// writer does not follow fails here.
@Suite("The protocol page without Mustache")
struct ProtocolPageWriterTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 23)!

    /// How many protocol pages were compared, and what differed.
    struct Comparison {
        var pages = 0
        var differences: [String] = []
    }

    /// Builds the site, then renders each protocol's page from the
    /// built-in templates by Mustache and by the writer. Also holds the
    /// built site's page (whichever way it was made) to Mustache's.
    static func compare(_ fileSystem: FileSystem, today: CalendarDay = ProtocolPageWriterTests.today) throws -> Comparison {
        let plan = try SiteBuilder(fileSystem: fileSystem, today: today).plan()
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        let site = try #require(plan.site)
        var diagnostics: [Diagnostic] = []
        let theme = Theme(overrides: [:], diagnostics: &diagnostics)
        let versionFiles = try fileSystem.list("versions").map { SourceFile(path: $0, bytes: []) }
        let renderer = SiteRenderer(config: plan.config, theme: theme, today: today, versionDates: VersionSources.dates(versionFiles))
        var comparison = Comparison()
        for linked in site.protocols {
            let context = renderer.protocolPageContext(linked)
            let path = linked.document.metadata.slug + "/index.html"
            let byMustache = Array(theme.page(context, template: "protocol").utf8)
            let byWriter = ProtocolPageWriter.write(context)
            comparison.pages += 1
            if byWriter != byMustache { comparison.differences.append(path + ": " + firstDifference(byWriter, byMustache)) }
            if let built = plan.outputs.first(where: { $0.path == path }), built.bytes != byMustache {
                comparison.differences.append(path + " as built: " + firstDifference(built.bytes, byMustache))
            }
        }
        return comparison
    }

    /// The line where two pages part, each way, for the failure message.
    static func firstDifference(_ written: [UInt8], _ expected: [UInt8], names: (String, String) = ("writer", "Mustache")) -> String {
        let a = String(decoding: written, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let show = { (lines: [Substring]) in line < lines.count ? String(lines[line].prefix(300)) : "(end of page)" }
        return "line \(line + 1): \(names.0) \(show(a).debugDescription), \(names.1) \(show(b).debugDescription)"
    }

    static func expectSame(_ comparison: Comparison, atLeast pages: Int) {
        #expect(comparison.pages >= pages, "only \(comparison.pages) protocol pages compared")
        #expect(comparison.differences.isEmpty, "\(comparison.differences.count) pages differ; first: \(comparison.differences.prefix(3))")
    }

    /// A file system that is `base` with some files added or replaced.
    static func overlay(_ base: FileSystem, _ files: [String: String]) -> FileSystem {
        let extra = files.mapValues { Array($0.utf8) }
        return FileSystem(
            read: { path in
                if let bytes = extra[path] { return bytes }
                return try base.read(path)
            },
            list: { folder in
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                return try Set(base.list(folder) + extra.keys.filter { $0.hasPrefix(prefix) }).sorted()
            })
    }

    // MARK: Corpora

    @Test func everyExampleProtocolIsTheSameByWriterAndByMustache() throws {
        let comparison = try Self.compare(.disk(root: TestSupport.packageRoot.path))
        Self.expectSame(comparison, atLeast: 4)
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout"))
    func everySharedCorpusProtocolIsTheSameByWriterAndByMustache() throws {
        Self.expectSame(try Self.compare(.disk(root: TestSupport.corpusRoot.path)), atLeast: 5)
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.numberingRoot), "../shared/corpus-numbering is not beside the checkout"))
    func everyNumberingCorpusProtocolIsTheSameByWriterAndByMustache() throws {
        Self.expectSame(try Self.compare(.disk(root: TestSupport.numberingRoot.path)), atLeast: 1)
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.versionsRoot), "../shared/corpus-versions is not beside the checkout"))
    func everyVersionsCorpusProtocolWithItsVersionLinksIsTheSameByWriterAndByMustache() throws {
        let comparison = try Self.compare(.disk(root: TestSupport.versionsRoot.path), today: VersionsCorpusTests.today)
        Self.expectSame(comparison, atLeast: 1)
    }

    static let generator = TestSupport.shared.appendingPathComponent("tools/gen-corpus.py")

    /// 150 protocols from `../shared/tools/gen-corpus.py` (overdue, due
    /// soon and current reviews, histories, aliases, numbered and
    /// unnumbered headings), built without a configuration and with one
    /// that sets a base URL and a council.
    @Test(.enabled(if: TestSupport.hasShared(generator), "../shared/tools/gen-corpus.py is not beside the checkout"),
          arguments: [false, true])
    func everyGeneratedProtocolIsTheSameByWriterAndByMustache(withBaseURL: Bool) throws {
        let generated = try Self.generatedSite(seed: 7, configured: withBaseURL)
        defer { try? FileManager.default.removeItem(at: generated.root) }
        Self.expectSame(try Self.compare(generated.fileSystem), atLeast: 150)
    }

    /// 150 protocols from the generator in a temporary folder, for the
    /// caller to remove; `configured`, with a configuration that sets a
    /// base URL, a council and text to escape.
    static func generatedSite(seed: Int, configured: Bool) throws -> (root: URL, fileSystem: FileSystem) {
        let root = try TestSupport.temporaryFolder()
        let made = try TestSupport.run(["python3", generator.path, "150", root.appendingPathComponent("content").path, "--seed", String(seed)],
                                       executable: URL(fileURLWithPath: "/usr/bin/env"))
        try #require(made.status == 0, "\(made.stderr)")
        let fileSystem = FileSystem.disk(root: root.path)
        guard configured else { return (root, fileSystem) }
        return (root, overlay(fileSystem, ["protosite.yml": "title: \"Generated <Councils> & Co's Protocols\"\ncouncil: Generated \"Councils\"\nbase_url: https://example.org/policies/\nreview_warning_days: 90\n"]))
    }

    // MARK: The page's cases, one project each

    static let body = """
    An opening paragraph with "quotes", <angles> & an apostrophe's worth.

    ## 1. Scope

    1.1 This applies to everyone named in clause 2.1.

    ## 2. Duties & Powers

    2.1 The clerk keeps the records.

    ### Notes

    Unnumbered notes.

    """

    /// Every combination that changes the page: status, review state,
    /// the optional fields, the contents list with no, one or many
    /// headings, the history table, earlier versions, text to escape.
    static func project(config: String?) -> [String: String] {
        var files: [String: String] = [:]
        if let config { files["protosite.yml"] = config }
        let reviews = ["2025-01", "2026-12", "2028-06", nil]  // overdue, due soon, current, none (against 2026-11-23)
        let statuses = ["adopted", "draft", "superseded", "withdrawn"]
        let bodies = [body, "Only a paragraph, no heading.\n", "## 1. The one heading\n\n1.1 A clause.\n", body]
        var number = 0
        for (s, status) in statuses.enumerated() {
            for (r, review) in reviews.enumerated() {
                number += 1
                var lines = ["title: \"Protocol \(number): \(status) <\(r)> & 'quoted' \\\"x\\\"\""]
                if (s + r) % 2 == 0 { lines.append("council: Little Snoring & Thornby Parish Council") }
                if r != 1 { lines.append("adopted: 2019-0\(r + 1)-1\(s)") }
                if (s + r) % 3 != 1 { lines.append("reviewed: 2023-04-0\(r + 1)") }
                if let review { lines.append("review: \(review)") }
                if r % 2 == 0 { lines.append("version: \"\(s).\(r) <b>\"") }
                if (s + r) % 2 == 1 { lines.append("summary: What protocol \(number) is for, in \"one\" line & a <tag>.") }
                lines.append("status: \(status)")
                if r == 2 {
                    lines.append("history:")
                    lines.append("  - {date: 2019-03-1\(s), version: 1, change: \"Adopted <first> & \\\"kept\\\"\", review: 2021-03}")
                    lines.append("  - {version: 2, change: A change with no date}")
                    lines.append("  - {date: 2021-04-0\(r), change: Reviewed without a version or next review}")
                }
                files["content/protocol-\(number).md"] = "---\n" + lines.joined(separator: "\n") + "\n---\n\n" + bodies[(s + r) % bodies.count]
            }
        }
        // Earlier versions, so the page links to them and to what changed.
        files["versions/protocol-1/2018-05-01.md"] = "---\ntitle: Protocol 1\nadopted: 2018-05-01\n---\n\n## 1. Scope\n\n1.1 The old text.\n"
        files["versions/protocol-1/2018-11-20.md"] = "---\ntitle: Protocol 1\nadopted: 2018-11-20\n---\n\n## 1. Scope\n\n1.1 A newer old text.\n"
        return files
    }

    @Test(arguments: [
        "title: Little Snoring & District's \"Protocols\"\ncouncil: Little Snoring <Parish> Council\nbase_url: https://example.org/policies/\nlanguage: en-GB\nreview_warning_days: 45\n",
        "title: Plain Protocols\n",
        nil,
    ])
    func everyStatusReviewStateAndOptionalFieldIsTheSameByWriterAndByMustache(config: String?) throws {
        let comparison = try Self.compare(.memory(Self.project(config: config)))
        Self.expectSame(comparison, atLeast: 16)
    }

    @Test func theProjectCoversEveryCaseThePageHas() throws {
        let plan = try SiteBuilder(fileSystem: .memory(Self.project(config: "title: T\nbase_url: https://example.org/\n")), today: Self.today).plan()
        let pages = plan.outputs.filter { $0.path.hasPrefix("protocol-") && $0.path.hasSuffix("/index.html") && !$0.path.contains("/versions/") && !$0.path.contains("/changes/") }
            .map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(pages.count == 16)
        for needle in ["status-panel-overdue", "status-panel-due-soon", "status-panel-current", "status-panel-none",
                       "status-adopted", "status-draft", "status-superseded", "status-withdrawn",
                       "<p class=\"status-warning\">", "<dt>Was adopted</dt>", "<dt>Adopted</dt>", "<dt>Last reviewed</dt>",
                       "<dt>Council</dt>", "<dt>Version</dt>", "<p class=\"summary\">", "class=\"version-links\"",
                       "<nav class=\"toc\"", "<span class=\"toc-number\">", "class=\"history\"", "<td></td><td>2</td>",
                       "&amp;", "&lt;", "&gt;", "&quot;", "&#39;"] {
            #expect(pages.contains { $0.contains(needle) }, "no page has \(needle)")
        }
        // One heading: no contents list; none: none either.
        #expect(pages.contains { !$0.contains("<nav class=\"toc\"") && $0.contains("The one heading") })
    }

    /// Every printable ASCII character and some beyond, as the inside of a
    /// double-quoted YAML string.
    static let everyCharacter = String((32..<127).map { Character(Unicode.Scalar(UInt8($0))) })
        .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + " é — ‘’ “” 𝄞"

    @Test func escapingIsTheTemplatesEscapingForEveryASCIICharacterAndBeyond() throws {
        // In a title and the site's name.
        let title = Self.everyCharacter
        let files = [
            "protosite.yml": "title: \"\(title)\"\nbase_url: https://example.org/\n",
            "content/a.md": "---\ntitle: \"\(title)\"\nsummary: \"\(title)\"\nreview: 2027-01\n---\n\n## 1. Fish & chips, \"quoted\" and 'single' <i>x</i> é\n\n## 2. Two\n",
        ]
        Self.expectSame(try Self.compare(.memory(files)), atLeast: 1)
    }

    // MARK: The clerk's own templates

    @Test func aProjectsOwnProtocolTemplateStillMakesThePage() throws {
        let own = try #require(ProtositeThemeFiles.text("protocol.mustache")).replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1 class=\"clerks-own\">{{title}}</h1>")
        let plan = try TestSupport.plan(["content/a.md": TestSupport.protocolFile(), "templates/protocol.mustache": own])
        let page = TestSupport.text(plan, "a/index.html") ?? ""
        #expect(page.contains("<h1 class=\"clerks-own\">Test Protocol</h1>"))
    }

    @Test func aProjectsOwnLayoutStillMakesTheProtocolPage() throws {
        let own = try #require(ProtositeThemeFiles.text("layout.mustache")).replacingOccurrences(of: "<body>", with: "<body class=\"clerks-own\">")
        let plan = try TestSupport.plan(["content/a.md": TestSupport.protocolFile(), "templates/layout.mustache": own])
        let page = TestSupport.text(plan, "a/index.html") ?? ""
        #expect(page.contains("<body class=\"clerks-own\">"))
        #expect(page.contains("<h1>Test Protocol</h1>"))
    }

    @Test func onlyTheTwoTemplatesReplacedTurnTheWriterOff() throws {
        func writes(_ overrides: [String: String]) -> Bool {
            var diagnostics: [Diagnostic] = []
            let files = overrides.mapValues { SourceFile(path: "templates/x", text: $0) }
            return Theme(overrides: files, diagnostics: &diagnostics).writes("protocol")
        }
        let protocolText = try #require(ProtositeThemeFiles.text("protocol.mustache"))
        let layoutText = try #require(ProtositeThemeFiles.text("layout.mustache"))
        #expect(writes([:]))
        // A copy of the built-in file, byte for byte, replaces nothing (the
        // example project keeps one of each).
        #expect(writes(["protocol.mustache": protocolText, "layout.mustache": layoutText]))
        #expect(writes(["index.mustache": "{{<layout}}{{/layout}}"]))
        #expect(!writes(["protocol.mustache": protocolText + " "]))
        #expect(!writes(["layout.mustache": layoutText.replacingOccurrences(of: "\n", with: "\r\n")]))
    }
}

/// The built-in templates' text, as the theme embeds it.
enum ProtositeThemeFiles {
    static func text(_ name: String) -> String? {
        try? String(contentsOf: TestSupport.packageRoot.appendingPathComponent("templates").appendingPathComponent(name), encoding: .utf8)
    }
}
