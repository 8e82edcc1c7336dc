import Foundation
import ProtositeSearch
import ProtositeMarkdown

/// A document held from one stage to a later one. In a large site every
/// tree is held from parse to page, and a tree of Swift values costs about
/// three times its Markdown; packed into bytes (`PackedMarkdown`) it costs
/// a little more than its text, paid for by packing and unpacking once
/// more a stage. Below `BuildContext.packBudget` trees are held as they are.
enum KeptDocument: Sendable {
    case tree(ProtocolDocument)
    /// The document with an empty body, and its body packed.
    case packed(ProtocolDocument, PackedMarkdown)

    init(_ document: ProtocolDocument, packing: Bool) {
        guard packing else {
            self = .tree(document)
            return
        }
        var outline = document
        outline.body = MarkdownDocument(root: MarkdownNode(.document))
        self = .packed(outline, PackedMarkdown(document.body))
    }

    /// The document as it was kept.
    var document: ProtocolDocument {
        switch self {
        case .tree(let document):
            return document
        case .packed(var document, let body):
            document.body = body.unpacked()
            return document
        }
    }
}

extension KeptDocument {
    /// Each kept document as it was, unpacked on all cores.
    static func documents(_ kept: [KeptDocument]) -> [ProtocolDocument] {
        let slots = ResultSlots<ProtocolDocument>(count: kept.count)
        DispatchQueue.concurrentPerform(iterations: kept.count) { index in
            slots.set(index, kept[index].document)
        }
        return slots.values
    }
}
