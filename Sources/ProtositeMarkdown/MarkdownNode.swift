/// A node of a parsed Markdown document: the cmark-gfm syntax tree copied
/// into Swift values, so nothing after parsing touches a C pointer.
public struct MarkdownNode: Sendable, Equatable {
    /// What the node is, with the data that belongs to that kind.
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        indirect case list(ordered: Bool, start: Int, tight: Bool)
        case item
        indirect case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case footnoteDefinition(label: String)
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        indirect case link(destination: String, title: String)
        indirect case image(destination: String, title: String)
        case footnoteReference(label: String)
        /// Markup protosite itself makes (permalinks, back links); never the
        /// author's raw HTML, which arrives as `htmlBlock`/`htmlInline`.
        case trustedHTML(String)
        /// A link protosite made from a cross reference or a content-file
        /// link, rendered with a class so readers and tests can tell it apart.
        /// `label` is the accessible name when the text alone says too little
        /// (a reference's "2.2" is read as "Standing Orders, clause 2.2").
        indirect case siteLink(destination: String, className: String, label: String?)
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// Where the node starts in the Markdown body (1-based line and column,
    /// counted in bytes as cmark-gfm counts them).
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    // A large site keeps every tree from parse to page, so a node's size
    // is the site's: positions fit in 32 bits (no protocol over 8 MB is
    // built), and the kinds that carry more than one string are
    // boxed (`indirect`), which brings a node from 96 bytes to 56.
    private var storedLine: Int32
    private var storedColumn: Int32
    /// The element id the renderer writes (`clause-4.8`, `press-and-media`).
    public var id: String?

    public init(_ kind: Kind, children: [MarkdownNode] = [], line: Int = 0, column: Int = 0, id: String? = nil) {
        self.kind = kind
        self.id = id
        self.children = children
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    /// True for nodes that hold running text (paragraph content, emphasis, …).
    public var isInline: Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong,
             .strikethrough, .link, .image, .footnoteReference, .trustedHTML, .siteLink:
            return true
        default:
            return false
        }
    }

    /// The text a reader sees in this node and its descendants, with soft
    /// breaks as spaces and footnote marks left out.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s): out += s
        case .softBreak, .lineBreak: out += " "
        case .codeBlock(_, let literal): out += literal
        case .footnoteReference, .htmlInline, .htmlBlock, .trustedHTML: break
        default:
            for (index, child) in children.enumerated() {
                if index > 0, !child.isInline, !out.isEmpty, out.last != " " { out += " " }
                child.appendPlainText(to: &out)
            }
        }
    }
}

/// Column alignment of a GFM table.
public enum TableAlignment: Sendable, Equatable {
    case none, left, center, right
}

/// A parsed Markdown document.
public struct MarkdownDocument: Sendable, Equatable {
    /// The `document` node; its children are the top-level blocks.
    public var root: MarkdownNode

    public init(root: MarkdownNode) {
        self.root = root
    }

    /// The top-level blocks. Yielded in place, so editing one block through
    /// `blocks[i]` does not copy the whole array (that made linking a
    /// 100,000-clause file quadratic).
    public var blocks: [MarkdownNode] {
        _read { yield root.children }
        _modify { yield &root.children }
    }
}
