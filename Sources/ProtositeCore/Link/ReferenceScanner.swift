/// Finds clause references in running text (SPEC §4 "Cross references"):
/// `paragraph 5`, `paragraphs 4.8 to 4.11`, `paras 2.1, 2.2 and 2.5`,
/// `§4.8`, `clause 3(a)`, `standing orders 13`, `5.6 above`, with what
/// follows deciding the document: `of this Protocol`, `of the TITLE`, or
/// anything else after `of` (external). A number whose first part has four
/// digits is a year; an Act just before the word makes it external.
struct ReferenceScanner {
    /// Where a reference's numbers point.
    enum Target: Equatable {
        /// The document the text stands in.
        case current
        /// Another protocol (by slug), named by title, alias or citing word.
        case document(String)
        /// Something outside the site: not linked, no warning.
        case external
    }

    struct Reference: Equatable {
        /// Each number's bytes in the scanned text and the clause it names.
        var numbers: [NumberAt]
        var target: Target
        /// The whole reference, word to qualifier, so mentions do not overlap it.
        var span: Range<Int>
    }

    struct NumberAt: Equatable {
        /// The written number, labels included (`1(J)(ii)`), or a bare `(iii)`.
        var range: Range<Int>
        var number: ClauseNumber
        /// True when at least one label was written in brackets (`3(a)`, not `3C`).
        var hasBracketedLabel: Bool
    }

    let vocabulary: ReferenceVocabulary

    func scan(_ text: [UInt8]) -> [Reference] {
        var found: [Reference] = []
        var index = 0
        while index < text.count {
            // Nothing starts at white space: half the places in a text, turned
            // away before the word tests below (which would turn them away too).
            if text[index] == 0x20 || text[index] == 0x0A || text[index] == 0x09 {
                index += 1
                continue
            }
            guard startsWord(text, at: index) else {
                index += 1
                continue
            }
            if let reference = keywordReference(text, at: index) {
                found.append(reference)
                index = max(reference.span.upperBound, index + 1)
            } else if let reference = bareReference(text, at: index) {
                found.append(reference)
                index = reference.span.upperBound
            } else {
                index = WordBytes.nextPlace(text, after: index)
            }
        }
        return found
    }

    // MARK: - The two forms

    /// `paragraph 4.8 …`: a citing word, numbers, and a qualifier.
    private func keywordReference(_ text: [UInt8], at start: Int) -> Reference? {
        guard let word = vocabulary.word(at: start, in: text) else { return nil }
        var cursor = start + word.bytes.count
        let isSection = word.bytes.first == 0xC2 // §
        if !isSection, !WordBytes.boundary(text, cursor) { return nil }
        let spaces = skipSpaces(text, from: cursor)
        if !isSection, spaces == cursor { return nil }
        cursor = spaces
        guard let (numbers, end) = numberList(text, from: cursor) else { return nil }
        var target: Target
        switch word.target {
        case .current: target = .current
        case .declaredBy(let slug): target = .document(slug)
        }
        let (qualified, qualifierEnd) = qualifier(text, from: end)
        if let qualified { target = qualified }
        if actPrecedes(text, before: start) { target = .external }
        return Reference(numbers: numbers, target: target, span: start..<max(end, qualifierEnd))
    }

