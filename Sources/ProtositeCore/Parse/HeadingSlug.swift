import Foundation

/// The id of a heading without a number (SPEC §4): lower-cased, accents
/// removed, apostrophes dropped, every other run of characters that are not
/// letters or digits one `-`, trimmed.
enum HeadingSlug {
    static func make(_ text: String) -> String {
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
}
