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

/// Said outright, so that no extension can claim it: sharing a table
/// between threads is a compile error, not a race.
@available(*, unavailable)
extension TermTable: Sendable {}
