import Foundation
import ProtositeMarkdown

/// Finds the clauses, sub-clauses and headings of a document (SPEC §4
/// "Clauses", "Sub-clauses") and writes their ids into the tree:
/// `clause-4.8` for clauses, `clause-1-j-ii` for sub-clauses, the heading
/// slug for headings without a number.
struct ClauseFinder {
    let path: String
    /// File line of the Markdown body's first line.
    let bodyFirstLine: Int

    struct Result {
        var document: MarkdownDocument
        var clauses: [Clause]
        var headings: [HeadingEntry]
    }

    func find(in document: MarkdownDocument, diagnostics: inout [Diagnostic]) -> Result {
        var document = document
        let numberedHeadings = document.blocks.contains { block in
            guard case .heading = block.kind else { return false }
            return ClauseNumber.leading(in: block.plainText, minimumParts: 1) != nil
        }
        var state = State()
        for index in document.blocks.indices {
            visit(&document.blocks[index], topLevel: true, numberedHeadings: numberedHeadings, state: &state, diagnostics: &diagnostics)
        }
        return Result(document: document, clauses: state.clauses, headings: state.headings)
    }

    /// The clause that labels below it belong to, and its open levels.
    private struct OpenClause {
        var number: ClauseNumber
        /// The level of the heading that opened it; nil for a paragraph or list item.
        var headingLevel: Int?
        var levels = SubClauseLevels()
    }

    private struct State {
        var clauses: [Clause] = []
        var headings: [HeadingEntry] = []
        var usedIDs: Set<String> = []
        /// The next `-N` to try for each heading slug: sixteen thousand
        /// headings of the same words took 17 seconds when each one counted
        /// up from `-2` again. Suffixes below it are all taken already.
        var nextSuffix: [String: Int] = [:]
        var clauseLines: [ClauseNumber: Int] = [:]
        /// The numbered heading in force: an unnumbered heading at its
        /// level or above ends it.
        var headingClause: OpenClause?
        /// The numbered paragraph or list item in force below that heading.
        var paragraphClause: OpenClause?
    }

    private func visit(_ node: inout MarkdownNode, topLevel: Bool, numberedHeadings: Bool, state: inout State, diagnostics: inout [Diagnostic]) {
        switch node.kind {
        case .heading(let level):
            let text = node.plainText
            state.paragraphClause = nil
            if let (number, length) = ClauseNumber.leading(in: text, minimumParts: 1) {
                if claim(number, form: .heading(level: level), node: &node, state: &state, diagnostics: &diagnostics) {
                    state.headings.append(HeadingEntry(level: level, text: SectionWalker.headingText(node, isClause: true), anchor: number.anchor, clause: number))
                    state.headingClause = OpenClause(number: number, headingLevel: level)
                    openLabelAfterNumber(length, in: &node, state: &state, diagnostics: &diagnostics)
                }
            } else {
                if let open = state.headingClause, let opened = open.headingLevel, opened >= level { state.headingClause = nil }
                var base = HeadingSlug.make(text)
                if base.isEmpty { base = "section" }
                var id = base
                var counter = state.nextSuffix[base] ?? 2
                while state.usedIDs.contains(id) {
                    id = "\(base)-\(counter)"
                    counter += 1
                }
                state.nextSuffix[base] = counter
                state.usedIDs.insert(id)
                node.id = id
                state.headings.append(HeadingEntry(level: level, text: text, anchor: id, clause: nil))
            }
        case .paragraph:
            let text = node.plainText
            if let (number, length) = ClauseNumber.leading(in: text, minimumParts: 2) {
                if claim(number, form: .paragraph, node: &node, state: &state, diagnostics: &diagnostics) {
                    state.paragraphClause = OpenClause(number: number)
                    openLabelAfterNumber(length, in: &node, state: &state, diagnostics: &diagnostics)
                }
            } else {
                claimSubClause(text: text, form: .paragraph, node: &node, state: &state, diagnostics: &diagnostics)
            }
        case .list(let ordered, let start, _):
            for index in node.children.indices {
                var item = node.children[index]
                var rest = item.children.indices
                if let first = item.children.first, case .paragraph = first.kind {
                    let text = first.plainText
                    if let (number, length) = ClauseNumber.leading(in: text, minimumParts: 2) {
                        if claim(number, form: .listItem, node: &item, state: &state, diagnostics: &diagnostics) {
                            state.paragraphClause = OpenClause(number: number)
                            openLabelAfterNumber(length, in: &item.children[0], state: &state, diagnostics: &diagnostics)
                        }
                        rest = rest.dropFirst()
                    } else if ordered, topLevel, !numberedHeadings, let number = ClauseNumber(parts: [start + index]) {
                        if claim(number, form: .listItem, node: &item, state: &state, diagnostics: &diagnostics) {
                            state.paragraphClause = OpenClause(number: number)
                            // `1. (1) In this code…`: the item's own text opens 1(1).
                            openLabelAfterNumber(0, in: &item.children[0], state: &state, diagnostics: &diagnostics)
                        }
                        rest = rest.dropFirst()
                    } else if SubClauseLabel.leading(in: Substring(text)) != nil {
                        // Claimed or not (a repeat, a preamble), the first paragraph is the item's label: not visited again.
                        claimSubClause(text: text, form: .listItem, node: &item, state: &state, diagnostics: &diagnostics)
                        rest = rest.dropFirst()
                    }
                }
                for child in rest {
                    visit(&item.children[child], topLevel: false, numberedHeadings: numberedHeadings, state: &state, diagnostics: &diagnostics)
                }
                node.children[index] = item
            }
        case .blockQuote:
            for index in node.children.indices {
                visit(&node.children[index], topLevel: false, numberedHeadings: numberedHeadings, state: &state, diagnostics: &diagnostics)
            }
        default:
            break
        }
    }

