import Testing
@testable import ProtositeCore

@Suite("Clause numbers read from their bytes")
struct ClauseNumberReadingTests {
    /// How a clause number was read before it was read on bytes: split at
    /// the dots, each piece of digits only. The byte reader must agree.
    static func splitReading(_ text: String) -> ClauseNumber? {
        var body = Substring(text)
        if body.last == "." { body = body.dropLast() }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !pieces.isEmpty, pieces.count <= 8 else { return nil }
        var parts: [Int] = []
        for (index, piece) in pieces.enumerated() {
            guard !piece.isEmpty, piece.count <= ClauseNumber.maximumDigits(part: index), piece.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            parts.append(Int(piece)!)
        }
        return ClauseNumber(parts: parts)
    }

    @Test("Written forms read as the split reading reads them",
          arguments: ["4", "4.8", "4.0", "4.", "4.0.", "2.2.1", "1.2.3.4.5.6.7.8", "1.2.3.4.5.6.7.8.9", "1.2.3.4.5.6.7.8.", "", ".", "..",
                      "4..", ".4", "4.8a", "2015", "201", "1.1000", "1.1234567", "٣.٤", "4 .8", "4.8 ", "+4", "-4", "0", "0.0", "007.07"])
    func writtenForms(text: String) {
        #expect(ClauseNumber(text) == Self.splitReading(text), "\(text)")
    }

    @Test func everyShortStringOfDigitsDotsAndALetterReadsAlike() {
        let alphabet: [Character] = ["0", "1", "9", ".", "a"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(ClauseNumber(text) == Self.splitReading(text), "\(text)")
        }
    }

    /// How an id was read before it was read on bytes.
    static func splitAnchorReading(_ anchor: String) -> ClauseNumber? {
        guard anchor.hasPrefix("clause-") else { return nil }
        let pieces = anchor.dropFirst(7).split(separator: "-", omittingEmptySubsequences: false)
        guard let first = pieces.first, let base = ClauseNumber(first) else { return nil }
        return ClauseNumber(parts: base.parts, labels: pieces.dropFirst().map(String.init))
    }

    @Test("Ids read as the split reading reads them",
          arguments: ["clause-4.8", "clause-1-j-ii", "clause-10-2-a-ix", "clause-4", "clause-", "clause-4-", "clause-4--a", "clause--a",
                      "clause-4.8-A", "clause-4-abcdefg", "clause-4-a-b-c-d-e-f", "clause-4-a-b-c-d-e-f-g", "Clause-4", "press-and-media",
                      "clause-4.8-é", "clause-٣"])
    func ids(anchor: String) {
        #expect(ClauseNumber(anchor: anchor) == Self.splitAnchorReading(anchor), "\(anchor)")
    }

    @Test func everyShortIdOfDigitsDotsDashesAndLettersReadsAlike() {
        let alphabet: [Character] = ["1", "0", ".", "-", "a", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...10, using: &generator)
            let anchor = "clause-" + String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(ClauseNumber(anchor: anchor) == Self.splitAnchorReading(anchor), "\(anchor)")
        }
    }
}
