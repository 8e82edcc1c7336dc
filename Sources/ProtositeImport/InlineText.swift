import Foundation

/// The text inside a block, as the importer writes it: superscript
/// footnote marks as GFM footnotes, bare addresses as autolinks, and the
/// characters that would open Markdown structure at a paragraph's start
/// escaped. Everything else stays as the document wrote it.
enum InlineText {
    static let superscripts: [Character: Character] = ["¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0"]

    /// Footnote marks and bare addresses; everything else as written.
    static func inline(_ text: String) -> String {
        var out = ""
        var pendingDigits = ""
        for character in text {
            if let digit = superscripts[character] {
                pendingDigits.append(digit)
                continue
            }
            if !pendingDigits.isEmpty { out += "[^\(pendingDigits)]"; pendingDigits = "" }
            out.append(character)
        }
        out = escapeHTML(out)
        if !pendingDigits.isEmpty { out += "[^\(pendingDigits)]" }
        return autolink(out)
    }

    /// `<` escaped wherever it could open raw HTML (`<script>`, `<!--`,
    /// `<?`), as the Word importer escapes it: a document sent to the clerk
    /// is not trusted to put markup on the council's site, and with
    /// `unsafe_html: true` it would pass. An autolink `<https://…>` stays.
    static func escapeHTML(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var out = ""
        var rest = Substring(text)
        while let at = rest.firstIndex(of: "<") {
            out += rest[..<at]
            let after = rest[rest.index(after: at)...]
            let lower = after.prefix(8).lowercased()
            let escaped = out.hasSuffix("\\")
            if !escaped, !(lower.hasPrefix("http://") || lower.hasPrefix("https://")), let next = after.first, next.isLetter || next == "/" || next == "!" || next == "?" {
                out += "\\<"
            } else {
                out += "<"
            }
            rest = after
        }
        return out + rest
    }

    /// `https://…` becomes `<https://…>` unless it already is one.
    static func autolink(_ text: String) -> String {
        guard text.contains("http") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "https://") ?? rest.range(of: "http://") {
            let before = rest[..<range.lowerBound]
            out += before
            var end = range.lowerBound
            while end < rest.endIndex, !rest[end].isWhitespace, rest[end] != ">" { end = rest.index(after: end) }
            var url = String(rest[range.lowerBound..<end])
            var trailing = ""
            while let last = url.last, ".,;:)".contains(last) { trailing = String(last) + trailing; url.removeLast() }
            if before.hasSuffix("<") { out += url } else { out += "<\(url)>" }
            out += trailing
            rest = rest[end...]
        }
        return out + rest
    }

    /// Characters that would start Markdown structure at the start of a
    /// paragraph: a heading, quote, list, table, fence, HTML block,
    /// thematic break or footnote definition.
    static func escapeStart(_ text: String) -> String {
        // An address made an autolink (`<https://…>`) stays one.
        if text.hasPrefix("<http://") || text.hasPrefix("<https://") { return text }
        for prefix in ["#", ">", "+ ", "=", "|", "<", "`", "~", "- ", "* ", "_", "[^", "***", "---"] where text.hasPrefix(prefix) { return "\\" + text }
        // `1. text` and `1) text` would be an ordered list.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = text.dropFirst(digits.count)
            if after.hasPrefix(") ") || after == ")" {
                return String(digits) + "\\" + after
            }
        }
        return text
    }

    /// `¹ Unless the context…`: a footnote's text, by its mark.
    static func footnoteDefinition(_ text: String) -> (String, String)? {
        var label = ""
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        while let first = rest.first, let digit = superscripts[first] {
            label.append(digit)
            rest = rest.dropFirst()
        }
        guard !label.isEmpty, rest.first == " " else { return nil }
        return (label, rest.trimmingCharacters(in: .whitespaces))
    }

    static func isAllCaps(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy { $0.isUppercase }
    }

    /// The articles, conjunctions and short prepositions a title keeps in
    /// small letters (`Dignity at Work Policy`), but as its first word or
    /// the first after a colon or dash.
    static let minorWords: Set<String> = [
        "a", "an", "the", "and", "but", "or", "nor", "as", "at", "by", "for", "from", "in", "into",
        "of", "on", "per", "to", "via", "with", "between",
    ]

    /// "CHESHIRE COUNCILLOR-OFFICER PROTOCOL" → "Cheshire Councillor-Officer Protocol",
    /// "DIGNITY AT WORK POLICY" → "Dignity at Work Policy"; other lines as written.
    static func titleCase(_ text: String) -> String {
        guard isAllCaps(text) else { return text }
        let acronyms: Set<String> = ["rfo", "lga", "uk", "nalc", "slcc", "gdpr", "ict"]
        let words = text.lowercased().split(separator: " ", omittingEmptySubsequences: false)
        return words.enumerated().map { index, word in
            let opensPhrase = index == 0 || words[index - 1].last.map { ":–—-".contains($0) } == true
            if !opensPhrase, minorWords.contains(String(word)) { return String(word) }
            // Capitalise each part of hyphenated and slashed words.
            var out = ""
            var capitalise = true
            var part = ""
            func finish() {
                out += acronyms.contains(part.lowercased()) ? part.uppercased() : part
                part = ""
            }
            for character in word {
                if character.isLetter {
                    part.append(capitalise ? Character(character.uppercased()) : character)
                    capitalise = false
                } else {
                    finish()
                    out.append(character)
                    capitalise = "-/(".contains(character)
                }
            }
            finish()
            return out
        }.joined(separator: " ")
    }
}
