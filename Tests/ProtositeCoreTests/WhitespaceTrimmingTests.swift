import Foundation
import Testing
@testable import ProtositeCore

/// protosite trims front matter, dates and headings without Foundation's
/// `NSString` round trip; it must trim exactly what Foundation trims.
@Suite("Whitespace trimming")
struct WhitespaceTrimmingTests {
    /// Every scalar below U+3100 (Latin, punctuation, every space and
    /// line separator Unicode has there) and a few beyond, around text.
    static let scalars: [Unicode.Scalar] = (0..<0x3100).compactMap(Unicode.Scalar.init) + ["\u{FEFF}", "\u{1F600}", "\u{E9}"]

    @Test func eachScalarIsTrimmedAsFoundationTrimsIt() {
        for scalar in Self.scalars {
            let one = String(scalar)
            for text in [one + "a" + one, one + one + "b c" + one, one] {
                #expect(text.trimming(.whitespaces) == text.trimmingCharacters(in: .whitespaces), "U+\(String(scalar.value, radix: 16))")
                #expect(text.trimming(.whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test func substringsAndCombiningMarksAreTrimmedToo() {
        let text = "  title\u{301} \t"
        #expect(text.dropFirst().trimming(.whitespaces) == "title\u{301}")
        #expect(" \u{2003}Café\u{2028}\n".trimming(.whitespacesAndNewlines) == "Café")
        #expect(" \u{2003}Café\u{2028}\n".trimming(.whitespaces) == "Café\u{2028}\n")
        #expect("".trimming(.whitespaces) == "" && "   ".trimming(.whitespacesAndNewlines) == "")
    }
}
