/// Which clause of an older version became which clause of a newer one.
/// Clauses are matched by their text first, so that a clause that only
/// moved (4.1 → 5.1 after an insertion) is found where it went, and the
/// new text now standing at its old number reads as an addition, not as a
/// change. In order:
///
/// 1. the same text at the same number;
/// 2. the same text anywhere (the first unmatched, in reading order);
/// 3. the same number with similar text (a clause edited in place);
/// 4. the most similar remaining pairs above a stricter threshold (a
///    clause edited and moved).
///
/// What is left over was added or removed. Sub-clauses are clauses here.
public struct ClauseAlignment: Sendable {
    /// One clause's fate between two versions.
    public struct Pair: Sendable, Equatable {
        public var older: VersionClause?
        public var newer: VersionClause?

        public enum Kind: String, Sendable, Equatable, Codable {
            case added, removed, changed, renumbered, unchanged
        }

        public var kind: Kind {
            guard let older else { return .added }
            guard let newer else { return .removed }
            if older.text != newer.text { return .changed }
            return older.number == newer.number ? .unchanged : .renumbered
        }

        /// The older number when the clause moved (a renumbering, or a change that also moved).
        public var was: ClauseNumber? {
            guard let older, let newer, older.number != newer.number else { return nil }
            return older.number
        }
    }

    /// Similarity (0…1, shared words over all words) for a clause edited in place.
    public static let sameNumberThreshold = 0.5
    /// Similarity for a clause edited and moved: stricter, since any two
    /// clauses of one document share some words.
    public static let movedThreshold = 0.6
    /// Beyond this many comparisons, step 4 is skipped: a wholesale rewrite
    /// of a long document reads as removals and additions, in bounded time.
    static let maximumComparisons = 250_000

    /// Every clause of both versions, once: in the newer version's order,
    /// each removal after the clause that preceded it in the older one.
    public let pairs: [Pair]

    public init(older: [VersionClause], newer: [VersionClause]) {
        var oldToNew = [Int?](repeating: nil, count: older.count)
        var newTaken = [Bool](repeating: false, count: newer.count)
        func match(_ i: Int, _ j: Int) { oldToNew[i] = j; newTaken[j] = true }

        // 1 and 2: the same text. Empty texts (a bare numbered heading) say
        // nothing about where a clause went, so they match by number only.
        var newByText: [String: [Int]] = [:]
        for (j, clause) in newer.enumerated() where !clause.text.isEmpty { newByText[clause.text, default: []].append(j) }
        var newByNumber: [ClauseNumber: Int] = [:]
        for (j, clause) in newer.enumerated() where newByNumber[clause.number] == nil { newByNumber[clause.number] = j }
        for (i, clause) in older.enumerated() {
            if let j = newByNumber[clause.number], !newTaken[j], newer[j].text == clause.text { match(i, j) }
        }
        for (i, clause) in older.enumerated() where oldToNew[i] == nil && !clause.text.isEmpty {
            if let j = newByText[clause.text]?.first(where: { !newTaken[$0] }) { match(i, j) }
        }

        // 3: the same number, similar text.
        let oldBags = older.map { WordBag($0.text) }, newBags = newer.map { WordBag($0.text) }
        for (i, clause) in older.enumerated() where oldToNew[i] == nil {
            guard let j = newByNumber[clause.number], !newTaken[j] else { continue }
            if oldBags[i].similarity(to: newBags[j]) >= Self.sameNumberThreshold { match(i, j) }
        }

        // 4: the best remaining pairs, best first.
        let leftOld = older.indices.filter { oldToNew[$0] == nil }
        let leftNew = newer.indices.filter { !newTaken[$0] }
        if leftOld.count * leftNew.count <= Self.maximumComparisons {
            var candidates: [(score: Double, i: Int, j: Int)] = []
            for i in leftOld {
                for j in leftNew {
                    let score = oldBags[i].similarity(to: newBags[j])
                    if score >= Self.movedThreshold { candidates.append((score, i, j)) }
                }
            }
            candidates.sort { ($0.score, -$0.i, -$0.j) > ($1.score, -$1.i, -$1.j) }
            for candidate in candidates where oldToNew[candidate.i] == nil && !newTaken[candidate.j] {
                match(candidate.i, candidate.j)
            }
        }

        // Order: the newer version's, removals after their older neighbour's match.
        var placed: [(key: Double, tie: Int, pair: Pair)] = []
        var newToOld = [Int?](repeating: nil, count: newer.count)
        for (i, j) in oldToNew.enumerated() { if let j { newToOld[j] = i } }
        for (j, clause) in newer.enumerated() {
            placed.append((Double(j), 0, Pair(older: newToOld[j].map { older[$0] }, newer: clause)))
        }
        var anchor = -0.5
        for (i, clause) in older.enumerated() {
            if let j = oldToNew[i] { anchor = Double(j); continue }
            placed.append((anchor + 0.5, i + 1, Pair(older: clause, newer: nil)))
        }
        pairs = placed.sorted { ($0.key, $0.tie) < ($1.key, $1.tie) }.map(\.pair)
    }

    /// The pairs a reader is told about: all but the unchanged.
    public var changes: [Pair] { pairs.filter { $0.kind != .unchanged } }
}

/// A text's words, lower-cased, letters and digits only, counted: what
/// similarity is measured over, so that case and punctuation do not count.
struct WordBag: Sendable {
    var counts: [String: Int] = [:]
    var total = 0

    init(_ text: String) {
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            counts[String(word), default: 0] += 1
            total += 1
        }
    }

    /// Twice the shared words over all words (Dice's coefficient): 1 for
    /// the same words, 0 for none in common.
    func similarity(to other: WordBag) -> Double {
        guard total + other.total > 0 else { return 0 }
        let (small, large) = counts.count <= other.counts.count ? (counts, other.counts) : (other.counts, counts)
        var shared = 0
        for (word, count) in small { shared += min(count, large[word] ?? 0) }
        return Double(2 * shared) / Double(total + other.total)
    }
}
