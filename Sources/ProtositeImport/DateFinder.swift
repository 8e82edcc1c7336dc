import Foundation
import ProtositeCore

/// Finds the dates clerks write inside a sentence ("… on Wednesday the 3rd
/// day of January, 2024", "… held on 13th February 2019", "May 2027",
/// "22/09/2020") and gives each in a form the build's `DateParser` reads
/// (`3rd January 2024`), so front matter written from it always parses.
enum DateFinder {
    struct Found: Equatable {
        /// The date as front matter gets it.
        var text: String
        /// A day, not only a month.
        var isDay: Bool
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// The full month name for a name or a common abbreviation (`Sept`).
    static func month(_ word: Substring) -> String? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        for name in months where name == lower || (lower.count >= 3 && lower.count <= 4 && name.hasPrefix(lower) && lower != "mayo") {
            return name.prefix(1).uppercased() + name.dropFirst()
        }
        return nil
    }

    /// Every date in the text, in order. Only the first 400 characters are
    /// read: a date about the document stands in a short line.
    static func dates(in text: String) -> [Found] {
        let words = text.prefix(400).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".;:()[]*_\"'")) }
            .filter { !$0.isEmpty }
        var found: [Found] = []
        var index = 0
        func accept(_ candidate: String, isDay: Bool) -> Bool {
            guard case .success = DateParser.parse(candidate) else { return false }
            found.append(Found(text: candidate, isDay: isDay))
            return true
        }
        while index < words.count {
            let word = Substring(words[index])
            // 2020-09-22, 22/09/2020, 22.09.2020
            if word.first?.isNumber == true, word.contains(where: { $0 == "-" || $0 == "/" || $0 == "." }), accept(String(word), isDay: word.filter { $0 == "-" || $0 == "/" || $0 == "." }.count == 2) {
                index += 1
                continue
            }
            // 3rd [day] [of] January 2024
            if let day = ordinal(word) {
                var next = index + 1
                if next < words.count, words[next].lowercased() == "day" { next += 1 }
                if next < words.count, words[next].lowercased() == "of" { next += 1 }
                if next + 1 < words.count, let month = month(Substring(words[next])), isYear(words[next + 1]),
                   accept("\(day) \(month) \(words[next + 1])", isDay: true) {
                    index = next + 2
                    continue
                }
            }
            if let month = month(word) {
                // January 3rd 2024
                if index + 2 < words.count, let day = ordinal(Substring(words[index + 1])), isYear(words[index + 2]),
                   accept("\(day) \(month) \(words[index + 2])", isDay: true) {
                    index += 3
                    continue
                }
                // May 2027
                if index + 1 < words.count, isYear(words[index + 1]), accept("\(month) \(words[index + 1])", isDay: false) {
                    index += 2
                    continue
                }
            }
            index += 1
        }
        return found
    }

    /// `3`, `03`, `3rd`, `22nd`: the day as written.
    private static func ordinal(_ word: Substring) -> String? {
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where word.lowercased().hasSuffix(suffix) { digits = word.dropLast(2) }
        guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(word)
    }

    static func isYear(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy { $0.isASCII && $0.isNumber } && (word.hasPrefix("19") || word.hasPrefix("20"))
    }
}

