/// Word boundaries in UTF-8 text: ASCII letters, digits and `_` join words,
/// and so do non-ASCII letters (`café`); dashes, no-break spaces, quotes and
/// other punctuation (U+00A0–U+00BF, U+2000–U+206F) do not.
enum WordBytes {
    // The linker asks this of every byte of every text, twice: as bit
    // masks (digits; letters and `_`), inlined, it costs a few instructions.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        if b < 64 { return (0x03FF_0000_0000_0000 as UInt64) >> b & 1 == 1 }
        if b < 128 { return (0x07FF_FFFE_87FF_FFFE as UInt64) >> (b - 64) & 1 == 1 }
        return true
    }

    /// Whether the character starting at `index` is part of a word.
    @inline(__always)
    static func isWordCharacter(_ text: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index < text.count else { return false }
        let b = text[index]
        if b < 0x80 { return isWordByte(b) }
        if b == 0xC2, index + 1 < text.count, text[index + 1] >= 0xA0 { return false }
        if b == 0xE2, index + 1 < text.count, text[index + 1] == 0x80 || text[index + 1] == 0x81 { return false }
        if b == 0xC3, index + 1 < text.count, text[index + 1] == 0x97 || text[index + 1] == 0xB7 { return false } // × ÷
        return b >= 0xC0 // a lead byte of a letter; continuation bytes are never asked about
    }

    /// Where the place after `index` to look for a word's start is: past
    /// the whole word when one starts at `index` (nothing starts inside a
    /// word, where the character before belongs to it), else the next byte.
    static func nextPlace(_ text: [UInt8], after index: Int) -> Int {
        let inWord = isWordCharacter(text, at: index)
        var next = index + 1
        while inWord, next < text.count, isWordCharacter(text, at: next) || text[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// True when no word character starts at `index` (or the text ends).
    static func boundary(_ text: [UInt8], _ index: Int) -> Bool {
        !isWordCharacter(text, at: index)
    }

    /// True when the character ending just before `index` is not part of a word.
    static func boundaryBefore(_ text: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        var lead = index - 1
        while lead > 0, text[lead] & 0xC0 == 0x80 { lead -= 1 }
        return !isWordCharacter(text, at: lead)
    }
}
