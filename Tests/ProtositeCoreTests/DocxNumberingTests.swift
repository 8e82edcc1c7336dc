import Foundation
import ProtositeImport
import ProtositeMarkdown
import Testing
@testable import ProtositeCore

/// Word documents whose clause numbers Word draws from numbering.xml and
/// styles (Fixtures/make-numbering-fixtures.py, generated at test time):
/// each imports, builds with SPEC §4's clause ids, and shows every label
/// LibreOffice, an independent reader, shows for the same file.
@Suite("Importing Word's automatic numbering", .enabled(if: DocxNumberingFixtures.folder != nil, "python3 is needed to generate the .docx fixtures"))
struct DocxNumberingTests {
    /// The clause and sub-clause ids each fixture builds into, per SPEC §4.
    static let expectedIDs: [String: [String]] = [
        "multilevel-decimal": ["1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1"],
        "letters-under-decimals": ["1"] + "abcdefghijk".map { "1-\($0)" } + ["2", "2-a"],
        "brackets": ["4", "4-1", "4-2", "4-2-a", "4-2-b", "4-2-b-i", "4-2-b-ii", "4-2-b-iii", "4-2-c", "4-3"],
        "style-numbering": ["1", "1.1", "1.2", "2", "2.1", "2.1-a", "2.1-b"],
        "numid-zero": ["1", "1.1", "1.2", "1.3"],
        "continued-across-heading": ["1", "2", "3", "4"],
        "restarts-and-start": ["10", "10.1", "10.1-i", "10.1-ii", "10.2", "10.2-i", "11", "11.1", "11.1-i", "20", "20.1"],
        "legal-numbering": ["1.1", "1.2", "2.1"],
        "typed-and-automatic": ["1", "1.1", "1.2", "1.2-a", "1.2-b", "7", "7.1"],
        "upper-letters-and-headings": ["1", "1.1", "1.1-a", "1.1-b", "1.1-b-a", "1.1-b-b", "1.2", "1.2-c"],
    ]

