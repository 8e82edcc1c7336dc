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
    ///
    /// The entries move out of the records into one array in reading
    /// order, and the records are given back slices of it once the index
    /// is made: the entries are never held twice (at ten thousand
    /// protocols that was 25 MB at the build's peak).
    func index(_ site: inout RenderedSite, changes: ChangeSet, previous: BuildState?, terms: TermTable, into sink: OutputSink,
               spool: EntrySpool? = nil) throws -> SearchIndexFiles {
        if let previous, changes.isEmpty {
            return SearchIndexFiles(paths: previous.searchPaths, kept: previous.searchPaths)
        }
        let order = SiteRenderer.readingOrder(Array(site.records.indices)) { [records = site.records] in
            ProtocolMetadata(title: records[$0].summary.title, slug: records[$0].summary.slug)
        }
        let entryCount = site.records.reduce(0) { $0 + $1.search.count }
        let keptChunks = previous.map {
            unchangedEntryChunks($0, order: order, records: site.records, changed: changes.changed, entryCount: entryCount)
        } ?? []
        var entries: [PreparedEntry] = []
        entries.reserveCapacity(entryCount)
        var segments: [EntrySegment] = []
        segments.reserveCapacity(order.count)
        for position in order {
            segments.append(EntrySegment(position: position, entries: entries.count..<(entries.count + site.records[position].search.count),
                                         spooled: site.records[position].spooled))
            entries += site.records[position].search
            site.records[position].search = []
        }
        let fields = spool.map { SpooledFields(entries: entries, segments: segments, spool: $0) }
        let made = try renderer.searchFiles(entries, terms: terms, keepEntryChunk: keptChunks.contains, withJSON: fields?.entries(in:), into: sink)
        for segment in segments { site.records[segment.position].search = entries[segment.entries] }
        let kept = keptChunks.sorted().map(SearchIndexBuilder.entryChunkPath)
        return SearchIndexFiles(paths: made + kept, kept: kept)
    }

    /// One protocol's entries in the index's order.
    private struct EntrySegment: Sendable {
        /// Its place in path order.
        var position: Int
        var entries: Range<Int>
        /// Where their fields wait, when they are not in the entries.
        var spooled: EntrySpool.Place?
    }

    /// Entries in reading order given back their fields from the spool, a
    /// range (one file of the index) at a time.
    private struct SpooledFields: Sendable {
        let entries: [PreparedEntry]
        let segments: [EntrySegment]
        let spool: EntrySpool

        func entries(in range: Range<Int>) throws -> [PreparedEntry] {
            var restored: [PreparedEntry] = []
            restored.reserveCapacity(range.count)
            // The last protocol starting at or before the range.
            var low = 0, high = segments.count
            while low < high {
                let middle = (low + high) / 2
                if segments[middle].entries.lowerBound <= range.lowerBound { low = middle + 1 } else { high = middle }
            }
            var place = max(0, low - 1)
            while place < segments.count, segments[place].entries.lowerBound < range.upperBound {
                let segment = segments[place]
                let own = segment.entries.clamped(to: range)
                if !own.isEmpty {
                    if let spooled = segment.spooled {
                        let local = (own.lowerBound - segment.entries.lowerBound)..<(own.upperBound - segment.entries.lowerBound)
                        restored += try spool.restore(entries[segment.entries], from: spooled, range: local)
                    } else {
                        restored += entries[own]
                    }
                }
                place += 1
            }
            return restored
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
