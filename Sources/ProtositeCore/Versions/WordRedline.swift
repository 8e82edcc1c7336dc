/// The words deleted and inserted between an older and a newer text of one
/// clause, as runs a page shows in `<del>` and `<ins>`. The comparison is
/// the standard library's `CollectionDifference` over words; this file only
/// groups its answer into runs.
public struct WordRedline: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case kept, deleted, inserted
    }

    public struct Run: Sendable, Equatable {
        public var kind: Kind
        /// The run's words and punctuation, spaced as written.
        public var text: String
        /// Whether white space stands before the run.
        public var spaceBefore: Bool

        public init(kind: Kind, text: String, spaceBefore: Bool = true) {
            self.kind = kind
            self.text = text
            self.spaceBefore = spaceBefore
        }
    }

    /// A word or a punctuation mark, compared by its text alone: punctuation
    /// is a token of its own, so "letter," → "letter or email," inserts
    /// "or email" and keeps the word and the comma.
    struct Token: Equatable {
        var text: Substring
        var spaceBefore: Bool
        static func == (a: Token, b: Token) -> Bool { a.text == b.text }
    }

    public var runs: [Run]

    public init(runs: [Run]) {
        self.runs = runs
    }

    public init(from older: String, to newer: String) {
        let old = Self.words(older), new = Self.words(newer)
        let difference = new.difference(from: old)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both texts: deletions first, then insertions, then the word
        // both share. Words that are neither removed nor inserted pair up
        // in order, which is what CollectionDifference promises.
        var runs: [Run] = []
        func add(_ kind: Kind, _ token: Token) {
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].text += (token.spaceBefore ? " " : "") + token.text
            } else {
                runs.append(Run(kind: kind, text: String(token.text), spaceBefore: token.spaceBefore && !runs.isEmpty))
            }
        }
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                add(.deleted, old[i]); i += 1
            } else if j < new.count, inserted.contains(j) {
                add(.inserted, new[j]); j += 1
            } else {
                add(.kept, new[j]); i += 1; j += 1
            }
        }
        self.runs = runs
    }

    /// The words deleted, run by run.
    public var deleted: [String] { runs.filter { $0.kind == .deleted }.map(\.text) }
    /// The words inserted, run by run.
    public var inserted: [String] { runs.filter { $0.kind == .inserted }.map(\.text) }

    /// The text as tokens: runs of letters and digits (with the
    /// apostrophes and hyphens inside words), and each other mark alone.
    static func words(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var space = false
        var start: String.Index?
        func isWordCharacter(_ c: Character, at index: String.Index) -> Bool {
            if c.isLetter || c.isNumber { return true }
            guard c == "'" || c == "’" || c == "-", start != nil else { return false }
            let next = text.index(after: index)
            return next < text.endIndex && (text[next].isLetter || text[next].isNumber)
        }
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if isWordCharacter(c, at: index) {
                if start == nil { start = index }
            } else {
                if let s = start { tokens.append(Token(text: text[s..<index], spaceBefore: space)); space = false; start = nil }
                if c.isWhitespace {
                    space = true
                } else {
                    tokens.append(Token(text: text[index...index], spaceBefore: space))
                    space = false
                }
            }
            index = text.index(after: index)
        }
        if let s = start { tokens.append(Token(text: text[s...], spaceBefore: space)) }
        return tokens
    }
}
