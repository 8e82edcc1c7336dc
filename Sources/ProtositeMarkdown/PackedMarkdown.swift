/// A Markdown tree folded into one byte buffer, for holding between the
/// build's stages. A tree of `MarkdownNode` values costs an allocation per
/// node and per string, about three times its Markdown's size; a large
/// site keeps every tree from parse to page, so at ten thousand protocols
/// the trees alone were over a third of a gigabyte. Packed, a tree is a
/// little larger than its text, and one allocation.
///
/// The layout is private to this file: each node is its kind's tag, its
/// position and id, the kind's fields, then its children, all counts and
/// numbers as LEB128 varints and strings as a length then UTF-8 bytes.
public struct PackedMarkdown: Sendable, Equatable {
    fileprivate var bytes: [UInt8]

    /// Bytes held.
    public var count: Int { bytes.count }

    public init(_ document: MarkdownDocument) {
        var writer = Writer()
        writer.node(document.root)
        // Held for stages, so held at its size: the writer's buffer grew
        // by doubling, and a third of it, on average, would be spare.
        let packed = writer.bytes
        bytes = [UInt8](unsafeUninitializedCapacity: packed.count) { buffer, count in
            _ = buffer.initialize(from: packed)
            count = packed.count
        }
    }

    /// The tree as it was packed (equal to it).
    public func unpacked() -> MarkdownDocument {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(buffer: buffer)
            return MarkdownDocument(root: reader.node())
        }
    }
}

private enum Tag: UInt8 {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak, table, tableRow, tableCell,
         footnoteDefinition, text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough, link, image,
         footnoteReference, trustedHTML, siteLink
}

/// Set in a tag byte when the node has an id.
private let hasID: UInt8 = 0x80

private struct Writer {
    var bytes: [UInt8] = []

    mutating func number(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            number(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func node(_ node: MarkdownNode) {
        let tag: Tag
        switch node.kind {
        case .document: tag = .document
        case .blockQuote: tag = .blockQuote
        case .list: tag = .list
        case .item: tag = .item
        case .codeBlock: tag = .codeBlock
        case .htmlBlock: tag = .htmlBlock
        case .paragraph: tag = .paragraph
        case .heading: tag = .heading
        case .thematicBreak: tag = .thematicBreak
        case .table: tag = .table
        case .tableRow: tag = .tableRow
        case .tableCell: tag = .tableCell
        case .footnoteDefinition: tag = .footnoteDefinition
        case .text: tag = .text
        case .softBreak: tag = .softBreak
        case .lineBreak: tag = .lineBreak
        case .code: tag = .code
        case .htmlInline: tag = .htmlInline
        case .emphasis: tag = .emphasis
        case .strong: tag = .strong
        case .strikethrough: tag = .strikethrough
        case .link: tag = .link
        case .image: tag = .image
        case .footnoteReference: tag = .footnoteReference
        case .trustedHTML: tag = .trustedHTML
        case .siteLink: tag = .siteLink
        }
        bytes.append(tag.rawValue | (node.id == nil ? 0 : hasID))
        number(node.line)
        number(node.column)
        if let id = node.id { string(id) }
        switch node.kind {
        case .list(let ordered, let start, let tight):
            bytes.append((ordered ? 1 : 0) | (tight ? 2 : 0))
            number(start)
        case .codeBlock(let info, let literal):
            string(info)
            string(literal)
        case .htmlBlock(let text), .text(let text), .code(let text), .htmlInline(let text), .trustedHTML(let text),
             .footnoteDefinition(label: let text), .footnoteReference(label: let text):
            string(text)
        case .heading(let level):
            number(level)
        case .table(let alignments):
            number(alignments.count)
            for alignment in alignments {
                switch alignment {
                case .none: bytes.append(0)
                case .left: bytes.append(1)
                case .center: bytes.append(2)
                case .right: bytes.append(3)
                }
            }
        case .tableRow(let isHeader):
            bytes.append(isHeader ? 1 : 0)
        case .link(let destination, let title), .image(let destination, let title):
            string(destination)
            string(title)
        case .siteLink(let destination, let className, let label):
            string(destination)
            string(className)
            bytes.append(label == nil ? 0 : 1)
            if let label { string(label) }
        case .document, .blockQuote, .item, .paragraph, .thematicBreak, .tableCell, .softBreak, .lineBreak, .emphasis, .strong,
             .strikethrough:
            break
        }
        number(node.children.count)
        for child in node.children { self.node(child) }
    }
}

/// Reads only what `Writer` wrote, in the same process: the bytes never
/// come from outside, so a malformed buffer is a bug, not bad input.
private struct Reader {
    let buffer: UnsafeBufferPointer<UInt8>
    var offset = 0

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func number() -> Int {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let next = byte()
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    mutating func string() -> String {
        let length = number()
        defer { offset += length }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
    }

    mutating func node() -> MarkdownNode {
        let first = byte()
        guard let tag = Tag(rawValue: first & ~hasID) else { preconditionFailure("a packed tree with an unknown tag") }
        let line = number(), column = number()
        let id = first & hasID != 0 ? string() : nil
        let kind: MarkdownNode.Kind
        switch tag {
        case .document: kind = .document
        case .blockQuote: kind = .blockQuote
        case .list:
            let flags = byte()
            kind = .list(ordered: flags & 1 != 0, start: number(), tight: flags & 2 != 0)
        case .item: kind = .item
        case .codeBlock: kind = .codeBlock(info: string(), literal: string())
        case .htmlBlock: kind = .htmlBlock(string())
        case .paragraph: kind = .paragraph
        case .heading: kind = .heading(level: number())
        case .thematicBreak: kind = .thematicBreak
        case .table:
            let count = number()
            kind = .table(alignments: (0..<count).map { _ in [.none, .left, .center, .right][Int(byte())] })
        case .tableRow: kind = .tableRow(isHeader: byte() != 0)
        case .tableCell: kind = .tableCell
        case .footnoteDefinition: kind = .footnoteDefinition(label: string())
        case .text: kind = .text(string())
        case .softBreak: kind = .softBreak
        case .lineBreak: kind = .lineBreak
        case .code: kind = .code(string())
        case .htmlInline: kind = .htmlInline(string())
        case .emphasis: kind = .emphasis
        case .strong: kind = .strong
        case .strikethrough: kind = .strikethrough
        case .link: kind = .link(destination: string(), title: string())
        case .image: kind = .image(destination: string(), title: string())
        case .footnoteReference: kind = .footnoteReference(label: string())
        case .trustedHTML: kind = .trustedHTML(string())
        case .siteLink:
            let destination = string(), className = string()
            kind = .siteLink(destination: destination, className: className, label: byte() != 0 ? string() : nil)
        }
        let count = number()
        var children: [MarkdownNode] = []
        children.reserveCapacity(count)
        for _ in 0..<count { children.append(node()) }
        return MarkdownNode(kind, children: children, line: line, column: column, id: id)
    }
}
