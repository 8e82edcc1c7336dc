import Foundation
import ProtositeImport
import Testing
@testable import ProtositeCore

/// SPEC §3 "What `import` promises" on ../shared/corpus-numbering: the
/// PDF export of a Standing Orders imports to the structure of the
/// hand-written Markdown beside it, and builds.
@Suite("Importing a numbered PDF export")
struct ImportNumberingTests {
    static let fixture = TestSupport.shared.appendingPathComponent("corpus-numbering")
    static let raw = fixture.appendingPathComponent("raw/standing-orders.txt")
    static let handWritten = fixture.appendingPathComponent("content/standing-orders.md")
    static let present = FileManager.default.fileExists(atPath: raw.path) && FileManager.default.fileExists(atPath: handWritten.path)

    static func imported() throws -> ImportResult {
        try Importer.importFile(at: raw.path)
    }

    @Test(.enabled(if: present, "needs ../shared/corpus-numbering beside the checkout"))
    func frontMatterComesFromWhatTheDocumentSays() throws {
        let markdown = try Self.imported().markdown
        let front = ImportTestSupport.frontMatter(markdown)
        #expect(front["title"] == "Standing Orders")
        #expect(front["council"] == "Brookfield Parish Council")
        #expect(front["adopted"] == "9th May 2023" || front["adopted"] == "2023-05-09")
        #expect(front["review"] == "May 2027" || front["review"] == "2027-05")
        #expect(front["cited_as"] == "[standing order]")
    }

    @Test(.enabled(if: present, "needs ../shared/corpus-numbering beside the checkout"))
    func everyHeadingLabelAndNumberIsWhereTheHandWrittenFileHasIt() throws {
        let ours = ImportTestSupport.structure(of: try Self.imported().markdown)
        let theirs = ImportTestSupport.structure(of: try String(contentsOf: Self.handWritten, encoding: .utf8))
        #expect(theirs.count == 38, "the hand-written file's blocks: \(theirs)")
        #expect(ours == theirs)
        let matching = zip(ours, theirs).filter { $0 == $1 }.count
        #expect(matching == theirs.count, "\(matching) of \(theirs.count) blocks match")
    }

    @Test(.enabled(if: present, "needs ../shared/corpus-numbering beside the checkout"))
    func nothingButTheDocumentIsLeft() throws {
        let result = try Self.imported()
        let body = ImportTestSupport.body(result.markdown)
        for furniture in ["Page", "CONTENTS", "....", "Adopted at", "Next review"] {
            #expect(!body.contains(furniture), "'\(furniture)' is still in the body")
        }
        let numberLines = body.split(separator: "\n").filter { line in line.trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber) }
        #expect(numberLines.isEmpty, "\(numberLines)")
        // Not indented: nothing becomes a code block.
        #expect(!body.split(separator: "\n").contains { $0.hasPrefix(" ") })
        // Text that ran across the page break stays under j.
        #expect(body.contains("(ii) to raise a point of order; or\n\n(iii) to exercise a right of reply.\n\n## 2."))
    }

    @Test(.enabled(if: present, "needs ../shared/corpus-numbering beside the checkout"))
    func theImportedFileBuildsWithoutErrors() throws {
        let markdown = try Self.imported().markdown
        let config = (try? String(contentsOf: Self.fixture.appendingPathComponent("protosite.yml"), encoding: .utf8)) ?? "title: Numbering\n"
        let plan = try TestSupport.plan(["protosite.yml": config, "content/standing-orders.md": markdown], today: CalendarDay(year: 2026, month: 12, day: 2)!)
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        // The same 37 anchors, 12 links and back links as the hand-written file, and no warning.
        try NumberingCorpusTests.check(plan)
        let document = try #require(plan.site?.protocols.first?.document)
        #expect(document.metadata.adopted?.description == "2023-05-09")
        #expect(document.metadata.review?.description == "2027-05")
        #expect(document.metadata.citedAs == ["standing order"])
    }
}

/// Reading imported Markdown back in tests.
enum ImportTestSupport {
    /// Front-matter `key: value` lines (flat keys only).
    static func frontMatter(_ markdown: String) -> [String: String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return [:] }
        var values: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
            values[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return values
    }

    /// The text after the front matter.
    static func body(_ markdown: String) -> String {
        guard markdown.hasPrefix("---\n"), let end = markdown.range(of: "\n---\n", range: markdown.index(markdown.startIndex, offsetBy: 3)..<markdown.endIndex) else { return markdown }
        return String(markdown[end.upperBound...])
    }

    /// Imports `text` and expects its body (the text after the front matter)
    /// to contain `fragment`, showing the whole body when it does not.
    static func expectBody(of text: String, contains fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let body = body(try Importer.importText(text).markdown)
        #expect(body.contains(fragment), "\(body)", sourceLocation: sourceLocation)
    }

    /// Each block's place in the clause structure, in order: `H1` for a
    /// heading numbered 1, `4.1` for a clause paragraph, the label (`a.`,
    /// `(i)`, `A.`, `(1)`) of a sub-clause paragraph, `¶` for other text.
    /// Read independently of the importer's own label code.
    static func structure(of markdown: String) -> [String] {
        let blocks = body(markdown).components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return blocks.map { block in
            let first = block.split(separator: "\n").first.map(String.init) ?? block
            if first.hasPrefix("#") {
                let text = first.drop { $0 == "#" || $0 == " " }
                let number = text.prefix { $0.isNumber || $0 == "." }
                var parts = number.split(separator: ".")
                while parts.count > 1, parts.last == "0" { parts.removeLast() }
                return "H" + parts.joined(separator: ".")
            }
            let token = String(first.prefix { $0 != " " })
            let inner = token.trimmingCharacters(in: CharacterSet(charactersIn: "().")).trimmingCharacters(in: CharacterSet(charactersIn: ")"))
            if token.contains("."), token.split(separator: ".").count >= 2, token.split(separator: ".").allSatisfy({ $0.allSatisfy(\.isNumber) }) {
                return token
            }
            let isLabelForm = (token.hasPrefix("(") && token.hasSuffix(")")) || token.hasSuffix(".") || token.hasSuffix(")")
            if isLabelForm, !inner.isEmpty, inner.count <= 4, inner.allSatisfy({ $0.isLetter || $0.isNumber }) {
                return token
            }
            return "¶"
        }
    }

    /// Imported text built as a site: its clause anchors, and what the build said.
    static func built(_ text: String) throws -> (anchors: [String], messages: [String]) {
        let plan = try TestSupport.plan(["content/p.md": try Importer.importText(text).markdown])
        let document = try #require(plan.site?.protocols.first?.document, "\(plan.diagnostics.map(\.formatted))")
        return (document.clauses.map(\.anchor), plan.diagnostics.map(\.formatted))
    }

    /// The build's parser on one imported file.
    static func diagnostics(_ markdown: String, path: String = "content/imported.md") -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        _ = ProtocolParser(config: SiteConfig()).parse(SourceFile(path: path, text: markdown), diagnostics: &diagnostics)
        return diagnostics
    }
}
