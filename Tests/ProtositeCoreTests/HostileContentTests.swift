import Foundation
import Testing
@testable import ProtositeCore

/// Script and markup payloads in every field a clerk (or anyone who edits
/// the files) controls: the output must carry them as text, never as
/// markup that runs.
@Suite("Hostile content")
struct HostileContentTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "</script><script>alert(3)</script>",
        "javascript:alert(4)",
        "' onmouseover='alert(5)",
        "]]><x>",
        "a\u{2028}b\u{2029}c",
        "{{site.title}}",
    ]

    /// Every payload in every place: front matter, config, headings, clauses, links, footnotes, tables.
    static func project(_ payload: String) -> [String: String] {
        let yaml = { (text: String) in ConfigYAML.quote(text) }
        let frontMatter = """
        title: \(yaml("Code " + payload))
        council: \(yaml("Council " + payload))
        summary: \(yaml(payload))
        aliases: [\(yaml("Alias " + payload))]
        tags: [\(yaml(payload))]
        cited_as: [\(yaml("rule" + payload))]
        version: \(yaml(payload))
        review: 2027-06
        history:
          - {date: 2024-01-01, version: \(yaml(payload)), change: \(yaml(payload)), review: 2027-06}
        """
        let body = """

        ## 1. Heading \(payload)

        1.1 Clause \(payload) with [a link](\(payload.replacingOccurrences(of: " ", with: "%20"))) and [js](javascript:alert(9)) and [data](data:text/html,<script>alert(10)</script>) and a note[^n].

        | Column \(payload) | B |
        |---|---|
        | \(payload.replacingOccurrences(of: "|", with: "\\|")) | <img src=x onerror=alert(11)> |

        ## Unnumbered \(payload)

        Text \(payload).

        [^n]: Footnote \(payload).

        """
        return [
            "protosite.yml": "title: \(yaml("Site " + payload))\ncontact: \(yaml(payload))\nbase_url: https://example.org/p/\n",
            "content/a.md": "---\n\(frontMatter)\n---\n\(body)",
        ]
    }

    @Test(arguments: payloads)
    func nothingExecutableReachesThePages(payload: String) throws {
        let plan = try TestSupport.plan(Self.project(payload))
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        #expect(!plan.outputs.isEmpty)
        for output in plan.outputs {
            let text = String(decoding: output.bytes, as: UTF8.self)
            if output.path.hasSuffix(".html") {
                for tag in Self.tags(in: text) {
                    let lower = tag.lowercased()
                    #expect(!Self.hasEventHandler(lower), "\(output.path): \(tag)")
                    for url in Self.urls(in: tag) {
                        let folded = url.lowercased().filter { !$0.isWhitespace }
                        #expect(!folded.hasPrefix("javascript:") && !folded.hasPrefix("data:") && !folded.hasPrefix("vbscript:"), "\(output.path): \(tag)")
                    }
                    if lower.hasPrefix("<script") {
                        #expect(lower.contains("src=\"") || lower.contains("type=\"application/ld+json\""), "\(output.path): inline script \(tag)")
                    }
                }
                // A JSON-LD block ends only at its own closing tag.
                for block in text.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst() {
                    let json = block.components(separatedBy: "</script>")[0]
                    #expect(!json.contains("<"), "\(output.path): '<' inside JSON-LD")
                    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(output.path): JSON-LD does not parse")
                }
            }
            if output.path.hasSuffix(".json") {
                #expect((try? JSONSerialization.jsonObject(with: Data(output.bytes))) != nil, "\(output.path) does not parse")
                #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"), "\(output.path) has a raw line separator")
                #expect(!text.contains("<"), "\(output.path) has a raw '<'")
            }
            if output.path.hasSuffix(".xml") {
                #expect(!text.contains("<script"), "\(output.path)")
            }
        }
    }

    @Test func thePayloadIsStillThereAsText() throws {
        let plan = try TestSupport.plan(Self.project("<img src=x onerror=alert(1)>"))
        let page = try #require(TestSupport.text(plan, "a/index.html"))
        // From front matter: escaped text. In the Markdown: raw HTML, dropped with a warning.
        #expect(page.contains("<h1>Code &lt;img src=x onerror=alert(1)&gt;</h1>"))
        #expect(page.contains("<p id=\"clause-1.1\"><a class=\"clause-number\" href=\"#clause-1.1\">1.1</a> Clause  with"))
        #expect(plan.diagnostics.contains { $0.message.contains("raw HTML '<img src=x onerror=alert(1)>'") })
    }

    /// The start tags of an HTML text.
    static func tags(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<[a-zA-Z][^>]*>")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range, in: html)!]) }
    }

    /// The values of a tag's URL attributes (href, src, action, formaction).
    static func urls(in tag: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\s(?:href|src|action|formaction)\\s*=\\s*\"([^\"]*)\"", options: .caseInsensitive)
        return pattern.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)).map { String(tag[Range($0.range(at: 1), in: tag)!]) }
    }

    /// An attribute named on…= inside a tag (outside quoted values).
    static func hasEventHandler(_ tag: String) -> Bool {
        var inQuote: Character?
        var previous: Character = " "
        let characters = Array(tag)
        for (index, character) in characters.enumerated() {
            if let quote = inQuote {
                if character == quote { inQuote = nil }
            } else if character == "\"" || character == "'" {
                inQuote = character
            } else if (previous == " " || previous == "/") && character == "o" && index + 2 < characters.count && characters[index + 1] == "n" {
                var end = index + 2
                while end < characters.count, characters[end].isLetter { end += 1 }
                if end < characters.count, characters[end] == "=" || characters[end] == " " { return true }
            }
            previous = character
        }
        return false
    }
}

/// Double-quoted YAML for test fixtures.
enum ConfigYAML {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