    /// A number with no citing word before it: `5.6 above` / `4.2 below`
    /// (two or more parts), or a sub-clause number, one with at least one
    /// bracketed label (`as described in 10(2)(c)(i)`). A year never is
    /// one (`Regulations 1990(1)`), nor a number tied to a word no document
    /// declares (`regulation 12(3)`, `Schedule 2(1)`).
    private func bareReference(_ text: [UInt8], at start: Int) -> Reference? {
        guard start < text.count, isDigit(text[start]) else { return nil }
        if start > 0 {
            switch text[start - 1] {
            case UInt8(ascii: "."), UInt8(ascii: ","), 0xA3 /* £ */, UInt8(ascii: "$"): return nil
            default: break
            }
        }
        guard let (number, end) = clauseNumber(text, from: start) else { return nil }
        if number.number.isSubClause, number.hasBracketedLabel, followsPlainWords(text, before: start) {
            guard let (numbers, listEnd) = numberList(text, from: start) else { return nil }
            var target = Target.current
            let (qualified, qualifierEnd) = qualifier(text, from: listEnd)
            if let qualified { target = qualified }
            if actPrecedes(text, before: start) { target = .external }
            return Reference(numbers: numbers, target: target, span: start..<max(listEnd, qualifierEnd))
        }
        guard number.number.parts.count >= 2, !number.number.isSubClause else { return nil }
        let after = skipSpaces(text, from: end)
        guard after > end else { return nil }
        for word in Self.directionWords where matches(word, in: text, at: after) {
            let wordEnd = after + word.count
            if !WordBytes.boundary(text, wordEnd) { continue }
            return Reference(numbers: [number], target: .current, span: start..<wordEnd)
        }
        return nil
    }

    /// Words after which a bare number is a reference: the start of a
    /// sentence or clause, or a word that leads into one (`in`, `under`,
    /// `see`). After any other word the number is that word's (`Schedule
    /// 2(1)`, `regulation 12(3)` where no document declares `regulation`).
    private static let leadingWords: Set<[UInt8]> = Set(["in", "under", "see", "and", "or", "to", "of", "with", "by", "per", "at", "from", "also",
                                                           "than", "within", "following", "including", "cf", "as", "on", "is", "are", "apply", "applies",
                                                           "accordance", "pursuant", "subject"].map { Array($0.utf8) })

