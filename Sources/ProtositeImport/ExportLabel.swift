import Foundation
import ProtositeCore

/// A sub-clause label at the start of a piece of text, as exports write
/// them: `a.`, `b)`, `(i)`, `(iv)`, `(1)`, `A.`, or a bare `A` / `iv`
/// followed by a wide gap (a PDF's tab stop). SPEC §4 "Sub-clauses" reads
/// labels from paragraphs that start with one, so the importer finds them
/// to give each its own paragraph.
struct ExportLabel: Equatable {
    enum Style: Equatable {
        /// `a.`
        case dotted
        /// `a)`
        case closing
        /// `(a)`
        case bracketed
        /// `A` followed by three or more spaces or a tab.
        case bare
    }

    /// The letters, roman numeral or digits: `a`, `iv`, `12`.
    var core: String
    var style: Style

    /// How the label is written in the Markdown: punctuated, never a form
    /// Markdown reads as a list (`1)` becomes `(1)`), a bare `A` becomes `A.`.
    var written: String {
        let digits = core.first?.isNumber == true
        switch style {
        case .bracketed: return "(\(core))"
        case .closing: return digits ? "(\(core))" : "\(core))"
        case .dotted, .bare: return digits ? "(\(core))" : "\(core)."
        }
    }

    /// Roman numerals `i` … `xxx`, the range SPEC §4 reads.
    /// A letter (`a`, `K`), a doubled letter (`aa`), a roman numeral in one
    /// case, or, when `digits` is allowed, one to three digits: exactly the
    /// labels the build's clause finder reads (`SubClauseLabel`).
    static func isCore(_ text: Substring, digits: Bool) -> Bool {
        SubClauseLabel.isLabel(text, allowDigits: digits)
    }

    /// The label at the very start of `text` (no leading spaces), the index
    /// after it and the spaces that follow it. The label must be followed
    /// by white space or end the text; a bare label needs three spaces or a
    /// tab, since `A person` and `I think` start ordinary sentences.
    static func leading(in text: Substring) -> (label: ExportLabel, rest: Substring, gap: Int)? {
        guard let first = text.first else { return nil }
        var label: ExportLabel?
        var after = text.startIndex
        if first == "(" {
            guard let close = text.prefix(8).firstIndex(of: ")") else { return nil }
            let core = text[text.index(after: text.startIndex)..<close]
            guard isCore(core, digits: true) else { return nil }
            label = ExportLabel(core: String(core), style: .bracketed)
            after = text.index(after: close)
        } else {
            let core = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            guard !core.isEmpty, core.count <= 6 else { return nil }
            after = core.endIndex
            if after < text.endIndex, text[after] == "." || text[after] == ")" {
                let closing = text[after] == ")"
                // `1.` opens a numbered clause or list item, not a label.
                guard isCore(core, digits: closing) else { return nil }
                label = ExportLabel(core: String(core), style: closing ? .closing : .dotted)
                after = text.index(after: after)
            } else {
                guard isCore(core, digits: false) else { return nil }
                label = ExportLabel(core: String(core), style: .bare)
            }
        }
        guard let found = label else { return nil }
        let rest = text[after...]
        let spaces = rest.prefix { $0 == " " || $0 == "\t" }
        let gap = spaces.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
        if found.style == .bare {
            guard gap >= 3, spaces.count < rest.count else { return nil }
        } else {
            guard gap >= 1 || rest.isEmpty else { return nil }
        }
        return (found, rest.dropFirst(spaces.count), gap)
    }
}
