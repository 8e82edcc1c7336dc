/// cmark-gfm 0.29 keeps no footnote labels in its tree: it renumbers each
/// reference to its footnote's order ("1", "2", …), moves the referenced
/// definitions to the end in that order, drops the unreferenced ones, and
/// gives definitions no label at all. The author's labels (`[^4]`) are
/// read back from the source so ids stay stable when footnotes are added.
enum FootnoteLabels {
    static func restore(in document: MarkdownDocument, source: [UInt8]) -> MarkdownDocument {
        var document = document
        let lineStarts = lineOffsets(source)
        var labels: [String] = []
        for index in document.blocks.indices {
            guard case .footnoteDefinition = document.blocks[index].kind else { continue }
            let node = document.blocks[index]
            let label = labelAt(line: node.line, source: source, lineStarts: lineStarts) ?? String(labels.count + 1)
            labels.append(label)
            document.blocks[index].kind = .footnoteDefinition(label: label)
        }
        document.root = relabel(document.root, labels: labels)
        return document
    }

    private static func relabel(_ node: MarkdownNode, labels: [String]) -> MarkdownNode {
        var node = node
        if case .footnoteReference(let number) = node.kind, let n = Int(number), n >= 1, n <= labels.count {
            node.kind = .footnoteReference(label: labels[n - 1])
        }
        if !node.children.isEmpty {
            node.children = node.children.map { relabel($0, labels: labels) }
        }
        return node
    }

    private static func lineOffsets(_ source: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in source.enumerated() where byte == 0x0A { starts.append(index + 1) }
        return starts
    }

    /// The label of the `[^label]:` on a 1-based line.
    private static func labelAt(line: Int, source: [UInt8], lineStarts: [Int]) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        // cmark gives the column of the footnote's text; the label starts
        // earlier on the line, after any indentation or container marker.
        var index = lineStarts[line - 1]
        while index < source.count, source[index] != UInt8(ascii: "["), source[index] != 0x0A { index += 1 }
        guard index + 2 < source.count, source[index] == UInt8(ascii: "["), source[index + 1] == UInt8(ascii: "^") else { return nil }
        var end = index + 2
        while end < source.count, source[end] != UInt8(ascii: "]"), source[end] != 0x0A { end += 1 }
        guard end < source.count, source[end] == UInt8(ascii: "]"), end > index + 2 else { return nil }
        return String(decoding: source[(index + 2)..<end], as: UTF8.self)
    }
}
