import ProtositeMarkdown

/// The running text of one inline container (a paragraph, heading or table
/// cell) as one byte string, so a reference split by emphasis
/// (`paragraph *4.8*`) is still found, with the way back from each byte to
/// the text node it came from.
///
/// Code spans, links, images, footnote marks and raw HTML are barriers: they
/// stand as a NUL byte, so nothing is found inside them or across them.
struct InlineText {
    /// A text node's place in `bytes`.
    struct Piece {
        var start: Int
        var count: Int
        /// Where the node starts in the Markdown body (1-based).
        var line: Int
        var column: Int
    }

    private(set) var bytes: [UInt8] = []
    /// One per text node, in the order `InlineText.visitTextNodes` meets them.
    private(set) var pieces: [Piece] = []

    init(_ container: MarkdownNode) {
        append(container.children)
    }

    private mutating func append(_ nodes: [MarkdownNode]) {
        for node in nodes {
            switch node.kind {
            case .text(let text):
                let utf8 = Array(text.utf8)
                pieces.append(Piece(start: bytes.count, count: utf8.count, line: node.line, column: node.column))
                bytes += utf8
            case .softBreak, .lineBreak:
                bytes.append(0x20)
            case .emphasis, .strong, .strikethrough:
                append(node.children)
            default:
                bytes.append(0)
            }
        }
    }

    /// The text node and offset inside it of a byte of `bytes`, or nil when
    /// the byte is not text (a break or barrier).
    func locate(_ offset: Int) -> (piece: Int, offset: Int)? {
        var low = 0, high = pieces.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let piece = pieces[mid]
            if offset < piece.start { high = mid - 1 } else if offset >= piece.start + piece.count { low = mid + 1 } else {
                return (mid, offset - piece.start)
            }
        }
        return nil
    }

    /// Body line and column of a byte, for diagnostics.
    func position(of offset: Int, fallbackLine: Int) -> (line: Int, column: Int) {
        guard let (index, inner) = locate(offset), pieces[index].line > 0 else { return (fallbackLine, 1) }
        return (pieces[index].line, pieces[index].column + inner)
    }

    /// The text between two offsets, as a reader sees it.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }
}

/// A link to put around part of a text node.
struct TextLink {
    /// Which text node (in `InlineText` order) and which bytes of it.
    var piece: Int
    var range: Range<Int>
    var destination: String
    var className: String
    /// The accessible name, when the linked text needs its context.
    var label: String? = nil
}

extension InlineText {
    /// Rewrites a container's inline children: the text links go in, and each
    /// existing link passes through `rewriteLink` (which may change its
    /// destination). Walks the nodes in the same order as `init`.
    static func apply(_ links: [TextLink], to container: inout MarkdownNode, rewriteLink: (inout MarkdownNode) -> Void) {
        let byPiece = Dictionary(grouping: links, by: \.piece)
        var ordinal = 0
        container.children = rewrite(container.children, links: byPiece, ordinal: &ordinal, rewriteLink: rewriteLink)
    }

    private static func rewrite(_ nodes: [MarkdownNode], links: [Int: [TextLink]], ordinal: inout Int, rewriteLink: (inout MarkdownNode) -> Void) -> [MarkdownNode] {
        var out: [MarkdownNode] = []
        out.reserveCapacity(nodes.count)
        for var node in nodes {
            switch node.kind {
            case .text(let text):
                let index = ordinal
                ordinal += 1
                guard let mine = links[index], !mine.isEmpty else {
                    out.append(node)
                    continue
                }
                let utf8 = Array(text.utf8)
                var cursor = 0
                for link in mine.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where link.range.lowerBound >= cursor {
                    if link.range.lowerBound > cursor {
                        out.append(MarkdownNode(.text(String(decoding: utf8[cursor..<link.range.lowerBound], as: UTF8.self)), line: node.line, column: node.column + cursor))
                    }
                    let inner = MarkdownNode(.text(String(decoding: utf8[link.range], as: UTF8.self)), line: node.line, column: node.column + link.range.lowerBound)
                    out.append(MarkdownNode(.siteLink(destination: link.destination, className: link.className, label: link.label), children: [inner], line: node.line, column: node.column + link.range.lowerBound))
                    cursor = link.range.upperBound
                }
                if cursor < utf8.count {
                    out.append(MarkdownNode(.text(String(decoding: utf8[cursor...], as: UTF8.self)), line: node.line, column: node.column + cursor))
                }
            case .emphasis, .strong, .strikethrough:
                node.children = rewrite(node.children, links: links, ordinal: &ordinal, rewriteLink: rewriteLink)
                out.append(node)
            case .link:
                rewriteLink(&node)
                out.append(node)
            default:
                out.append(node)
            }
        }
        return out
    }
}
