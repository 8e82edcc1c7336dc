import Foundation
import Testing
@testable import ProtositeSearch

@Suite("JSON strings")
struct JSONStringTests {
    /// Every byte class the writer treats apart, and text around each.
    static let samples = [
        "", "plain", "quote \" and \\ back", "tab\tline\nreturn\r", "\u{1}\u{1f}\u{7f}",
        "<script>&</script>", "line\u{2028}para\u{2029}end", "\u{2026} ellipsis — dash", "é 🌍 ü",
        // Every character of one and two bytes, and those that start with U+2028's lead byte.
        String(String.UnicodeScalarView((0..<0x800).compactMap(Unicode.Scalar.init))),
        String(String.UnicodeScalarView((0x2000..<0x2FFF).compactMap(Unicode.Scalar.init))),
    ]

    @Test(arguments: samples)
    func quotedTextReadsBackAsItWas(_ text: String) throws {
        let quoted = JSONString.quote(text)
        let value = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
        #expect(value == text)
        for unsafe in ["<", ">", "&", "\u{2028}", "\u{2029}", "\n"] { #expect(!quoted.contains(unsafe)) }
    }

    @Test func controlCharactersUseLowerCaseHex() {
        #expect(JSONString.quote("\u{1b}") == "\"\\u001b\"")
    }

    @Test(arguments: [0, 7, 10, 99, 100, 12345, Int.max, -42, Int.min + 1])
    func numbersAreWrittenInDecimal(_ number: Int) {
        var bytes: [UInt8] = []
        JSONString.append(number, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(number))
    }

    /// Numbers of up to five digits take the short ways: every one of them
    /// is written as `String` writes it.
    @Test func everyNumberBelowAHundredThousandIsWrittenInDecimal() {
        for number in -1000..<100_000 {
            var bytes: [UInt8] = []
            JSONString.append(number, to: &bytes)
            if String(decoding: bytes, as: UTF8.self) != String(number) {
                Issue.record("\(number) written as \(String(decoding: bytes, as: UTF8.self))")
                return
            }
        }
    }
}
