/// A clause number: the dotted run (`4`, `4.8`, `2.2.1`) and, for a
/// sub-clause, its labels below that (`1(j)(ii)`, `4.1(a)`, `10(2)(a)(ix)`).
/// Written forms `4.0`, `4.`, `4.0.` all mean clause `4`; labels are kept
/// lower-cased, since `1(K)` and `1(k)` are one sub-clause.
public struct ClauseNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The dotted parts, trailing zeros removed: `[4, 8]`.
    public var parts: [Int]
    /// The sub-clause labels, outermost first, lower-cased: `["j", "ii"]`.
    public var labels: [String]

    /// At most this many labels below a clause: the deepest model documents
    /// use four (`10(2)(a)(ix)(aa)` has four), and a bound keeps ids short.
    public static let maximumLabels = 6

    public init?(parts: [Int], labels: [String] = []) {
        var parts = parts
        while parts.count > 1, parts.last == 0 { parts.removeLast() }
        guard !parts.isEmpty, labels.count <= Self.maximumLabels,
              labels.allSatisfy(Self.isLabelKey) else { return nil }
        self.parts = parts
        self.labels = labels
    }

    /// Reads `4.8`, `4.0`, `4.`, `1.1.` (not `4.8a`, not a year `2015`).
    /// Read on the bytes: every clause number of every page is read this
    /// way, and splitting into substrings and counting characters cost
    /// thousands of instructions a number.
    public init?(_ text: Substring) {
        guard let parts = Self.parts(of: text.utf8) else { return nil }
        self.init(parts: parts)
    }

    /// The parts of a dotted number's bytes (a last `.` allowed), or nil.
    private static func parts<Bytes: BidirectionalCollection<UInt8>>(of text: Bytes) -> [Int]? {
        var bytes = text[...]
        if bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        // At most eight parts, each of digits only, none empty.
        var parts: [Int] = []
        var value = 0, digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts.count < 7 else { return nil }
                parts.append(value)
                value = 0
                digits = 0
            } else if byte >= 48 && byte <= 57 {
                digits += 1
                guard digits <= maximumDigits(part: parts.count) else { return nil }
                value = value * 10 + Int(byte - 48)
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        parts.append(value)
        return parts
    }

    public init?(_ text: String) { self.init(Substring(text)) }

    /// Reads an element id, `clause-4.8` or `clause-1-j-ii`: the dotted
    /// number, then each label after a `-`.
    /// On the bytes, as `init(_:)` is: every clause's id is read again by
    /// the page that links it.
    public init?(anchor: String) {
        let utf8 = anchor.utf8
        guard utf8.starts(with: "clause-".utf8) else { return nil }
        let body = anchor.utf8.dropFirst(7)
        let dash = body.firstIndex(of: UInt8(ascii: "-")) ?? body.endIndex
        // Read as bytes throughout: making substrings of the id cost more than the rest.
        guard let parts = Self.parts(of: body[..<dash]) else { return nil }
        var labels: [String] = []
        var start = dash
        while start < body.endIndex {
            let from = body.index(after: start)
            let end = body[from...].firstIndex(of: UInt8(ascii: "-")) ?? body.endIndex
            labels.append(String(decoding: body[from..<end], as: UTF8.self))
            start = end
        }
        self.init(parts: parts, labels: labels)
    }

    /// Reads the cited form, `1(j)(ii)`, `4.1(a)`, `10(2)`, or a plain `4.8`.
    public init?(cited text: String) {
        guard let open = text.firstIndex(of: "(") else {
            self.init(text)
            return
        }
        guard let base = ClauseNumber(text[..<open]), text.last == ")" else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let labels = inner.split(separator: ")(", omittingEmptySubsequences: false).map { $0.lowercased() }
        self.init(parts: base.parts, labels: labels)
    }

    /// A first part of four digits is a year (`2015`); later parts may be
    /// long (`1.1000` in a very long schedule).
    static func maximumDigits(part: Int) -> Int {
        part == 0 ? 3 : 6
    }

    /// A label as ids carry it: one to six lower-case letters or digits
    /// (`xxviii` is the longest roman numeral a label may be).
    static func isLabelKey(_ label: String) -> Bool {
        !label.isEmpty && label.utf8.count <= 6 && label.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
    }

    /// `4.8`, `1(j)(ii)`
    public var description: String {
        parts.map(String.init).joined(separator: ".") + labels.map { "(" + $0 + ")" }.joined()
    }

    /// The element id: `clause-4.8`, `clause-1-j-ii`.
    public var anchor: String {
        // Made directly: every clause's anchor is asked for several times a build.
        var anchor = "clause-"
        for (index, part) in parts.enumerated() {
            if index > 0 { anchor += "." }
            anchor += String(part)
        }
        for label in labels {
            anchor += "-"
            anchor += label
        }
        return anchor
    }

    /// True for a lettered, roman or bracketed sub-clause.
    public var isSubClause: Bool { !labels.isEmpty }

    /// The clause this sub-clause belongs to (`1(j)` for `1(j)(ii)`), nil for a clause.
    public var parent: ClauseNumber? {
        guard !labels.isEmpty else { return nil }
        return ClauseNumber(parts: parts, labels: Array(labels.dropLast()))
    }

    /// The same clause with one more label below it.
    public func adding(_ label: String) -> ClauseNumber? {
        ClauseNumber(parts: parts, labels: labels + [label])
    }

    /// Numbers first, then labels, each label by its length then its text,
    /// so that `1(b)` comes before `1(aa)` and `1(ii)` before `1(iii)`.
    public static func < (a: ClauseNumber, b: ClauseNumber) -> Bool {
        if a.parts != b.parts { return a.parts.lexicographicallyPrecedes(b.parts) }
        for (x, y) in zip(a.labels, b.labels) where x != y {
            return (x.utf8.count, x) < (y.utf8.count, y)
        }
        return a.labels.count < b.labels.count
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
        // `7.—(1) A member must…`, as statutory instruments (and the Welsh
        // model code of conduct) write a clause whose text opens a sub-clause.
        let dashAfterDot = digitsInPart == 0 && startsWithDash(text.utf8[end...])
        guard parts >= minimumParts || dashAfterDot else { return nil }
        if end < utf8.endIndex, !dashAfterDot {
            let next = utf8[end]
            guard next == 32 || next == 9 || next == 10 || next == 0xC2 else { return nil }
        }
        // The number read from the bytes as they are: a substring of the text
        // would be rounded to whole characters first, at a cost a line.
        guard let parts = Self.parts(of: utf8[utf8.startIndex..<end]), let number = ClauseNumber(parts: parts) else { return nil }
        return (number, utf8.distance(from: utf8.startIndex, to: end))
    }

    /// An en or em dash followed by a bracketed label: `—(1)`, `–(a)`.
    static func startsWithDash(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var head = bytes.makeIterator()
        guard head.next() == 0xE2, head.next() == 0x80 else { return false }
        let dash = head.next()
        return (dash == 0x93 || dash == 0x94) && head.next() == UInt8(ascii: "(")
    }
}
