import Foundation
import ProtositeSearch

/// The index stage's output.
struct SearchIndexFiles: Sendable {
    /// Every file of the index, made or kept: the next build's `searchPaths`.
    var paths: [String]
    /// Those kept as the current site has them.
    var kept: [String]
}

extension BuildContext {
    /// The index stage: the search index from every protocol's prepared
    /// entries in reading order, made again when any protocol's entries may
    /// have changed. In a split index, entry chunks that hold only
    /// unchanged protocols' entries, each where it was, are kept.
    func index(_ site: RenderedSite, changes: ChangeSet, previous: BuildState?, terms: TermTable, into sink: OutputSink,
               spool: EntrySpool? = nil) throws -> SearchIndexFiles {
        if let previous, changes.isEmpty {
            return SearchIndexFiles(paths: previous.searchPaths, kept: previous.searchPaths)
        }
        let records = site.records
        let order = SiteRenderer.readingOrder(Array(records.indices)) { ProtocolMetadata(title: records[$0].summary.title, slug: records[$0].summary.slug) }
        let entries = order.flatMap { records[$0].search }
        let keptChunks = previous.map { unchangedEntryChunks($0, order: order, records: records, changed: changes.changed, entryCount: entries.count) } ?? []
        let fields = spool.map { SpooledFields(records: records, order: order, spool: $0) }
        let made = try renderer.searchFiles(entries, terms: terms, keepEntryChunk: keptChunks.contains, withJSON: fields?.entries(in:), into: sink)
        let kept = keptChunks.sorted().map(SearchIndexBuilder.entryChunkPath)
        return SearchIndexFiles(paths: made + kept, kept: kept)
    }

    /// Entries in reading order given back their fields from the spool, a
    /// range (one file of the index) at a time.
    private struct SpooledFields: Sendable {
        let records: [DocumentRecord]
        let order: [Int]
        /// The number of each protocol's first entry, in reading order.
        let starts: [Int]
        let spool: EntrySpool

        init(records: [DocumentRecord], order: [Int], spool: EntrySpool) {
            self.records = records
            self.order = order
            self.spool = spool
            var starts: [Int] = []
            var next = 0
            for position in order {
                starts.append(next)
                next += records[position].search.count
            }
            self.starts = starts
        }

        func entries(in range: Range<Int>) throws -> [PreparedEntry] {
            var entries: [PreparedEntry] = []
            entries.reserveCapacity(range.count)
            // The last protocol starting at or before the range.
            var low = 0, high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] <= range.lowerBound { low = middle + 1 } else { high = middle }
            }
            var place = max(0, low - 1)
            while place < order.count, starts[place] < range.upperBound {
                let record = records[order[place]]
                let own = max(range.lowerBound - starts[place], 0)..<min(range.upperBound - starts[place], record.search.count)
                if !own.isEmpty {
                    if let spooled = record.spooled {
                        entries += try spool.restore(record.search, from: spooled, range: own)
                    } else {
                        entries += record.search[own]
                    }
                }
                place += 1
            }
            return entries
        }
    }

    /// The split index's entry chunks that hold only unchanged protocols'
    /// entries, each where it was: when every protocol keeps its place in
    /// reading order and its number of entries, those chunks are the same
    /// bytes as before.
    private func unchangedEntryChunks(_ previous: BuildState, order: [Int], records: [DocumentRecord], changed: Set<Int>, entryCount: Int) -> Set<Int> {
        guard entryCount > SiteRenderer.shardThreshold else { return [] }
        let before = SiteRenderer.readingOrder(previous.documents) { ProtocolMetadata(title: $0.summary.title, slug: $0.summary.slug) }
        guard before.count == order.count,
              zip(before, order).allSatisfy({ $0.path == records[$1].path && $0.search.count == records[$1].search.count }) else { return [] }
        let size = SearchIndexBuilder.chunkSize
        var dirty: Set<Int> = []
        var offset = 0
        for position in order {
            let count = records[position].search.count
            if changed.contains(position), count > 0 {
                for chunk in (offset / size)...((offset + count - 1) / size) { dirty.insert(chunk) }
            }
            offset += count
        }
        let existing = Set(previous.searchPaths)
        return Set((0..<((entryCount + size - 1) / size)).filter { !dirty.contains($0) && existing.contains(SearchIndexBuilder.entryChunkPath($0)) })
    }
}
