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
        /// The run's words, joined by single spaces.
        public var text: String
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
        func add(_ kind: Kind, _ word: String) {
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].text += " " + word
            } else {
                runs.append(Run(kind: kind, text: word))
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

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
