/// A clause number: digits with dots, `4`, `4.8`, `2.2.1`. Written forms
/// `4.0`, `4.`, `4.0.` all mean clause `4`.
public struct ClauseNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The parts, trailing zeros removed: `[4, 8]`.
    public var parts: [Int]

    public init?(parts: [Int]) {
        var parts = parts
        while parts.count > 1, parts.last == 0 { parts.removeLast() }
        guard !parts.isEmpty else { return nil }
        self.parts = parts
    }

    /// Reads `4.8`, `4.0`, `4.`, `1.1.` (not `4.8a`, not a year `2015`).
    public init?(_ text: Substring) {
        var body = text
        if body.last == "." { body = body.dropLast() }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !pieces.isEmpty, pieces.count <= 8 else { return nil }
        var parts: [Int] = []
        for (index, piece) in pieces.enumerated() {
            guard !piece.isEmpty, piece.count <= Self.maximumDigits(part: index), piece.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            parts.append(Int(piece)!)
        }
        self.init(parts: parts)
    }

    public init?(_ text: String) { self.init(Substring(text)) }

    /// A first part of four digits is a year (`2015`); later parts may be
    /// long (`1.1000` in a very long schedule).
    static func maximumDigits(part: Int) -> Int {
        part == 0 ? 3 : 6
    }

    /// `4.8`
    public var description: String { parts.map(String.init).joined(separator: ".") }

    /// The element id: `clause-4.8`.
    public var anchor: String { "clause-" + description }

    public static func < (a: ClauseNumber, b: ClauseNumber) -> Bool {
        a.parts.lexicographicallyPrecedes(b.parts)
    }
}

extension ClauseNumber {
    /// The clause number a block's text starts with, and the length of the
    /// written number (`"2.0 THE ROLE"` → (2, 3)). `minimumParts` is 2 for
    /// paragraphs (`2.1 Text`), 1 for headings (`2. Roles`). The number must be
    /// followed by white space or end the text; a first part of four digits
    /// is a year, not a clause.
    static func leading(in text: String, minimumParts: Int) -> (ClauseNumber, Int)? {
        let utf8 = text.utf8
        var end = utf8.startIndex
        var parts = 0
        var digitsInPart = 0
        var sawDigit = false
        while end < utf8.endIndex {
            let byte = utf8[end]
            if byte >= 48 && byte <= 57 {
                digitsInPart += 1
                if digitsInPart > maximumDigits(part: parts) { return nil }
                sawDigit = true
            } else if byte == 46, digitsInPart > 0 {
                parts += 1
                digitsInPart = 0
            } else {
                break
            }
            end = utf8.index(after: end)
        }
        guard sawDigit else { return nil }
        if digitsInPart > 0 { parts += 1 }
        guard parts >= minimumParts else { return nil }
        if end < utf8.endIndex {
            let next = utf8[end]
            guard next == 32 || next == 9 || next == 10 || next == 0xC2 else { return nil }
        }
        let written = String(text[text.startIndex..<end])
        guard let number = ClauseNumber(written) else { return nil }
        return (number, written.utf8.count)
    }
}