    private func followsPlainWords(_ text: [UInt8], before start: Int) -> Bool {
        var cursor = start
        while cursor > 0, text[cursor - 1] == 0x20 || text[cursor - 1] == 0x09 { cursor -= 1 }
        guard cursor > 0 else { return true }
        let end = cursor
        while cursor > 0, isLetter(text[cursor - 1]) { cursor -= 1 }
        guard cursor < end else {
            // Punctuation before: `(`, `,`, `;`, `:` start a clause of the sentence; `.` does too.
            return [UInt8(ascii: "("), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "\n")].contains(text[end - 1])
        }
        guard cursor == 0 || !isLetter(text[cursor - 1]) && text[cursor - 1] < 0x80 else { return false }
        let word = text[cursor..<end].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return Self.leadingWords.contains(word)
    }

    // MARK: - Numbers

    /// One or more numbers joined by `,` `and` `or` `to` `-` `–` `&`. A
    /// bare label in the list takes its siblings' parent: `5(i) and (j)` is
    /// `5(i)` and `5(j)`; `4(1) to (3)` is `4(1)` and `4(3)`.
    private func numberList(_ text: [UInt8], from start: Int) -> ([NumberAt], Int)? {
        guard let (first, firstEnd) = clauseNumber(text, from: start) else { return nil }
        var numbers = [first]
        var end = firstEnd
        while let next = separatorEnd(text, from: end) {
            if let (number, numberEnd) = clauseNumber(text, from: next) {
                numbers.append(number)
                end = numberEnd
            } else if let previous = numbers.last?.number, previous.isSubClause,
                      let (labels, labelsEnd) = bracketedLabels(text, from: next), !labels.isEmpty, WordBytes.boundary(text, labelsEnd),
                      let number = ClauseNumber(parts: previous.parts, labels: previous.labels.dropLast() + labels) {
                numbers.append(NumberAt(range: next..<labelsEnd, number: number, hasBracketedLabel: true))
                end = labelsEnd
            } else {
                break
            }
        }
        return (numbers, end)
    }

    private static let separatorWords: [[UInt8]] = ["and", "or", "to", "&"].map { Array($0.utf8) }

    private func separatorEnd(_ text: [UInt8], from start: Int) -> Int? {
        var cursor = skipSpaces(text, from: start)
        guard cursor < text.count else { return nil }
        var punctuation = false
        if text[cursor] == UInt8(ascii: ",") || text[cursor] == UInt8(ascii: "-") {
            cursor += 1
            punctuation = true
        } else if matches([0xE2, 0x80, 0x93], in: text, at: cursor) || matches([0xE2, 0x80, 0x94], in: text, at: cursor) {
            cursor += 3 // – or —
            punctuation = true
        }
        cursor = skipSpaces(text, from: cursor)
        for word in Self.separatorWords where matches(word, in: text, at: cursor) {
            let end = cursor + word.count
            if !WordBytes.boundary(text, end) { continue }
            let after = skipSpaces(text, from: end)
            if after > end || word == [UInt8(ascii: "&")] { return after }
        }
        return punctuation ? cursor : nil
    }

    /// A clause number and its sub-clause labels: `4.8`, `3(a)`, `1(J)(ii)`,
    /// `4.1(a)`, `10(2)(a)(ix)`, a letter written against the number (`3C`,
    /// `3a`, `4D(viii)`). Nil for a year (first part of four or more
    /// digits), money or a measurement glued to letters (`5th`, `3pm`).
    private func clauseNumber(_ text: [UInt8], from start: Int) -> (NumberAt, Int)? {
        var cursor = start
        var parts: [Int] = []
        while true {
            var digits = 0
            var value = 0
            while cursor < text.count, isDigit(text[cursor]) {
                digits += 1
                // Too long for a clause number, and checked before it can overflow
                // an Int (a 50-digit run crashed here: found by fuzzing).
                if digits > ClauseNumber.maximumDigits(part: parts.count) { return nil }
                value = value * 10 + Int(text[cursor] - 48)
                cursor += 1
            }
            guard digits > 0 else { return nil }
            parts.append(value)
            if cursor + 1 < text.count, text[cursor] == UInt8(ascii: "."), isDigit(text[cursor + 1]) {
                cursor += 1
                continue
            }
            break
        }
        var labels: [String] = []
        // `3C`, `3a`, `4D(viii)`: one letter against the number is a label.
        if cursor < text.count, isLetter(text[cursor]), cursor + 1 >= text.count || text[cursor + 1] == UInt8(ascii: "(") || WordBytes.boundary(text, cursor + 1) {
            labels.append(String(UnicodeScalar(text[cursor] | 0x20)))
            cursor += 1
        }
        let (bracketed, end) = bracketedLabels(text, from: cursor) ?? ([], cursor)
        labels += bracketed
        cursor = end
        if !WordBytes.boundary(text, cursor) { return nil }
        guard let number = ClauseNumber(parts: parts, labels: labels) else { return nil }
        return (NumberAt(range: start..<cursor, number: number, hasBracketedLabel: !bracketed.isEmpty), cursor)
    }

    /// `(a)(ii)`: labels in brackets, each a letter, doubled letter, roman
    /// numeral or number. Nil when the text does not start with one.
    private func bracketedLabels(_ text: [UInt8], from start: Int) -> ([String], Int)? {
        var cursor = start
        var labels: [String] = []
        while cursor < text.count, text[cursor] == UInt8(ascii: "("), labels.count < ClauseNumber.maximumLabels {
            var inner = cursor + 1
            while inner < text.count, inner - cursor <= 7, isLetter(text[inner]) || isDigit(text[inner]) { inner += 1 }
            guard inner < text.count, text[inner] == UInt8(ascii: ")"),
                  let label = SubClauseLabel.label(inner: text[(cursor + 1)..<inner], writtenLength: inner + 1 - cursor) else { break }
            labels.append(label.key)
            cursor = inner + 1
        }
        return labels.isEmpty ? nil : (labels, cursor)
    }

    // MARK: - What follows and what precedes

    private static let directionWords: [[UInt8]] = ["above", "below"].map { Array($0.utf8) }

    private static let documentWords: [[UInt8]] = ["protocol", "policy", "procedure", "document", "code", "regulations", "orders", "rules", "scheme"].map { Array($0.utf8) }

    /// `above`, `below`, `of this …`, `of the TITLE`, `of TITLE`, `of …`.
    private func qualifier(_ text: [UInt8], from start: Int) -> (Target?, Int) {
        let cursor = skipSpaces(text, from: start)
        for word in Self.directionWords where matches(word, in: text, at: cursor) {
            let end = cursor + word.count
            if WordBytes.boundary(text, end) { return (.current, end) }
        }
        guard cursor > start, matchesWord("of", in: text, at: cursor) else { return (nil, start) }
        var after = skipSpaces(text, from: cursor + 2)
        guard after > cursor + 2, after < text.count else { return (nil, start) }
        if matchesWord("this", in: text, at: after) || matchesWord("these", in: text, at: after) {
            return (.current, after + 4)
        }
        // `of TITLE` or `of the TITLE`, the longest name that fits.
        for candidate in [after, matchesWord("the", in: text, at: after) ? skipSpaces(text, from: after + 3) : -1] where candidate >= 0 {
            if let (slug, end) = vocabulary.names.longestMatch(in: text, at: candidate), boundaryAfter(text, end) {
                return (.document(slug), end)
            }
        }
        // `of the Protocol`: the document itself, as `of this Protocol`.
        if matchesWord("the", in: text, at: after) {
            after = skipSpaces(text, from: after + 3)
            if let word = Self.documentWords.first(where: { matches($0, in: text, at: after) && boundaryAfter(text, after + $0.count) }) {
                let end = after + word.count
                let next = skipSpaces(text, from: end)
                // "of the Protocol on …" or "of the Code of Conduct" name something else.
                if next >= text.count || !(isUpper(text[next]) || matchesWord("of", in: text, at: next) || matchesWord("on", in: text, at: next)) {
                    return (.current, end)
                }
            }
        }
        return (.external, cursor + 2)
    }

    /// `VAT Act 1994 section 33`, `the 1972 Act, section 101`: the number is the Act's.
    private func actPrecedes(_ text: [UInt8], before start: Int) -> Bool {
        var cursor = start
        func back() { while cursor > 0, text[cursor - 1] == 0x20 || text[cursor - 1] == UInt8(ascii: ",") { cursor -= 1 } }
        back()
        var digits = 0
        while cursor > 0, isDigit(text[cursor - 1]) { cursor -= 1; digits += 1 }
        if digits > 0 && digits != 4 { return false }
        back()
        guard cursor >= 3, text[cursor - 3] == UInt8(ascii: "A"), text[cursor - 2] == UInt8(ascii: "c"), text[cursor - 1] == UInt8(ascii: "t") else { return false }
        return WordBytes.boundaryBefore(text, cursor - 3)
    }

    // MARK: - Bytes

    private func matches(_ word: [UInt8], in text: [UInt8], at index: Int) -> Bool {
        ReferenceVocabulary.matches(word, in: text, at: index)
    }

    private func matchesWord(_ word: StaticString, in text: [UInt8], at index: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index >= 0, index + count <= text.count else { return false }
        let bytes = word.utf8Start
        for offset in 0..<count {
            var byte = text[index + offset]
            if byte >= 65 && byte <= 90 { byte += 32 }
            if byte != bytes[offset] { return false }
        }
        return boundaryAfter(text, index + count)
    }

    private func boundaryAfter(_ text: [UInt8], _ index: Int) -> Bool {
        WordBytes.boundary(text, index)
    }

    private func startsWord(_ text: [UInt8], at index: Int) -> Bool {
        WordBytes.boundaryBefore(text, index) || text[index] == 0xC2
    }

    private func skipSpaces(_ text: [UInt8], from start: Int) -> Int {
        var cursor = start
        while cursor < text.count {
            if text[cursor] == 0x20 || text[cursor] == 0x09 { cursor += 1 }
            else if cursor + 1 < text.count, text[cursor] == 0xC2, text[cursor + 1] == 0xA0 { cursor += 2 } // no-break space
            else { break }
        }
        return cursor
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    private func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    private func isLetter(_ b: UInt8) -> Bool { isLower(b) || isUpper(b) }
}
