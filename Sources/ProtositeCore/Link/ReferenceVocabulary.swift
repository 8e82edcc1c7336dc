/// The words that make a reference, and the names that point at protocols,
/// for the whole site. Built once by the linker, shared by every scan.
struct ReferenceVocabulary: Sendable {
    /// Which document a citing word's numbers belong to.
    enum WordTarget: Sendable, Equatable {
        /// `paragraph`, `clause`, `section`, `§`: the document it stands in.
        case current
        /// A `cited_as` word: the document that declares it.
        case declaredBy(slug: String)
    }

    struct Word: Sendable {
        var bytes: [UInt8]
        var target: WordTarget
    }

    struct Name: Sendable {
        var bytes: [UInt8]
        var slug: String
    }

    /// Longest first, lower-case.
    private(set) var words: [Word] = []
    /// Titles and aliases of every protocol, longest first, lower-case.
    private(set) var names: [Name] = []
    /// Names by their first word, so a scan looks at a handful of names per
    /// word instead of every title of the site.
    private var namesByFirstWord: [[UInt8]: [Name]] = [:]
    /// Citing words by their first byte.
    private var wordsByFirstByte: [UInt8: [Word]] = [:]

    /// Names that could start at `index` (its first word matches), longest first.
    func names(startingAt index: Int, in text: [UInt8]) -> [Name] {
        namesByFirstWord[Self.firstWord(text, from: index)] ?? []
    }

    /// Citing words that could start at `index`, longest first.
    func words(startingAt index: Int, in text: [UInt8]) -> [Word] {
        guard index < text.count else { return [] }
        var byte = text[index]
        if byte >= 65 && byte <= 90 { byte += 32 }
        return wordsByFirstByte[byte] ?? []
    }

    /// The lower-cased ASCII-folded word at `index` (up to a boundary).
    static func firstWord(_ text: [UInt8], from index: Int) -> [UInt8] {
        var word: [UInt8] = []
        var cursor = index
        while cursor < text.count, !WordBytes.boundary(text, cursor) || (cursor > index && text[cursor] & 0xC0 == 0x80) {
            var byte = text[cursor]
            if byte >= 65 && byte <= 90 { byte += 32 }
            word.append(byte)
            cursor += 1
        }
        return word
    }

    static let genericWords = ["paragraphs", "paragraph", "paras.", "paras", "para.", "para", "clauses", "clause", "sections", "section", "§§", "§"]

    init(citedAs: [(slug: String, words: [String])], names: [(slug: String, name: String)]) {
        var words = Self.genericWords.map { Word(bytes: Array($0.utf8), target: .current) }
        for (slug, declared) in citedAs {
            for word in declared {
                let lower = word.lowercased().trimmingWhitespace()
                guard !lower.isEmpty else { continue }
                for form in Self.forms(of: lower) {
                    words.append(Word(bytes: Array(form.utf8), target: .declaredBy(slug: slug)))
                }
            }
        }
        self.words = words.sorted { $0.bytes.count > $1.bytes.count }
        self.names = names.compactMap { entry in
            let lower = entry.name.lowercased().trimmingWhitespace()
            return lower.isEmpty ? nil : Name(bytes: Array(lower.utf8), slug: entry.slug)
        }.sorted { ($0.bytes.count, $1.slug) > ($1.bytes.count, $0.slug) }
        for name in self.names {
            namesByFirstWord[Self.firstWord(name.bytes, from: 0), default: []].append(name)
        }
        for word in self.words {
            wordsByFirstByte[word.bytes[0], default: []].append(word)
        }
    }

    /// `regulation` → regulation, regulations; `reg.` → reg., regs., reg, regs.
    static func forms(of word: String) -> [String] {
        if word.hasSuffix(".") {
            let stem = String(word.dropLast())
            return [word, stem + "s.", stem + "s", stem]
        }
        if word.hasSuffix("s") { return [word] }
        return [word, word + "s"]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
