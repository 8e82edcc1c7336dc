/// Every protocol's title and aliases as a trie of words, so finding the
/// longest name that starts at a place in the text costs a few dictionary
/// look-ups, however many protocols the site has.
///
/// Names and text are read as the same words: runs of letters and digits
/// (lower-cased), each other visible character a word of its own, white
/// space only separating. "Member / Officer  Protocol" matches
/// "member / officer protocol" across a line break.
struct NameTrie: Sendable {
    private var children: [[ [UInt8]: Int ]] = [[:]]
    /// The slug a complete name ends in at each node.
    private var slugs: [String?] = [nil]
    /// Hashes of the words names start with: most places in a text start
    /// no name, and are turned away without making the word.
    private var firstWords: Set<UInt64> = []
    /// The same hashes' low 16 bits, as bits: a word no name starts with is
    /// nearly always turned away here, without hashing its hash again for
    /// the set (which cost more than the trie).
    private var firstWordBits = [UInt64](repeating: 0, count: 1024)

    init(_ names: [(slug: String, name: String)]) {
        // Sorted so that when two protocols share a name the first slug wins, stably.
        for (slug, name) in names.sorted(by: { ($0.name, $0.slug) < ($1.name, $1.slug) }) {
            let bytes = Array(name.utf8)
            var node = 0
            var cursor = 0
            var any = false
            while let (word, end) = Self.word(in: bytes, at: cursor) {
                any = true
                if let next = children[node][word] {
                    node = next
                } else {
                    children.append([:])
                    slugs.append(nil)
                    children[node][word] = children.count - 1
                    node = children.count - 1
                }
                cursor = end
            }
            if any, slugs[node] == nil { slugs[node] = slug }
        }
        for word in children[0].keys {
            let hash = Self.hash(word)
            firstWords.insert(hash)
            firstWordBits[Int(hash & 0xFFFF) >> 6] |= 1 << (hash & 63)
        }
    }

    /// The longest name starting at `index`: its slug and where it ends.
    func longestMatch(in text: [UInt8], at index: Int) -> (slug: String, end: Int)? {
        var firstWordEnd = 0
        return longestMatch(in: text, at: index, firstWordEnd: &firstWordEnd)
    }

    /// The longest name starting at `index`; `firstWordEnd` is set to where
    /// the word read there ends (unless the text ends first), so a caller
    /// trying each word of a text moves on without reading it again.
    func longestMatch(in text: [UInt8], at index: Int, firstWordEnd: inout Int) -> (slug: String, end: Int)? {
        guard let first = Self.scan(text, at: index, into: { _ in }, hashing: true) else { return nil }
        firstWordEnd = first.end
        guard firstWordBits[Int(first.hash & 0xFFFF) >> 6] & (1 << (first.hash & 63)) != 0,
              firstWords.contains(first.hash) else { return nil }
        var node = 0
        var cursor = index
        var best: (String, Int)?
        while let (word, end) = Self.word(in: text, at: cursor), let next = children[node][word] {
            node = next
            cursor = end
            if let slug = slugs[node] { best = (slug, end) }
        }
        return best
    }

    /// The length of the white space character at `index` (space, tab,
    /// line feed, no-break space), or nil: no name starts there, so callers
    /// trying every place in the text skip it rather than rescan the run
    /// that follows (eighty thousand tabs took seconds).
    static func spaceWidth(_ text: [UInt8], at index: Int) -> Int? {
        guard index < text.count else { return nil }
        switch text[index] {
        case 0x20, 0x09, 0x0A: return 1
        case 0xC2 where index + 1 < text.count && text[index + 1] == 0xA0: return 2
        default: return nil
        }
    }

    /// The word at `index` after any white space, lower-cased, and where it
    /// ends; nil at the end of the text or at a barrier (NUL).
    static func word(in text: [UInt8], at index: Int) -> ([UInt8], Int)? {
        var word: [UInt8] = []
        guard let end = scan(text, at: index, into: { word.append($0) }, hashing: false)?.end else { return nil }
        return (word, end)
    }

    /// FNV-1a of a word's bytes, as `scan` hashes them.
    static func hash(_ word: [UInt8]) -> UInt64 {
        word.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// Reads the word at `index` (after any white space), handing each of
    /// its bytes, lower-cased, to `take` and hashing them when asked; nil at
    /// the end of the text or at a barrier (NUL).
    @inline(__always)
    private static func scan(_ text: [UInt8], at index: Int, into take: (UInt8) -> Void, hashing: Bool) -> (hash: UInt64, end: Int)? {
        var cursor = index
        // A loop, not a call per no-break space: forty thousand of them in a
        // row were forty thousand nested calls.
        while let width = spaceWidth(text, at: cursor) { cursor += width }
        guard cursor < text.count, text[cursor] != 0 else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            take(byte)
            if hashing { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        if WordBytes.isWordCharacter(text, at: cursor) {
            while cursor < text.count, WordBytes.isWordCharacter(text, at: cursor) || text[cursor] & 0xC0 == 0x80 {
                var byte = text[cursor]
                if byte >= 65 && byte <= 90 { byte += 32 }
                add(byte)
                cursor += 1
            }
        } else {
            // One punctuation character, all of its UTF-8 bytes. Curly
            // apostrophes read as straight ones.
            var end = cursor + 1
            while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
            if end - cursor == 3, text[cursor] == 0xE2, text[cursor + 1] == 0x80, text[cursor + 2] == 0x99 {
                add(0x27)
            } else {
                for byte in text[cursor..<end] { add(byte) }
            }
            cursor = end
        }
        return (hash, cursor)
    }
}
