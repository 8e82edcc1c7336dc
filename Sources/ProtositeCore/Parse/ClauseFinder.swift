import Foundation
import ProtositeMarkdown

/// Finds the clauses and headings of a document (SPEC §4 "Clauses") and
/// writes their ids into the tree: `clause-4.8` for clauses, the heading slug
/// for headings without a number.
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

    private struct State {
        var clauses: [Clause] = []
        var headings: [HeadingEntry] = []
        var usedIDs: Set<String> = []
        var clauseLines: [ClauseNumber: Int] = [:]
    }

    private func visit(_ node: inout MarkdownNode, topLevel: Bool, numberedHeadings: Bool, state: inout State, diagnostics: inout [Diagnostic]) {
        switch node.kind {
        case .heading(let level):
            let text = node.plainText
            if let (number, length) = ClauseNumber.leading(in: text, minimumParts: 1) {
                if claim(number, form: .heading(level: level), node: &node, state: &state, diagnostics: &diagnostics) {
                    _ = length
                    state.headings.append(HeadingEntry(level: level, text: SectionWalker.headingText(node, isClause: true), anchor: number.anchor, clause: number))
                }
            } else {
                var base = HeadingSlug.make(text)
                if base.isEmpty { base = "section" }
                var id = base
                var counter = 2
                while state.usedIDs.contains(id) {
                    id = "\(base)-\(counter)"
                    counter += 1
                }
                state.usedIDs.insert(id)
                node.id = id
                state.headings.append(HeadingEntry(level: level, text: text, anchor: id, clause: nil))
            }
        case .paragraph:
            if let (number, _) = ClauseNumber.leading(in: node.plainText, minimumParts: 2) {
                _ = claim(number, form: .paragraph, node: &node, state: &state, diagnostics: &diagnostics)
            }
        case .list(let ordered, let start, _):
            for index in node.children.indices {
                var item = node.children[index]
                if let first = item.children.first, case .paragraph = first.kind,
                   let (number, _) = ClauseNumber.leading(in: first.plainText, minimumParts: 2) {
                    _ = claim(number, form: .listItem, node: &item, state: &state, diagnostics: &diagnostics)
                    for child in item.children.indices.dropFirst() {
                        visit(&item.children[child], topLevel: false, numberedHeadings: numberedHeadings, state: &state, diagnostics: &diagnostics)
                    }
                } else {
                    if ordered, topLevel, !numberedHeadings, let number = ClauseNumber(parts: [start + index]) {
                        _ = claim(number, form: .listItem, node: &item, state: &state, diagnostics: &diagnostics)
                    }
                    for child in item.children.indices {
                        visit(&item.children[child], topLevel: false, numberedHeadings: numberedHeadings, state: &state, diagnostics: &diagnostics)
                    }
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

    /// Records a clause and gives the node its id; a number used twice is an error.
    private func claim(_ number: ClauseNumber, form: Clause.Form, node: inout MarkdownNode, state: inout State, diagnostics: inout [Diagnostic]) -> Bool {
        let line = node.line + bodyFirstLine - 1
        if let first = state.clauseLines[number] {
            diagnostics.append(.error("clause \(number) is numbered twice in this document (first on line \(first))", in: path, line: line, column: max(node.column, 1)))
            return false
        }
        state.clauseLines[number] = line
        state.usedIDs.insert(number.anchor)
        node.id = number.anchor
        state.clauses.append(Clause(number: number, form: form, line: line, column: max(node.column, 1)))
        return true
    }
}
