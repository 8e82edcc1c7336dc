import Foundation
import Testing
import Yams
@testable import ProtositeCore

/// Front matter read by hand must be what the decoder reads, and whatever
/// the hand-reading does not take must still reach the decoder.
@Suite("Front matter read by hand")
struct PlainFrontMatterTests {
    static func node(_ yaml: String) throws -> Node.Mapping {
        guard case .mapping(let mapping)? = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else { throw CocoaError(.coderReadCorrupt) }
        return mapping
    }

    static func decoded(_ yaml: String) throws -> FrontMatter {
        try YAMLDecoder(encoding: .utf8).decode(FrontMatter.self, from: Yams.compose(yaml: yaml, .basic, .default, .utf8)!)
    }

    static let typical = """
        title: Complaints Procedure
        council: Example Parish Council
        status: adopted
        adopted: 2024-03-12
        review: March 2026
        version: 2.0
        aliases: [Complaints Policy, "Complaints: how to make one"]
        cited_as: paragraph
        tags:
          - complaints
          - 'public'
        summary: >
          How to complain,
          and what happens next.
        history:
          - date: 2022-01-10
            version: 1.0
            change: First adopted
          - {date: 2024-03-12, version: "2.0", change: Rewritten, review: March 2026}
        unknown_key: ignored
        """

    @Test func aTypicalFrontMatterIsReadByHandAsTheDecoderReadsIt() throws {
        let plain = try #require(PlainFrontMatter.read(try Self.node(Self.typical)))
        #expect(plain == (try Self.decoded(Self.typical)))
        #expect(plain.aliases?.items == ["Complaints Policy", "Complaints: how to make one"])
        #expect(plain.history?.count == 2)
    }

    @Test(arguments: [
        "title:\n", "title: ~\n", "title: null\n", "title: [a, b]\n",
        "aliases: [a, [b]]\n", "history: x\n", "history:\n  - date:\n", "aliases: {a: b}\n",
        "? [a]\n: b\ntitle: c\n",
    ])
    func whatIsNotPlainTextGoesToTheDecoder(yaml: String) throws {
        #expect(PlainFrontMatter.read(try Self.node(yaml)) == nil)
    }

    @Test(arguments: ["title: ''\n", "title: 'null'\n", "version: 2.10\n", "review: 2026-03\n", "title: yes\n", "title: \"#1\"\n", "title: !!int 5\n"])
    func quotedAndNumberLikeTextIsReadAsTheDecoderReadsIt(yaml: String) throws {
        let plain = try #require(PlainFrontMatter.read(try Self.node(yaml)))
        #expect(plain == (try Self.decoded(yaml)))
    }

    /// Every front matter of the corpora beside the checkout and of the example site.
    @Test func everyFrontMatterOnHandIsReadByHandAsTheDecoderReadsIt() throws {
        var folders = [TestSupport.packageRoot.appendingPathComponent("content")]
        for corpus in ["corpus", "corpus-numbering", "corpus-versions"] {
            let folder = TestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/\(corpus)/content")
            if FileManager.default.fileExists(atPath: folder.path) { folders.append(folder) }
        }
        var read = 0
        for folder in folders {
            let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
            for name in names {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let parts = text.components(separatedBy: "\n---\n")
                guard text.hasPrefix("---\n"), parts.count > 1 else { continue }
                let yaml = String(parts[0].dropFirst(4))
                let plain = try #require(PlainFrontMatter.read(try Self.node(yaml)), "\(name)")
                #expect(plain == (try Self.decoded(yaml)), "\(name)")
                read += 1
            }
        }
        #expect(read >= 3)
    }
}
