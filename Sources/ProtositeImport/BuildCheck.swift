import Foundation
import ProtositeCore

/// SPEC §3: "The result builds." The importer reads what it wrote with
/// the build's own parser and clause finder; whatever would be an error
/// there (and a clause number or sub-clause label used twice, which the
/// build reports and then shows as plain text) is made plain text here,
/// with a warning at the line of the source file, and the file is read
/// again, a bounded number of times.
enum BuildCheck {
    /// Each round can only make blocks plainer, and three demotions make a
    /// block inert, so rounds always settle; but one demotion can expose
    /// another (a heading made plain hands its labels to the clause above,
    /// where they may repeat), so allow a chain of them. Rounds stop as
    /// soon as nothing changes.
    static let maximumRounds = 30

    /// A word joiner (U+2060), written as an entity. A demoted clause or
    /// sub-clause paragraph starts with it: the reader sees `4.1 The …`
    /// exactly as the document had it, but the build's text of the
    /// paragraph no longer starts with a number or a label, so it is plain
    /// text. (Chosen over rewording the number, which would change what
    /// the council adopted; the entity shows in the Markdown, so a clerk
    /// who edits the file can see and delete it.)
    static let plainMark = "&#8288;"

    /// Settles `blocks` and `fields` until the build reads them without
    /// error, then returns the file's text.
    static func settle(fields: inout [FrontMatterField], blocks: inout [MarkdownBlock], fileName: String, warnings: inout [ImportWarning]) -> String {
        let parser = ProtocolParser(config: SiteConfig())
        let path = "content/" + fileName
        var written = MarkdownWriter.write(fields, blocks)
        for round in 0..<maximumRounds {
            var diagnostics: [Diagnostic] = []
            _ = parser.parse(SourceFile(path: path, text: written.text), diagnostics: &diagnostics)
            let problems = diagnostics.filter(needsAction)
            guard !problems.isEmpty else { return written.text }
            var changed = false
            var droppedFields = Set<Int>()
            for problem in problems {
                if problem.line > 1, problem.line < written.closingLine, let field = blockIndex(at: problem.line, in: written.fieldLines) {
                    guard fields[field].key != "title", !droppedFields.contains(field) else { continue }
                    droppedFields.insert(field)
                    warnings.append(ImportWarning(line: max(fields[field].line, 1), column: 1, message: "'\(fields[field].key): \(fields[field].value)' left out of the front matter: \(problem.message)"))
                    continue
                }
                guard let block = blockIndex(at: problem.line, in: written.blockLines), blocks[block].demotions < 3 else {
                    if round == 0 {
                        warnings.append(ImportWarning(line: 1, column: 1, message: "the build reports: \(problem.message)"))
                    }
                    continue
                }
                let before = blocks[block].demotions
                demote(&blocks[block])
                guard blocks[block].demotions != before else { continue }
                changed = true
                warnings.append(ImportWarning(line: blocks[block].line, column: 1, message: "written as plain text: \(problem.message)"))
            }
            for field in droppedFields.sorted(by: >) { fields.remove(at: field) }
            guard changed || !droppedFields.isEmpty else { return written.text }
            written = MarkdownWriter.write(fields, blocks)
        }
        return written.text
    }

    /// Errors, and the build's warnings about a number or label used twice
    /// (the build keeps the first and shows the repeat as plain text; the
    /// importer makes the repeat plain text itself, so the warning is its own).
    static func needsAction(_ diagnostic: Diagnostic) -> Bool {
        if diagnostic.severity == .error { return true }
        let message = diagnostic.message.lowercased()
        return message.contains("twice") || message.contains("repeat") || message.contains("already used")
    }

    /// The block whose text covers a line of the file.
    static func blockIndex(at line: Int, in starts: [Int]) -> Int? {
        guard let first = starts.first, line >= first else { return nil }
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= line { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// One step plainer. A heading becomes a bold paragraph (`**1. Rules**`:
    /// paragraphs need a number of two parts to be a clause); a paragraph or
    /// list item starts with the word joiner; then every Markdown character
    /// is escaped, which also undoes nesting too deep to build.
    static func demote(_ block: inout MarkdownBlock) {
        if case .footnote = block.kind {
            block.text = escapeAll(block.text)
            block.demotions = 3
            return
        }
        let marked = block.text.hasPrefix(plainMark)
        switch block.demotions {
        case 0:
            if case .heading = block.kind {
                let text = block.text.trimmingCharacters(in: .whitespaces)
                block.kind = .paragraph
                block.text = text.isEmpty ? plainMark : "**" + text + "**"
            } else if let number = block.orderedNumber {
                // A list item is a clause by its place in the list: as a
                // paragraph, `3\.` keeps the number the reader saw.
                block.kind = .paragraph
                block.text = plainMark + "\(number)\\. " + block.text
            } else {
                block.text = plainMark + block.text
            }
            block.demotions = 1
        case 1 where !marked:
            block.text = plainMark + block.text
            block.demotions = 2
        case 1, 2:
            let body = marked ? String(block.text.dropFirst(plainMark.count)) : block.text
            block.text = plainMark + escapeAll(body)
            block.demotions = 3
        default:
            return
        }
    }

    /// Every ASCII punctuation character backslash-escaped: CommonMark
    /// then reads the text as text and nothing else.
    static func escapeAll(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            if character.isASCII, character.isPunctuation || character.isSymbol { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

