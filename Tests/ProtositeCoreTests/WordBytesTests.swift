import Testing
@testable import ProtositeCore

/// Word boundaries as the linker reads them, byte by byte.
@Suite("Word bytes")
struct WordBytesTests {
    /// The masks say exactly what the rule says, for every byte.
    @Test func aWordByteIsADigitALetterAnUnderscoreOrPartOfANonASCIICharacter() {
        for value in 0...255 {
            let byte = UInt8(value)
            let rule = (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
            #expect(WordBytes.isWordByte(byte) == rule, "byte \(value)")
        }
    }

    /// Scanners try the places where a word may start: after one that
    /// starts a word, the next is where that word ends.
    @Test func theNextPlaceAfterAWordStartIsTheWordsEnd() {
        let text = Array("café—4.8 see".utf8)
        #expect(WordBytes.nextPlace(text, after: 0) == 5) // past "café" (é is two bytes)
        #expect(WordBytes.nextPlace(text, after: 5) == 6) // the dash: one byte on
        #expect(WordBytes.nextPlace(text, after: 8) == 9) // "4" ends at the point
        #expect(WordBytes.nextPlace(text, after: 12) == 15)
    }

    @Test func punctuationAndSpacesBeyondASCIIEndWords() {
        let text = Array("café\u{00A0}4.8—see × clause".utf8)
        #expect(WordBytes.isWordCharacter(text, at: 0))
        #expect(WordBytes.isWordCharacter(text, at: 3)) // é
        #expect(!WordBytes.isWordCharacter(text, at: 5)) // no-break space
        let dash = text.firstIndex(of: 0xE2)!
        #expect(!WordBytes.isWordCharacter(text, at: dash))
        let times = text.firstIndex(of: 0xC3, after: dash)!
        #expect(!WordBytes.isWordCharacter(text, at: times))
        #expect(!WordBytes.isWordCharacter(text, at: -1) && !WordBytes.isWordCharacter(text, at: text.count))
    }
}

private extension Array where Element == UInt8 {
    func firstIndex(of byte: UInt8, after start: Int) -> Int? {
        self[(start + 1)...].firstIndex(of: byte)
    }
}
