import Foundation

/// Gives each paragraph of a Word document, in order, the label Word
/// draws before it: its own `w:numPr`, else the numbering its style (or a
/// style it is based on) carries; `numId 0` switches numbering off; the
/// level is the paragraph's, else its style's, else the level that names
/// the style, else 0. Counters run across the whole document.
struct WordParagraphNumbers {
    let styles: WordStyles
    private var counter: WordListCounter
    private var missing: Set<String> = []
    private(set) var warnings: [ImportWarning] = []

    init(styles: WordStyles, numbering: WordNumbering) {
        self.styles = styles
        counter = WordListCounter(numbering)
    }

    /// The paragraph's style id (its `w:pStyle`, else the default style).
    func styleID(of paragraph: XMLElementNode) -> String {
        paragraph.child("w:pPr")?.child("w:pStyle")?.attribute("val") ?? styles.defaultParagraphStyle ?? ""
    }

    /// The label of a paragraph at `line` (for warnings); advances the counters.
    mutating func label(of paragraph: XMLElementNode, line: Int) -> WordLabel? {
        let style = styleID(of: paragraph)
        if styles.chain(style).looped, !missing.contains("style:" + style) {
            missing.insert("style:" + style)
            warnings.append(ImportWarning(line: line, column: 1, message: "style '\(styles.name(style))' is based on itself through its 'basedOn' chain; read up to the loop"))
        }
        let own = paragraph.child("w:pPr")?.child("w:numPr")
        var fromStyle = styles.numbering(style)
        if fromStyle.numID == nil, let link = counter.numbering.styleLinks[style] { fromStyle = (link.numID, link.level) }
        guard let numID = own?.child("w:numId")?.attribute("val") ?? fromStyle.numID, numID != "0" else { return nil }
        let level = own?.child("w:ilvl")?.attribute("val").flatMap(Int.init)
            ?? (own?.child("w:numId") == nil ? fromStyle.level : nil)
            ?? counter.numbering.levelIndex(numID: numID, style: style)
            ?? fromStyle.level
            ?? 0
        guard let label = counter.next(numID: numID, level: level) else {
            if !missing.contains(numID) {
                missing.insert(numID)
                warnings.append(ImportWarning(line: line, column: 1, message: "numbering \(numID) level \(level) is not defined in word/numbering.xml; the paragraph is imported without its number"))
            }
            return nil
        }
        if case .other(let format) = label.format, !missing.contains("format:" + format) {
            missing.insert("format:" + format)
            warnings.append(ImportWarning(line: line, column: 1, message: "Word's number format '\(format)' is written in digits (\(label.text)); check the label"))
        }
        return label
    }
}
