import Foundation

/// Words for search, exactly as the browser makes them (assets/search-text.js):
/// case and accent folding, apostrophes dropped, English word forms reduced
/// to a common stem, clause numbers kept whole. Tests/vectors holds the
/// cases both implementations are checked against.
public enum SearchText {
    static let stopWords: Set<String> = Set(("a about above after all also am an and any are as at be been being below but by can " +
        "could did do does doing for from had has have having he her him his how i if in into is it its me my no " +
        "nor not of off on once only or other our out over own same she should so some such than that the their " +
        "them then there these they this those through to too under until up very was we were what when where " +
        "which while who whom why will with would you your").split(separator: " ").map(String.init))

    /// Lower case, accents and apostrophes removed.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar == "'" || scalar == "\u{2018}" || scalar == "\u{2019}" { continue }
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    /// Words and clause numbers (`4.8`, `2.2.1`) of a text, folded, in order.
    public static func words(_ text: String) -> [String] {
        let scalars = Array(fold(text).unicodeScalars)
        var found: [String] = []
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        while index < scalars.count {
            if isDigit(index) {
                // \d+(\.\d+)+
                var end = index
                while isDigit(end) { end += 1 }
                var parts = 0
                while end + 1 < scalars.count, scalars[end] == ".", isDigit(end + 1) {
                    end += 1
                    while isDigit(end) { end += 1 }
                    parts += 1
                }
                if parts > 0 {
                    found.append(String(String.UnicodeScalarView(scalars[index..<end])))
                    index = end
                    continue
                }
            }
            if isWordScalar(scalars[index]) {
                var end = index
                while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
                found.append(String(String.UnicodeScalarView(scalars[index..<end])))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// `[\p{L}\p{N}]`
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// A light English stemmer: plural, -ed, -ing and -ly endings.
    public static func stem(_ word: String) -> String {
        let letters = Array(word)
        if letters.count <= 3 || (letters.first?.isASCII == true && letters.first!.isNumber) { return word }
        var w = word
        if w.hasSuffix("ies"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("sses") {
            w = String(w.dropLast(2))
        } else if w.hasSuffix("s"), !(w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is")) {
            w = String(w.dropLast())
        }
        if w.hasSuffix("ied"), w.count > 4 { return String(w.dropLast(3)) + "y" }
        for suffix in ["ingly", "edly", "ing", "ed"] where w.hasSuffix(suffix) {
            var base = String(w.dropLast(suffix.count))
            if base.count >= 3, base.contains(where: { "aeiouy".contains($0) }) {
                let tail = Array(base.suffix(2))
                if tail.count == 2, tail[0] == tail[1], isConsonant(tail[1]), !"lsz".contains(tail[1]) {
                    base.removeLast()
                }
                return base
            }
        }
        if w.hasSuffix("ly"), w.count > 5 { w = String(w.dropLast(2)) }
        return w
    }

    /// `[b-df-hj-km-np-tv-xz]`
    static func isConsonant(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue, ascii >= 97, ascii <= 122 else { return false }
        return !"aeiou".contains(c)
    }

    public static func isStopWord(_ word: String) -> Bool { stopWords.contains(word) }

    /// The index terms of a text: words, stop words out, stemmed.
    public static func terms(_ text: String) -> [String] {
        words(text).filter { !stopWords.contains($0) }.map(stem)
    }
}
