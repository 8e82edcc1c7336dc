import Foundation

/// A PDF export of a page set in columns runs several sub-clauses into one
/// line: `… the law allows. B    Members of the public … in all. D    A
/// person …`. Each label there begins a sub-clause of its own, so the line
/// is cut before it. A label counts only where a sentence has just ended
/// and a wide gap follows it (two spaces after a punctuated label, three
/// after a bare letter), which ordinary prose does not produce: `1(J)(ii)
/// and (iii) and` stays one piece.
enum LabelSplitter {
    /// The pieces of one line: the first is the text before any label (it
    /// may be empty when the line is nothing else), each later piece starts
    /// with a label or a two-part clause number. Linear in the line length.
    static func split(_ line: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = line.startIndex
        var index = line.startIndex
        var lastNonSpace: Character?
        var beforeLastNonSpace: Character?
        while index < line.endIndex {
            let character = line[index]
            guard character == " " || character == "\t" else {
                beforeLastNonSpace = lastNonSpace
                lastNonSpace = character
                index = line.index(after: index)
                continue
            }
            // A run of spaces: does a sentence end before it and a label start after it?
            let runStart = index
            while index < line.endIndex, line[index] == " " || line[index] == "\t" { index = line.index(after: index) }
            guard index < line.endIndex, runStart > start, endsSentence(lastNonSpace, beforeLastNonSpace) else { continue }
            let candidate = line[index...]
            if startsRunTogether(candidate) {
                pieces.append(line[start..<runStart])
                start = index
            }
        }
        pieces.append(line[start...])
        return pieces
    }

    /// A full stop, colon, semicolon, question or exclamation mark, maybe
    /// inside a closing quote or bracket.
    private static func endsSentence(_ last: Character?, _ beforeLast: Character?) -> Bool {
        guard let last else { return false }
        if ".:;?!".contains(last) { return true }
        if "\"'”’)".contains(last), let beforeLast { return ".:;?!".contains(beforeLast) }
        return false
    }

    /// A label followed by a gap (two spaces when punctuated, three when
    /// bare) and text, or a two-part number (`5.2`) followed by two spaces.
    static func startsRunTogether(_ text: Substring) -> Bool {
        if let (label, rest, gap) = ExportLabel.leading(in: text), !rest.isEmpty {
            return label.style == .bare ? gap >= 3 : gap >= 2
        }
        if let (number, _) = TextImporter.leadingNumber(String(text.prefix(12))), number.split(separator: ".").count >= 2 {
            let after = text.drop { !($0 == " " || $0 == "\t") }
            return after.prefix { $0 == " " || $0 == "\t" }.count >= 2
        }
        return false
    }
}
