import Foundation

/// Words for search, exactly as the browser makes them (assets/search-text.js):
/// case and accent folding, apostrophes dropped, English word forms reduced
/// to a common stem (the Snowball English stemmer), clause numbers (`4.8`) and sub-clause numbers (`1(k)`)
/// kept whole. Tests/vectors holds the cases both implementations are
/// checked against.
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

    /// Words, clause numbers (`4.8`, `2.2.1`) and sub-clause numbers
    /// (`1(k)`, `10(2)(a)(ix)`) of a text, folded, in order.
    public static func words(_ text: String) -> [String] {
        // Most protocol text is ASCII: the same rules, on bytes, many times faster.
        if isASCII(text) { return asciiWords(text) }
        let scalars = Array(fold(text).unicodeScalars)
        // Sub-clause numbers are ASCII through and through: read them on
        // bytes, with every other scalar a byte that fits no rule.
        let ascii = scalars.map { $0.isASCII ? UInt8($0.value) : 0 }
        var found: [String] = []
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        while index < scalars.count {
            if isDigit(index), let end = subClauseEnd(ascii, from: index) {
                found.append(String(decoding: ascii[index..<end], as: UTF8.self))
                index = end
                continue
            }
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

    /// `words` for ASCII text: lower case, apostrophes dropped, runs of
    /// letters and digits, clause numbers whole.
    static func asciiWords(_ text: String) -> [String] {
        var found: [String] = []
        asciiWordRanges(text) { bytes, range in found.append(String(decoding: bytes[range], as: UTF8.self)) }
        return found
    }

    /// Each word of an ASCII text, as a range of its lower-cased bytes
    /// (apostrophes dropped).
    static func asciiWordRanges(_ text: String, _ body: ([UInt8], Range<Int>) -> Void) {
        let bytes = folded(text)
        // Every byte of every entry's text passes here: read through the
        // buffer, not the array, so no byte pays a bounds check.
        let ranges = bytes.withUnsafeBufferPointer { buffer -> [Range<Int>] in
            let count = buffer.count
            @inline(__always) func isDigit(_ i: Int) -> Bool { i < count && buffer[i] &- 48 < 10 }
            @inline(__always) func isWord(_ i: Int) -> Bool { i < count && (buffer[i] &- 48 < 10 || buffer[i] &- 97 < 26) }
            var found: [Range<Int>] = []
            found.reserveCapacity(count / 5)
            var index = 0
            while index < count {
                if isDigit(index) {
                    if let end = subClauseEnd(bytes, from: index) {
                        found.append(index..<end)
                        index = end
                        continue
                    }
                    var end = index
                    while isDigit(end) { end += 1 }
                    var parts = 0
                    while end + 1 < count, buffer[end] == UInt8(ascii: "."), isDigit(end + 1) {
                        end += 1
                        while isDigit(end) { end += 1 }
                        parts += 1
                    }
                    if parts > 0 {
                        found.append(index..<end)
                        index = end
                        continue
                    }
                }
                if isWord(index) {
                    var end = index + 1
                    while isWord(end) { end += 1 }
                    found.append(index..<end)
                    index = end
                } else {
                    index += 1
                }
            }
            return found
        }
        for range in ranges { body(bytes, range) }
    }

    /// An ASCII text's bytes lower-cased, apostrophes dropped. Read from the
    /// string's own storage: stepping through `utf8` a byte at a time cost
    /// more than the words' look-ups.
    static func folded(_ text: String) -> [UInt8] {
        let fold = { (source: UnsafeBufferPointer<UInt8>) -> [UInt8] in
            [UInt8](unsafeUninitializedCapacity: source.count) { out, written in
                var count = 0
                for byte in source where byte != UInt8(ascii: "'") {
                    out[count] = byte &- 65 < 26 ? byte &+ 32 : byte
                    count += 1
                }
                written = count
            }
        }
        return text.utf8.withContiguousStorageIfAvailable(fold) ?? Array(text.utf8).withUnsafeBufferPointer(fold)
    }

    /// Whether every byte of a text is ASCII, read from its own storage.
    static func isASCII(_ text: String) -> Bool {
        let check = { (source: UnsafeBufferPointer<UInt8>) -> Bool in
            var any: UInt8 = 0
            for byte in source { any |= byte }
            return any < 0x80
        }
        return text.utf8.withContiguousStorageIfAvailable(check) ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Where a sub-clause number starting at `start` of folded bytes ends, if
    /// one does: a clause number whose first part has one to three digits
    /// (four would be a year: `1990(1)`), then one or more bracketed labels
    /// (`1(k)`, `4.1(a)`, `10(2)(a)(ix)`). The same rule as `SUB_CLAUSE` in
    /// search-text.js; the caller starts only where a word could start.
    static func subClauseEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
        var end = start
        while isDigit(end) { end += 1 }
        guard end - start >= 1, end - start <= 3 else { return nil }
        while end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(end + 1) {
            end += 1
            while isDigit(end) { end += 1 }
        }
        var labels = 0
        while end < bytes.count, bytes[end] == UInt8(ascii: "(") {
            var close = end + 1
            while close < bytes.count, close - end <= 6, isDigit(close) || (bytes[close] >= 97 && bytes[close] <= 122) { close += 1 }
            guard close < bytes.count, bytes[close] == UInt8(ascii: ")"), isLabel(bytes[(end + 1)..<close]) else { break }
            end = close + 1
            labels += 1
        }
        return labels > 0 ? end : nil
    }

    /// A sub-clause label, lower case: one to five characters that are a
    /// letter or doubled letter (`a`, `aa`), a roman numeral up to `xxxix`
    /// (`x{0,3}(ix|iv|v?i{0,3})`), or digits.
    static func isLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard (1...5).contains(label.count) else { return false }
        if label.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return true }
        guard label.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return false }
        if label.count == 1 || (label.count == 2 && label.first == label.last) { return true }
        var rest = label
        var tens = 0
        while tens < 3, rest.first == UInt8(ascii: "x") { rest = rest.dropFirst(); tens += 1 }
        // Tens alone (`xx`) are a numeral; otherwise the rest must be units.
        return rest.isEmpty || romanUnits.contains(String(decoding: rest, as: UTF8.self))
    }

    /// The units of a roman numeral: `ix`, `iv`, `v?i{0,3}`.
    static let romanUnits: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]

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

    /// English word forms reduced to a common stem by the Snowball English
    /// stemmer (`Porter2`); numbers, and words that start with a digit, are
    /// never stemmed (`4.8`, `1(k)`, `2020`).
    public static func stem(_ word: String) -> String {
        if let first = word.utf8.first, first >= 48, first <= 57 { return word }
        return Porter2.stem(word)
    }

    public static func isStopWord(_ word: String) -> Bool { stopWords.contains(word) }

    /// Whether a word is a sub-clause number: only they hold a bracket.
    public static func isSubClause(_ word: String) -> Bool { word.contains("(") }

    /// The index term of an entry's clause number: the one token a query
    /// makes of it (`1(K)` → `1(k)`), or, if the tokenizer would split it,
    /// the number folded as it is. As `clauseTerm` in search-text.js.
    public static func clauseTerm(_ clause: String) -> String {
        let found = words(clause)
        return found.count == 1 ? found[0] : fold(clause)
    }

    /// The index terms of a text: words, stop words out, stemmed.
    public static func terms(_ text: String) -> [String] {
        var stems = StemCache()
        return terms(text, stems: &stems)
    }

    /// `terms`, remembering each word's stem in `stems`: the stemmer is the
    /// costliest step of indexing, and a protocol repeats its words.
    public static func terms(_ text: String, stems: inout StemCache) -> [String] {
        guard isASCII(text) else {
            return words(text).filter { !stopWords.contains($0) }.map { stems.stem($0) }
        }
        var found: [String] = []
        asciiWordRanges(text) { bytes, range in
            let word = String(decoding: bytes[range], as: UTF8.self)
            guard !stopWords.contains(word) else { return }
            found.append(stems.stem(word))
        }
        return found
    }
}

