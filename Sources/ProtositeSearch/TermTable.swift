/// Index terms numbered in the order they were first met. Numbers are only
/// names: the index is written in term order, so the files do not depend
/// on them, and a table kept between builds gives the same files.
public final class TermTable: @unchecked Sendable {
    public private(set) var terms: [String] = []
    private var ids: [String: UInt32] = [:]

    public init(terms: [String] = []) {
        self.terms = terms
        ids.reserveCapacity(terms.count)
        for (index, term) in terms.enumerated() { ids[term] = UInt32(index) }
    }

    public var count: Int { terms.count }

    /// Not thread-safe: interning runs on one thread.
    public func id(_ term: String) -> UInt32 {
        if let id = ids[term] { return id }
        let id = UInt32(terms.count)
        terms.append(term)
        ids[term] = id
        return id
    }
}
