import Foundation

/// A counter's value as Word writes it in one number format: `3`, `c`,
/// `iii`. Letters past `z` repeat as Word repeats them (`aa`, `bb`, …
/// `aaa`), which is also how model documents continue after `z`.
enum WordNumberText {
    /// Beyond this many repeats of one letter Word's form says nothing a
    /// reader can use, and the label's length would grow with the list:
    /// such counters are written in digits.
    static let maximumLetterRepeats = 30

    static func write(_ value: Int, as format: WordNumbering.Format) -> String {
        switch format {
        case .decimal, .other: return String(value)
        case .decimalZero: return value < 10 && value >= 0 ? "0" + String(value) : String(value)
        case .lowerLetter: return letters(value) ?? String(value)
        case .upperLetter: return letters(value)?.uppercased() ?? String(value)
        case .lowerRoman: return roman(value) ?? String(value)
        case .upperRoman: return roman(value)?.uppercased() ?? String(value)
        case .bullet, .none: return ""
        }
    }

    /// 1 → a, 26 → z, 27 → aa, 53 → aaa.
    static func letters(_ value: Int) -> String? {
        guard value >= 1 else { return nil }
        let repeats = (value - 1) / 26 + 1
        guard repeats <= maximumLetterRepeats else { return nil }
        let letter = Character(UnicodeScalar(UInt8(97 + (value - 1) % 26)))
        return String(repeating: letter, count: repeats)
    }

    /// 4 → iv, 1990 → mcmxc; values Word clamps (0, above 32767) in digits.
    static func roman(_ value: Int) -> String? {
        guard value >= 1, value <= WordNumbering.maximumStart + 100_000 else { return nil }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = value
        var out = ""
        for (amount, numeral) in table {
            while rest >= amount {
                out += numeral
                rest -= amount
            }
        }
        return out
    }
}