/// Stems already worked out, by word; one per thread of indexing.
public struct StemCache {
    private var known: [String: String] = [:]

    public init() {}

    public mutating func stem(_ word: String) -> String {
        if let known = known[word] { return known }
        let stem = SearchText.stem(word)
        if known.count < 100_000 { known[word] = stem }
        return stem
    }
}

/// Each word's term in one run's term table, so a word met again costs one
/// look-up instead of four (stop word, stem, table, and the string made for
/// them). Indexing spent a tenth of a build on them.
struct WordTerms {
    let table: TermTable
    /// By folded word: its term's id, or `stopWord`.
    private var known = WordIDs()
    private let stems: SharedStems
    private static let stopWord = UInt32.max

    /// `stems` is read from the table beforehand, on the table's thread.
    init(table: TermTable, stems: SharedStems) {
        self.table = table
        self.stems = stems
    }

    /// The ids of `SearchText.terms(text)`, in order.
    mutating func forEachTerm(of text: String, _ body: (UInt32) -> Void) {
        guard SearchText.isASCII(text) else {
            for word in SearchText.words(text) where !SearchText.isStopWord(word) { body(table.id(stems.stem(word))) }
            return
        }
        SearchText.asciiWordRanges(text) { bytes, range in
            let id: UInt32
            if let seen = known.value(of: bytes, range) {
                id = seen
            } else {
                let word = String(decoding: bytes[range], as: UTF8.self)
                id = SearchText.isStopWord(word) ? Self.stopWord : table.id(stems.stem(word))
                if known.count < 100_000 { known.insert(bytes, range, value: id) }
            }
            if id != Self.stopWord { body(id) }
        }
    }
}
