import Foundation

/// Writes a paragraph Word numbers as the Markdown block SPEC §4 reads as
/// the same clause, keeping the label a reader of the Word file sees:
///
/// - a heading: the label leads the heading (`## 1. Scope`, `## 2.1 Fees`),
///   a numbered heading and so a clause heading;
/// - `1.1`, `1.1.`, `(a)`, `a.`, `A.`, `(ii)`, `(2)`: a paragraph of its own
///   starting with the label, which the build reads as a clause or a
///   sub-clause of the clause before it;
/// - `1.` at Word's top level: an ordered-list item numbered 1 (the build's
///   top-level list items are clauses numbered as displayed, SPEC §4);
///   one paragraph per item, so labels below it stay paragraphs of their own;
/// - `1.` below the top level: `1\.`, the label kept as text, not a list
///   that would renumber or nest it (it names no clause SPEC knows);
/// - `1)`: written `(1)`, since `1)` at a line's start is a Markdown list
///   and `(1)` is the bracketed number the build reads as a sub-clause;
/// - a bullet: a `- ` item, indented by its level, as before; so is a
///   paragraph that starts with a typed bullet (`• `).
enum WordLabelMarkdown {
    static func block(label: WordLabel?, headingLevel: Int?, text: String, line: Int) -> MarkdownBlock {
        let written = label.map { $0.text.trimmingCharacters(in: .whitespaces) } ?? ""
        if let label, label.isBullet {
            if let headingLevel { return MarkdownBlock(kind: .heading(level: markdownLevel(headingLevel)), text: text, line: line) }
            return MarkdownBlock(kind: .bullet(indent: String(repeating: "   ", count: min(label.level, 8))), text: text, line: line)
        }
        if let headingLevel {
            return MarkdownBlock(kind: .heading(level: markdownLevel(headingLevel)), text: joined(escaped(written), text), line: line)
        }
        guard let label, !written.isEmpty else {
            // `• shouting at a colleague;`: a bullet typed, not Word's own.
            if let first = text.first, typedBullets.contains(first), text.dropFirst().first == " " {
                let item = text.dropFirst().trimmingCharacters(in: .whitespaces)
                if !item.isEmpty { return MarkdownBlock(kind: .bullet(indent: ""), text: item, line: line) }
            }
            return MarkdownBlock(kind: .paragraph, text: startSafe(text), line: line)
        }
        let digits = written.prefix { $0.isASCII && $0.isNumber }
        let rest = written.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 9, rest == "." {
            if label.level == 0, let number = Int(digits) {
                return MarkdownBlock(kind: .ordered(number: number), text: text.isEmpty ? "\u{00A0}" : startSafe(text), line: line)
            }
            return MarkdownBlock(kind: .paragraph, text: joined(String(digits) + "\\.", text), line: line)
        }
        if !digits.isEmpty, rest == ")" {
            return MarkdownBlock(kind: .paragraph, text: joined("(" + digits + ")", text), line: line)
        }
        return MarkdownBlock(kind: .paragraph, text: InlineText.escapeStart(joined(escaped(written), text)), line: line)
    }

    /// Bullet characters typed at the start of a paragraph (followed by a
    /// space or a tab), as a text export's bullets are read.
    static let typedBullets: Set<Character> = ["•", "·", "▪", "◦"]

    /// Word's heading 1 is the document's `##`: `#` is the page's title.
    static func markdownLevel(_ wordLevel: Int) -> Int { min(wordLevel + 1, 6) }

    private static func joined(_ label: String, _ text: String) -> String {
        label.isEmpty ? text : text.isEmpty ? label : label + " " + text
    }

    /// Literal text in a label (`Article %1`, `*%1`) is text, not Markdown.
    private static func escaped(_ label: String) -> String { DocxImporter.escape(label) }

    /// An unlabelled paragraph's own start must not become structure,
    /// except the emphasis the importer itself opened it with.
    static func startSafe(_ text: String) -> String {
        text.hasPrefix("*") && !text.hasPrefix("* ") ? text : InlineText.escapeStart(text)
    }
}
