import CCmarkGFM
import Foundation

/// Parses Markdown with cmark-gfm. This file owns every cmark pointer: each
/// one is created and freed inside `parse`, and only Swift values leave it.
public enum MarkdownParser {
    /// The GFM extensions every parser gets. `tagfilter` matters only when the
    /// author's raw HTML is rendered (unsafe_html); it is attached so cmark
    /// treats the text as GitHub does.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// cmark-gfm edits a process-wide table of special characters on every
    /// parse, so two parses at once silently lose inlines: all parsing in the
    /// process goes through this lock.
    private static let lock = NSLock()

    private static let registered: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Why a document was not accepted.
    public enum Failure: Error, Equatable, Sendable {
        /// Blocks or inlines nested deeper than `maximumDepth`, first at this body line.
        case nestedTooDeep(line: Int, depth: Int)
    }

    /// Deeper nesting than any real document needs; it bounds the recursion
    /// of every later stage (worker threads have small stacks).
    public static let maximumDepth = 128

    /// Parses a Markdown body (no front matter) into a document tree.
    ///
    /// - Parameter text: the Markdown, already known to be valid UTF-8.
    public static func parse(_ text: String, maximumDepth: Int = MarkdownParser.maximumDepth) throws(Failure) -> MarkdownDocument {
        _ = registered
        // Strikethrough as GitHub reads it: one tilde or two (`~struck~`).
        // CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE would leave `~struck~` as
        // current text. A lone `~` (`~5 metres`, `approx ~ 10`) has no
        // partner it can close with, so it stays as written.
        let options = CMARK_OPT_FOOTNOTES
        var bytes = Array(text.utf8)
        // Only cmark-gfm's own parsing needs the lock; reading the finished
        // tree into Swift values, most of the work, runs on every core.
        let parsed: (parser: OpaquePointer, root: OpaquePointer?)? = lock.withLock {
            guard let parser = cmark_parser_new(options) else { return nil }
            for name in extensionNames {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    cmark_parser_feed(parser, chars, buffer.count)
                }
            }
            return (parser, cmark_parser_finish(parser))
        }
        guard let parsed else { return MarkdownDocument(root: MarkdownNode(.document)) }
        defer { cmark_parser_free(parsed.parser) }
        guard let root = parsed.root else { return MarkdownDocument(root: MarkdownNode(.document)) }
        defer { cmark_node_free(root) }
        if let failure = tooDeep(root, limit: maximumDepth) { throw failure }
        return FootnoteLabels.restore(in: MarkdownDocument(root: convert(root)), source: bytes)
    }

    /// The first node nested deeper than `limit`, found without recursion.
    private static func tooDeep(_ root: OpaquePointer, limit: Int) -> Failure? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            var depth = 0
            var parent = cmark_node_parent(node)
            while let current = parent, depth <= limit {
                depth += 1
                parent = cmark_node_parent(current)
            }
            if depth > limit {
                var line = Int(cmark_node_get_start_line(node))
                var up = cmark_node_parent(node)
                while line == 0, let current = up {
                    line = Int(cmark_node_get_start_line(current))
                    up = cmark_node_parent(current)
                }
                return .nestedTooDeep(line: line, depth: depth)
            }
        }
        return nil
    }

    /// Copies a cmark node and its subtree into Swift values. Iterative over
    /// siblings, recursive over depth (callers bound the nesting).
    private static func convert(_ node: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current))
            child = cmark_node_next(current)
        }
        return MarkdownNode(
            kind(of: node),
            children: children,
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node))
        )
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0
            )
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition(label: string(cmark_node_get_literal(node)))
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: return .image(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: string(cmark_node_get_literal(node)))
        default:
            break
        }
        // Extension nodes have no public type constants: compare their names.
        switch string(cmark_node_get_type_string(node)) {
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [TableAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for index in 0..<columns {
                    switch raw[index] {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            return .table(alignments: alignments)
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .text(string(cmark_node_get_literal(node)))
        }
    }
}
