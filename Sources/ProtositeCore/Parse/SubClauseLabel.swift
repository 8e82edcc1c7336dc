/// A sub-clause label as an author writes it at the start of a paragraph
/// (SPEC §4 "Sub-clauses"): a letter or doubled letter (`a.`, `K)`,
/// `(aa)`), a roman numeral (`(iv)`, `iv.`), or digits in brackets (`(2)`).
/// Whether `i`, `v`, `x` (and `ii`, `xx`) are letters or numerals is not
/// the label's to say: `SubClauseLevels` decides from the labels before it.
public struct SubClauseLabel: Sendable, Equatable {
    /// The label's inner text, lower-cased: `iv` for `(IV)`.
    var key: String
    var isUppercase: Bool
    /// Bytes of the written label, brackets or dot included: 4 for `(iv)`.
    var writtenLength: Int

    /// The label's place in the alphabet, `a` 1 … `z` 26, then `aa` 27 …
    /// `zz` 52, as model documents continue after `z`; nil when it is not
    /// a letter or doubled letter.
    var letterOrdinal: Int? {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, first >= 97, first <= 122, bytes.allSatisfy({ $0 == first }) else { return nil }
        switch bytes.count {
        case 1: return Int(first) - 96
        case 2: return Int(first) - 96 + 26
        default: return nil
        }
    }

    /// The roman numeral's value, 1 … 30 (`i` … `xxx`); nil otherwise.
    var romanValue: Int? { Self.romanValues[key] }

    /// The number in `(2)`; nil otherwise.
    var digitValue: Int? {
        guard key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(key)
    }

    /// `i` … `xxx`, the numerals labels use (SPEC: "`i` … `xxx`").
    static let romanValues: [String: Int] = {
        let ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        let tens = ["", "x", "xx", "xxx"]
        var values: [String: Int] = [:]
        for value in 1...30 { values[tens[value / 10] + ones[value % 10]] = value }
        return values
    }()

    /// The label a paragraph's text starts with, when white space follows
    /// it. Digits count only in brackets: `2.` and `2)` start Markdown
    /// lists, and a paragraph starting `2.` is a clause number's business.
    static func leading(in text: Substring) -> SubClauseLabel? {
        let bytes = Array(text.utf8.prefix(12))
        guard let first = bytes.first else { return nil }
        let bracketed = first == UInt8(ascii: "(")
        var cursor = bracketed ? 1 : 0
        let innerStart = cursor
        while cursor < bytes.count, isAlphanumeric(bytes[cursor]) { cursor += 1 }
        let inner = bytes[innerStart..<cursor]
        guard !inner.isEmpty, inner.count <= 6, cursor < bytes.count else { return nil }
        let close = bytes[cursor]
        if bracketed {
            guard close == UInt8(ascii: ")") else { return nil }
        } else {
            guard close == UInt8(ascii: ".") || close == UInt8(ascii: ")") else { return nil }
        }
        cursor += 1
        guard cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0A || (bytes[cursor] == 0xC2 && cursor + 1 < bytes.count && bytes[cursor + 1] == 0xA0) else { return nil }
        return label(inner: inner, writtenLength: cursor, allowDigits: bracketed)
    }

    /// A label from its inner text (`iv`, `K`, `2`), as references write
    /// it: `(iv)`, or a capital against the number (`3C`).
    static func label(inner: ArraySlice<UInt8>, writtenLength: Int, allowDigits: Bool = true) -> SubClauseLabel? {
        guard !inner.isEmpty, inner.count <= 6 else { return nil }
        let isDigits = inner.allSatisfy { $0 >= 48 && $0 <= 57 }
        let isLower = inner.allSatisfy { $0 >= 97 && $0 <= 122 }
        let isUpper = inner.allSatisfy { $0 >= 65 && $0 <= 90 }
        guard isDigits ? (allowDigits && inner.count <= 3) : (isLower || isUpper) else { return nil }
        let key = String(decoding: inner.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        let label = SubClauseLabel(key: key, isUppercase: isUpper, writtenLength: writtenLength)
        guard isDigits || label.letterOrdinal != nil || label.romanValue != nil else { return nil }
        return label
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}

extension SubClauseLabel {
    /// Whether `inner` (`iv`, `K`, `aa`, `2`) is a label the build reads:
    /// the importer asks, so that what it writes as a label is one.
    public static func isLabel(_ inner: Substring, allowDigits: Bool) -> Bool {
        label(inner: ArraySlice(inner.utf8), writtenLength: inner.utf8.count, allowDigits: allowDigits) != nil
    }
}
