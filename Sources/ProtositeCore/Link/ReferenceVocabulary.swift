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

    /// Longest first, lower-case.
    private(set) var words: [Word] = []
    /// Titles and aliases of every protocol.
    let names: NameTrie
    /// Citing words by their first byte.
    /// By first byte (lower-cased): an array, not a dictionary, since it is
    /// asked at every word of every text.
    private var wordsByFirstByte = [[Word]](repeating: [], count: 256)

    /// The longest citing word written at `index` (any case), if any.
    func word(at index: Int, in text: [UInt8]) -> Word? {
        guard index < text.count else { return nil }
        var first = text[index]
        if first >= 65 && first <= 90 { first += 32 }
        // Asked at every word of every text: no copy of the candidates.
        return wordsByFirstByte.withUnsafeBufferPointer { table in
            for word in table[Int(first)] where Self.matches(word.bytes, in: text, at: index) { return word }
            return nil
        }
    }

    /// Whether `word` (lower-case) is written at `index`, in any case.
    @inline(__always)
    static func matches(_ word: [UInt8], in text: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= text.count else { return false }
        for offset in 0..<word.count {
            var byte = text[index + offset]
            if byte >= 65 && byte <= 90 { byte += 32 }
            if byte != word[offset] { return false }
        }
        return true
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
        self.names = NameTrie(names.map { ($0.slug, $0.name) })
        for word in self.words {
            wordsByFirstByte[Int(word.bytes[0])].append(word)
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