    @Test(arguments: expectedIDs.keys.sorted())
    func eachPatternImportsAndBuildsWithTheClauseIdsOfSPEC(name: String) throws {
        let folder = try #require(DocxNumberingFixtures.folder)
        let result = try Importer.importFile(at: folder.appendingPathComponent(name + ".docx").path)
        #expect(result.markdown.contains("adopted: 3rd March 2021\n"), "\(name): adoption goes to front matter")
        let plan = try TestSupport.plan(["content/\(name).md": result.markdown])
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        let page = try #require(TestSupport.text(plan, "\(name)/index.html"))
        let ids = page.components(separatedBy: " id=\"clause-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids == Self.expectedIDs[name], "\(name)\n\(result.markdown)")
    }

    @Test func aRepeatedNumberIsPlainTextWithAWarningAtItsParagraph() throws {
        let folder = try #require(DocxNumberingFixtures.folder)
        let result = try Importer.importFile(at: folder.appendingPathComponent("typed-and-automatic.docx").path)
        #expect(result.warnings.contains { $0.line == 7 && $0.message.contains("1.2 is numbered twice") })
        #expect(result.markdown.contains("\n&#8288;1.2 P06 "))
    }

    /// LibreOffice 7.4 (Debian 12's) does not read `w:isLgl`: it draws the
    /// roman part of a legal level as roman, where Word draws digits.
    static let libreOfficeWithoutLegalNumbering: [String: String] = ["legal-numbering P02": "I.1", "legal-numbering P03": "I.2", "legal-numbering P05": "II.1"]

    @Test(.enabled(if: LibreOffice.soffice != nil, "soffice (LibreOffice) is not installed: scripts/install-deps installs libreoffice-writer-nogui"))
    func everyLabelEqualsLibreOffices() throws {
        let folder = try #require(DocxNumberingFixtures.folder)
        let names = Self.expectedIDs.keys.sorted()
        let texts = try LibreOffice.convertToText(names.map { folder.appendingPathComponent($0 + ".docx") })
        var summary: [String] = []
        for name in names {
            let theirs = DocxNumberingFixtures.labels(inText: try #require(texts[name], "\(name): LibreOffice wrote no text"))
            let result = try Importer.importFile(at: folder.appendingPathComponent(name + ".docx").path)
            let ours = DocxNumberingFixtures.labels(inMarkdown: result.markdown)
            #expect(Set(ours.keys) == Set(theirs.keys), "\(name): the same paragraphs")
            var right = 0
            for (marker, label) in theirs.sorted(by: { $0.key < $1.key }) {
                if ours[marker] == label {
                    right += 1
                } else if Self.libreOfficeWithoutLegalNumbering["\(name) \(marker)"] == label {
                    #expect(ours[marker] == label.replacingOccurrences(of: "II.", with: "2.").replacingOccurrences(of: "I.", with: "1."), "\(name) \(marker): Word's legal form")
                } else {
                    Issue.record("\(name) \(marker): protosite writes \(ours[marker].map { "'\($0)'" } ?? "nothing"), LibreOffice shows '\(label)'")
                }
            }
            summary.append("\(name): \(right)/\(theirs.count)")
        }
        print("labels equal to LibreOffice's: " + summary.joined(separator: ", "))
    }
}

/// The generated fixtures and the labels a reader sees in them.
enum DocxNumberingFixtures {
    static let generator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/make-numbering-fixtures.py")

    /// A folder of freshly generated fixtures, or nil without python3.
    static let folder: URL? = {
        guard let folder = try? TestSupport.temporaryFolder() else { return nil }
        guard let run = try? TestSupport.run(["python3", generator.path, folder.path], executable: URL(fileURLWithPath: "/usr/bin/env")), run.status == 0 else { return nil }
        return folder
    }()

    /// Marker `Pnn` → the text before it on its line: LibreOffice writes
    /// one paragraph a line, its label first.
    static func labels(inText text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            if let (marker, before) = marker(in: String(line)) { out[marker] = clean(before) }
        }
        return out
    }

    /// Marker → the label a reader of the built page sees: the number of
    /// an ordered-list item as the list shows it, else the block's text
    /// before the marker (Markdown escapes and the build check's invisible
    /// word joiner read away by the build's own Markdown parser).
    static func labels(inMarkdown markdown: String) -> [String: String] {
        let body = markdown.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        guard let document = try? MarkdownParser.parse(body) else { return [:] }
        var out: [String: String] = [:]
        func visit(_ node: MarkdownNode, listNumber: Int?) {
            switch node.kind {
            case .paragraph, .heading:
                if let (marker, before) = marker(in: node.plainText) {
                    out[marker] = clean((listNumber.map { "\($0). " } ?? "") + before)
                }
            case .list(let ordered, let start, _):
                for (index, item) in node.children.enumerated() {
                    for (position, child) in item.children.enumerated() {
                        visit(child, listNumber: ordered && position == 0 ? start + index : nil)
                    }
                }
            default:
                for child in node.children { visit(child, listNumber: nil) }
            }
        }
        visit(document.root, listNumber: nil)
        return out
    }

    private static func marker(in line: String) -> (String, String)? {
        guard let range = line.range(of: #"P[0-9][0-9] "#, options: .regularExpression) else { return nil }
        return (String(line[range].dropLast()), String(line[..<range.lowerBound]))
    }

    private static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{2060}", with: "").replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces)
    }
}

/// LibreOffice's own reading of a Word file, as text, when it is installed.
enum LibreOffice {
    static let soffice: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { String($0) + "/soffice" }
        return paths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Converts all files in one run (LibreOffice takes seconds to start),
    /// with a profile of its own so parallel runs do not share one.
    static func convertToText(_ files: [URL]) throws -> [String: String] {
        guard let soffice else { return [:] }
        let output = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let profile = output.appendingPathComponent("profile")
        let run = try TestSupport.run(["-env:UserInstallation=" + profile.absoluteString, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", output.path] + files.map(\.path), executable: URL(fileURLWithPath: soffice))
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: run.stderr]) }
        var texts: [String: String] = [:]
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            if let data = FileManager.default.contents(atPath: output.appendingPathComponent(name + ".txt").path) {
                texts[name] = String(decoding: data, as: UTF8.self)
            }
        }
        return texts
    }
}
