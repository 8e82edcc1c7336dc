import Foundation

/// The paragraph styles of `word/styles.xml`, as far as import needs them:
/// names (Title, heading 1), outline levels, and the numbering a style
/// carries, each looked up through the `w:basedOn` chain as Word does. A
/// council's own "Clause" style based on a numbered one numbers its
/// paragraphs; a chain that loops (a hostile or damaged file) is cut at
/// the first style seen twice.
struct WordStyles {
    struct Style {
        var name: String
        var basedOn: String?
        /// `w:numPr/w:numId` (`"0"` switches numbering off).
        var numID: String?
        var level: Int?
        /// `w:outlineLvl`, 0 for a top heading.
        var outlineLevel: Int?
    }

    /// A chain longer than this is not a style sheet anyone made.
    static let maximumChain = 64

    var styles: [String: Style] = [:]
    /// The style of a paragraph that names none (`w:default="1"`).
    var defaultParagraphStyle: String?
    /// Style ids whose `basedOn` chain loops, to warn about once each.
    private(set) var loops: Set<String> = []

    init() {}

    init(_ root: XMLElementNode?) {
        guard let root else { return }
        for element in root.children where element.name == "w:style" {
            guard let id = element.attribute("styleId"), styles[id] == nil else { continue }
            guard (element.attribute("type") ?? "paragraph") == "paragraph" else { continue }
            let properties = element.child("w:pPr")
            let numbering = properties?.child("w:numPr")
            styles[id] = Style(
                name: element.child("w:name")?.attribute("val") ?? id,
                basedOn: element.child("w:basedOn")?.attribute("val"),
                numID: numbering?.child("w:numId")?.attribute("val"),
                level: numbering?.child("w:ilvl")?.attribute("val").flatMap(Int.init),
                outlineLevel: properties?.child("w:outlineLvl")?.attribute("val").flatMap(Int.init))
            if ["1", "true", "on"].contains(element.attribute("default") ?? "") { defaultParagraphStyle = id }
        }
        for id in styles.keys where chain(id).looped { loops.insert(id) }
    }

    /// The style and those it is based on, nearest first, stopping at a
    /// loop or a missing style.
    func chain(_ id: String) -> (styles: [(id: String, style: Style)], looped: Bool) {
        var out: [(id: String, style: Style)] = []
        var seen: Set<String> = []
        var next: String? = id
        while let current = next, let style = styles[current] {
            guard !seen.contains(current), out.count < Self.maximumChain else { return (out, true) }
            seen.insert(current)
            out.append((current, style))
            next = style.basedOn
        }
        return (out, false)
    }

    func name(_ id: String) -> String { styles[id]?.name ?? id }

    /// The numbering a style gives its paragraphs: the nearest `numId`
    /// and the nearest level in the chain.
    func numbering(_ id: String) -> (numID: String?, level: Int?) {
        let styles = chain(id).styles.map(\.style)
        return (styles.lazy.compactMap(\.numID).first, styles.lazy.compactMap(\.level).first)
    }

    /// A heading's level (1 for Heading 1): the style named `heading N`,
    /// else the nearest outline level in the chain (a council's "Part
    /// Heading" based on Heading 1 is a heading too).
    func headingLevel(_ id: String) -> Int? {
        let name = self.name(id).lowercased()
        if name.hasPrefix("heading"), let level = Int(name.dropFirst("heading".count).trimmingCharacters(in: .whitespaces)), (1...9).contains(level) {
            return level
        }
        guard let outline = chain(id).styles.lazy.compactMap(\.style.outlineLevel).first, (0...8).contains(outline) else { return nil }
        return outline + 1
    }
}
