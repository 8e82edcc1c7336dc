import Foundation
import Testing
@testable import ProtositeCore

/// Reads ../shared/corpus/EXPECTED.md (clauses, anchors, statuses per
/// protocol) and checks the site built from ../shared/corpus against it.
struct ExpectedCorpus {
    struct Entry {
        var slug: String
        var clauses: [String] = []
        var headingAnchors: [String] = []
    }

    var protocols: [Entry] = []

    init(markdown: String) {
        // Bullets wrap onto indented lines: join them first.
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  "), let last = lines.last, last.hasPrefix("- ") {
                lines[lines.count - 1] = last + " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                lines.append(line)
            }
        }
        var current: Entry?
        for line in lines {
            if line.hasPrefix("## ") {
                if let current { protocols.append(current) }
                let name = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                current = name.contains(" ") || !name.contains("-") ? nil : Entry(slug: name)
                continue
            }
            guard current != nil else { continue }
            if line.hasPrefix("- Clauses ("), let colon = line.firstIndex(of: ":") {
                current!.clauses = Self.listPart(String(line[line.index(after: colon)...])).flatMap(Self.expand)
            }
            if line.hasPrefix("- Heading anchors (") {
                // "(15): `#a`, `#b` … (notes that may name anchors again)": the first 15.
                let count = Int(line.dropFirst("- Heading anchors (".count).prefix { $0.isNumber }) ?? 0
                current!.headingAnchors = Array(Self.backticked(line).filter { !$0.hasPrefix("##") }.prefix(count)).map { String($0.dropFirst()) }
            }
        }
        if let current { protocols.append(current) }
    }

    /// `1, 1.1–1.4, 2, 2.1–2.5, 3.` → ["1", "1.1–1.4", "2", "2.1–2.5", "3"].
    static func listPart(_ text: String) -> [String] {
        var items: [String] = []
        for raw in text.split(separator: ",") {
            let item = raw.trimmingCharacters(in: .whitespaces)
            let token = item.prefix { $0.isNumber || $0 == "." || $0 == "–" }
            var cleaned = String(token)
            while cleaned.hasSuffix(".") { cleaned.removeLast() }
            if cleaned.isEmpty { break }
            items.append(cleaned)
            if token.count < item.count { break }
        }
        return items
    }

    /// `1.1–1.4` → 1.1, 1.2, 1.3, 1.4; `2.2.1–2.2.3` likewise.
    static func expand(_ item: String) -> [String] {
        let ends = item.split(separator: "–").map(String.init)
        guard ends.count == 2, let first = ends[0].split(separator: ".").last.flatMap({ Int($0) }),
              let last = ends[1].split(separator: ".").last.flatMap({ Int($0) }) else { return [item] }
        let stem = ends[0].split(separator: ".").dropLast().joined(separator: ".")
        return (first...last).map { stem.isEmpty ? "\($0)" : "\(stem).\($0)" }
    }

    static func backticked(_ line: String) -> [String] {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }.filter { $0.hasPrefix("#") }
    }
}

@Suite("../shared/corpus against EXPECTED.md", .enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout"))
struct ExpectedCorpusTests {
    static let expected: ExpectedCorpus? = (try? String(contentsOf: TestSupport.corpusRoot.appendingPathComponent("EXPECTED.md"), encoding: .utf8)).map(ExpectedCorpus.init)

    @Test func expectedFileIsReadable() throws {
        let expected = try #require(Self.expected)
        #expect(expected.protocols.count == 5)
        let leigh = try #require(expected.protocols.first { $0.slug == "leigh-member-officer-protocol" })
        #expect(leigh.clauses.count == 20)
        let leeds = try #require(expected.protocols.first { $0.slug == "member-officer-relations-protocol" })
        #expect(leeds.clauses.count == 52)
        let taffs = try #require(expected.protocols.first { $0.slug == "taffs-well-nantgarw-relationships-protocol" })
        #expect(taffs.clauses.contains("2.2.3"))
        #expect(expected.protocols.first { $0.slug == "cheshire-councillor-officer-protocol" }?.headingAnchors.count == 15)
    }

    @Test func everyClauseAndAnchorIsOnItsPage() throws {
        let expected = try #require(Self.expected)
        let plan = try #require(CorpusBuildTests.plan)
        for entry in expected.protocols {
            let html = try #require(TestSupport.text(plan, entry.slug + "/index.html"), "\(entry.slug)")
            let ids = Set(html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            for clause in entry.clauses {
                #expect(ids.contains("clause-\(clause)"), "\(entry.slug) lacks #clause-\(clause)")
            }
            for anchor in entry.headingAnchors {
                #expect(ids.contains(anchor), "\(entry.slug) lacks #\(anchor)")
            }
            let clauseIDs = ids.filter { $0.hasPrefix("clause-") }
            #expect(clauseIDs.count == entry.clauses.count, "\(entry.slug): \(clauseIDs.count) clause ids")
        }
    }

    @Test func exactlyOneCrossReferenceInTheWholeCorpus() throws {
        let plan = try #require(CorpusBuildTests.plan)
        var links: [String] = []
        for output in plan.outputs where output.path.hasSuffix("/index.html") {
            let html = String(decoding: output.bytes, as: UTF8.self)
            for part in html.components(separatedBy: "class=\"xref").dropFirst() {
                let href = part.components(separatedBy: "href=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
                links.append("\(output.path) \(href)")
            }
        }
        #expect(links == ["member-officer-relations-protocol/index.html #clause-5"])
        let page = try #require(TestSupport.text(plan, "member-officer-relations-protocol/index.html"))
        #expect(page.contains("<p class=\"referred-to\">Referred to in <a class=\"backlink\" href=\"#clause-2.12\">2.12</a></p>"))
    }

    @Test func noReferenceWarnings() throws {
        let plan = try #require(CorpusBuildTests.plan)
        let unexpected = plan.diagnostics.filter { $0.message.contains("refers to") || $0.message.contains("link to") || $0.message.contains("HTML") }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.formatted))")
    }
}
