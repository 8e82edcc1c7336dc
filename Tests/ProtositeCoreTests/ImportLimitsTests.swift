import Foundation
import Testing
import ZIPFoundation
@testable import ProtositeCore
@testable import ProtositeImport

/// Security review #16, item 7: documents sent to the clerk are not
/// trusted. A Word file cannot expand without bound, a title or footnote id
/// cannot break the Markdown written from it, raw HTML in a text export is
/// escaped, and a text of version-table lines imports in linear time.
@Suite("Import limits")
struct ImportLimitsTests {
    /// A Word package in memory: `document.xml` plus optional footnotes.
    static func docx(document: String, footnotes: String? = nil, padding: Int = 0) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ bytes: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        var xml = Data(document.utf8)
        if padding > 0 {
            // Spaces before the root: valid XML, compressed a thousandfold.
            xml = Data(repeating: 0x20, count: padding) + xml
        }
        try add("word/document.xml", xml)
        if let footnotes { try add("word/footnotes.xml", Data(footnotes.utf8)) }
        return try #require(archive.data)
    }

    static let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    @Test(.timeLimit(.minutes(1)))
    func aWordFileThatExpandsPastTheLimitIsRefused() throws {
        let body = "<w:document \(Self.namespace)><w:body>\(Self.paragraph("Text."))</w:body></w:document>"
        let data = try Self.docx(document: body, padding: Importer.maximumExpandedBytes + 1)
        #expect(data.count < 200_000, "the test file itself is small: \(data.count) bytes")
        #expect {
            _ = try Importer.importDocx(data)
        } throws: { error in
            (error as? ImportError).map { "\($0)".contains("expands to more than") } ?? false
        }
    }

    @Test func aLineBreakInAWordTitleStaysInsideTheFrontMatter() throws {
        let title = "Code of Conduct&#10;---&#10;&lt;script&gt;"
        let body = "<w:document \(Self.namespace)><w:body>\(Self.paragraph(title, style: "Title"))\(Self.paragraph("Text."))</w:body></w:document>"
        let result = try Importer.importDocx(try Self.docx(document: body))
        let lines = result.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "---")
        #expect(lines[1].hasPrefix("title:") && lines[1].contains("Code of Conduct"), "\(result.markdown)")
        let plan = try TestSupport.plan(["content/p.md": result.markdown])
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        #expect(plan.site?.protocols.first?.document.metadata.title.contains("\n") == false)
    }

    @Test func aFootnoteIdWithALineBreakOrBracketIsMadeALabel() throws {
        let id = "1&#10;]: injected"
        let body = "<w:document \(Self.namespace)><w:body><w:p><w:r><w:t>Text.</w:t></w:r><w:r><w:footnoteReference w:id=\"\(id)\"/></w:r></w:p></w:body></w:document>"
        let notes = "<w:footnotes \(Self.namespace)><w:footnote w:id=\"\(id)\"><w:p><w:r><w:t>The note.</w:t></w:r></w:p></w:footnote></w:footnotes>"
        let result = try Importer.importDocx(try Self.docx(document: body, footnotes: notes))
        #expect(!result.markdown.contains("]: injected"), "\(result.markdown)")
        let plan = try TestSupport.plan(["content/p.md": result.markdown])
        let page = try #require(TestSupport.text(plan, "p/index.html"))
        #expect(page.contains("The note."))
    }

    @Test func rawHTMLInATextExportIsEscaped() throws {
        let result = try Importer.importText("Complaints Policy\n\n1.1 Write to <script>alert(1)</script> the clerk <b>now</b>, or see <https://example.org/>.\n", fileName: "p.md")
        #expect(result.markdown.contains("\\<script>"), "\(result.markdown)")
        #expect(result.markdown.contains("<https://example.org/>"))
        let plan = try SiteBuilder(fileSystem: .memory(["content/p.md": result.markdown, "protosite.yml": "unsafe_html: true\n"]), today: TestSupport.today).plan()
        let page = try #require(TestSupport.text(plan, "p/index.html"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;"))
    }

    @Test(arguments: ["Version\tDate\tChange", "Date\tVersion\tReview", "Version\tDate adopted\tReview date"])
    func aTextOfVersionTableHeadersImportsToBoundedOutput(header: String) throws {
        // 26 KB of header lines: each line with its own words, so none is
        // taken for a running head.
        var text = "Title of Policy\n\n"
        var index = 0
        while text.utf8.count < 26_000 {
            text += header + "\t" + String(index, radix: 26).map { Character(Unicode.Scalar(($0.wholeNumberValue ?? 0) + 97)!) } + "\n"
            index += 1
        }
        let result = try Importer.importText(text, fileName: "p.md")
        let warned = result.warnings.reduce(0) { $0 + $1.message.utf8.count }
        #expect(result.markdown.utf8.count + warned < 2_000_000)
    }
}
