import Foundation

/// The id of a heading without a number (SPEC §4): lower-cased, accents
/// removed, apostrophes dropped, every other run of characters that are not
/// letters or digits one `-`, trimmed.
enum HeadingSlug {
    static func make(_ text: String) -> String {
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// The rule itself, for any text.
    static func unicodeSlug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out += String(scalar).lowercased()
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// The same slug for ASCII text, made on its bytes: decomposing the text
    /// and asking each character's Unicode properties cost tens of thousands
    /// of instructions a heading. In ASCII the letters and digits are the
    /// alphabetic and decimal characters, and nothing is a combining mark.
    static func asciiSlug(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: "'") { continue }
            let isLetter = byte &- 65 < 26 || byte &- 97 < 26, isDigit = byte &- 48 < 10
            if isLetter || isDigit {
                if pendingDash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(byte &- 65 < 26 ? byte + 32 : byte)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