    /// Records a clause and gives the node its id. A number used twice is
    /// a warning, and the repeat stays plain text (SPEC §4).
    private func claim(_ number: ClauseNumber, form: Clause.Form, node: inout MarkdownNode, state: inout State, diagnostics: inout [Diagnostic]) -> Bool {
        let line = node.line + bodyFirstLine - 1
        if let first = state.clauseLines[number] {
            diagnostics.append(.warning("clause \(number) is numbered twice in this document (first on line \(first)); this one is left as plain text", in: path, line: line, column: max(node.column, 1)))
            return false
        }
        state.clauseLines[number] = line
        state.usedIDs.insert(number.anchor)
        node.id = number.anchor
        state.clauses.append(Clause(number: number, form: form, line: line, column: max(node.column, 1)))
        return true
    }

    /// A paragraph or list item that starts with a label, inside a clause,
    /// is a sub-clause of it. True when the node became one.
    @discardableResult
    private func claimSubClause(text: String, form: Clause.Form, node: inout MarkdownNode, state: inout State, diagnostics: inout [Diagnostic]) -> Bool {
        guard let label = SubClauseLabel.leading(in: Substring(text)) else { return false }
        guard let number = place(label, state: &state) else { return false }
        return claim(number, form: form, node: &node, state: &state, diagnostics: &diagnostics, label: label)
    }

    /// The sub-clause number a label takes in the clause in force; nil
    /// where no clause is open (a preamble's `(a)` is plain text).
    private func place(_ label: SubClauseLabel, state: inout State) -> ClauseNumber? {
        if var open = state.paragraphClause {
            defer { state.paragraphClause = open }
            return open.levels.place(label).flatMap { ClauseNumber(parts: open.number.parts, labels: $0) }
        }
        if var open = state.headingClause {
            defer { state.headingClause = open }
            return open.levels.place(label).flatMap { ClauseNumber(parts: open.number.parts, labels: $0) }
        }
        return nil
    }

    /// A sub-clause's claim: a label repeated at the same place (a list that
    /// restarts under each definition) stays plain text, with a warning.
    private func claim(_ number: ClauseNumber, form: Clause.Form, node: inout MarkdownNode, state: inout State, diagnostics: inout [Diagnostic], label: SubClauseLabel) -> Bool {
        let line = node.line + bodyFirstLine - 1
        if let first = state.clauseLines[number] {
            diagnostics.append(.warning("sub-clause \(number) is labelled twice in this document (first on line \(first)); this one is left as plain text", in: path, line: line, column: max(node.column, 1)))
            return false
        }
        return claim(number, form: form, node: &node, state: &state, diagnostics: &diagnostics)
    }

    /// `1. (1) In this code…`: a clause whose own text starts with a label
    /// opens its first sub-clause at once. The label's text gets the
    /// sub-clause's id, since the block already carries the clause's.
    /// `offset` is the written number's length in the block's first text.
    private func openLabelAfterNumber(_ offset: Int, in node: inout MarkdownNode, state: inout State, diagnostics: inout [Diagnostic]) {
        guard let first = node.children.first, case .text(let text) = first.kind else { return }
        let utf8 = text.utf8
        let numberEnd = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        var start = numberEnd
        while start < utf8.endIndex, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        if ClauseNumber.startsWithDash(utf8[start...]) { start = utf8.index(start, offsetBy: 3) }
        guard let label = SubClauseLabel.leading(in: text[start...]) else { return }
        guard let number = place(label, state: &state) else { return }
        let line = node.line + bodyFirstLine - 1
        if let earlier = state.clauseLines[number] {
            diagnostics.append(.warning("sub-clause \(number) is labelled twice in this document (first on line \(earlier)); this one is left as plain text", in: path, line: line, column: max(node.column, 1)))
            return
        }
        let labelEnd = utf8.index(start, offsetBy: label.writtenLength)
        var pieces: [MarkdownNode] = []
        // The number, what stands between it and the label, the label, the rest: the number stays a text of its own to become its link.
        if numberEnd > utf8.startIndex { pieces.append(MarkdownNode(.text(String(text[..<numberEnd])), line: first.line, column: first.column)) }
        if start > numberEnd { pieces.append(MarkdownNode(.text(String(text[numberEnd..<start])), line: first.line, column: first.column)) }
        pieces.append(MarkdownNode(.text(String(text[start..<labelEnd])), line: first.line, column: first.column, id: number.anchor))
        if labelEnd < utf8.endIndex { pieces.append(MarkdownNode(.text(String(text[labelEnd...])), line: first.line, column: first.column)) }
        node.children.replaceSubrange(0..<1, with: pieces)
        state.clauseLines[number] = line
        state.usedIDs.insert(number.anchor)
        state.clauses.append(Clause(number: number, form: .label, line: line, column: max(node.column, 1)))
    }
}
