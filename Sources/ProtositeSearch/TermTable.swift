import Synchronization

/// Index terms numbered in the order they were first met. Numbers are only
/// names: the index is written in term order, so the files do not depend
/// on them, and a table kept between builds gives the same files.
///
/// Not thread-safe, and so not `Sendable`: one thread interns into it.
/// `SearchIndexBuilder.prepare` gives each of its concurrent runs a table
/// of its own and merges them into this one on the calling thread.
public final class TermTable {
    public private(set) var terms: [String] = []
    private var ids: [String: UInt32] = [:]
    /// The stems of the words met in the terms' texts, shared by the
    /// threads that index into this table.
    let stems = SharedStems()

    public init(terms: [String] = []) {
        self.terms = terms
        ids.reserveCapacity(terms.count)
        for (index, term) in terms.enumerated() { ids[term] = UInt32(index) }
    }

    public var count: Int { terms.count }

    public func id(_ term: String) -> UInt32 {
        if let id = ids[term] { return id }
        let id = UInt32(terms.count)
        terms.append(term)
        ids[term] = id
        return id
    }
}

/// Each word's stem, worked out once a build and then shared by every
/// thread that indexes. The stemmer is the costliest step of indexing a
/// word: with a cache per thread and per batch of protocols, a word was
/// stemmed again in every batch, by every thread that met it.
final class SharedStems: Sendable {
    private let known = Mutex<[String: String]>([:])

    func stem(_ word: String) -> String {
        if let found = known.withLock({ $0[word] }) { return found }
        let stem = SearchText.stem(word)
        known.withLock { if $0.count < 200_000 { $0[word] = stem } }
        return stem
    }
}

/// Said outright, so that no extension can claim it: sharing a table
/// between threads is a compile error, not a race.
@available(*, unavailable)
extension TermTable: Sendable {}
