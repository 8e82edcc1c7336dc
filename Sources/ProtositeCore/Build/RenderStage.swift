import Foundation
import ProtositeSearch

/// The render stage's output: what the index stage and the next build need.
struct RenderedSite: Sendable {
    /// Every protocol's record, in path order: made anew for the files
    /// linked again, else the last build's.
    var records: [DocumentRecord]
    /// Paths of the current site that stay as they are.
    var kept: [String]
}

extension BuildContext {
    /// The render stage: every page that must be made again, handed to
    /// `sink` as it is made, and each protocol's record for the next build.
    func render(_ site: VersionedSources, changes: ChangeSet, terms: TermTable, into sink: OutputSink) throws -> RenderedSite {
        let renderer = self.renderer
        let entries = site.entries
        let records = self.records(site, changes: changes, terms: terms)
        var kept: [String] = []

        if changes.isFull { try sink.put(renderer.staticOutputs()) } else { kept += renderer.staticPaths }

        let listingsChanged = changes.isFull || !changes.deleted.isEmpty
            || changes.changed.contains { records[$0].listing != entries[$0].linked.parsed.last?.listing }
        if listingsChanged {
            try sink.put(renderer.listingOutputs(listings(site, records: records, changes: changes)))
        } else {
            kept += renderer.listingPaths
        }

        if !changes.isFull {
            for (position, record) in records.enumerated() where !site.pages.contains(position) {
                kept.append(record.pagePath)
            }
            for (position, record) in records.enumerated() where !entries[position].linked.isRelinked {
                kept += SiteRenderer.versionPaths(slug: record.summary.slug, dates: versionDates[record.summary.slug] ?? [])
            }
        }
        for entry in entries {
            if let versions = entry.versions { try sink.put(renderer.versionOutputs(versions.history, title: versions.title)) }
        }
        try renderPages(site, renderer: renderer, into: sink)
        return RenderedSite(records: records, kept: kept)
    }

    /// Protocol pages on all cores, each written as soon as it is made.
    private func renderPages(_ site: VersionedSources, renderer: SiteRenderer, into sink: OutputSink) throws {
        let positions = site.pages.sorted()
        let failures = ResultSlots<Error>(count: positions.count)
        DispatchQueue.concurrentPerform(iterations: positions.count) { slot in
            let entry = site.entries[positions[slot]].linked
            guard let document = entry.document else { return }
            let page = LinkedProtocol(document: document, backLinks: site.backLinks[document.metadata.slug] ?? [:])
            do { try sink.put(renderer.protocolPage(page)) } catch { failures.set(slot, error) }
        }
        if let failure = failures.values.first { throw failure }
    }

    /// Each protocol's record for the next build: the relinked ones made
    /// anew (search entries and listing only for the changed: the others'
    /// text and metadata are as they were).
    private func records(_ site: VersionedSources, changes: ChangeSet, terms: TermTable) -> [DocumentRecord] {
        let entries = site.entries
        let changed = changes.changed.sorted()
        let prepared = prepareSearch(changed.map { entries[$0].linked.document! }, terms: terms)
        // Listings as JSON, on all cores.
        let listings = ResultSlots<[UInt8]>(count: changed.count)
        DispatchQueue.concurrentPerform(iterations: changed.count) { slot in
            let entry = entries[changed[slot]]
            listings.set(slot, DocumentRecord.encodeListing(ProtocolListing(entry.linked.document!, versions: entry.versions?.listing ?? VersionListing())))
        }
        // In path order, as `changed` is: one for each changed file.
        var madeAgain = zip(listings.values, prepared).map { MadeAgain(listing: $0, search: $1) }[...]
        return entries.map { entry in
            let parsed = entry.linked.parsed
            guard entry.linked.isRelinked else { return parsed.last! }
            let made = parsed.isChanged ? madeAgain.popFirst()! : MadeAgain(listing: parsed.last!.listing, search: parsed.last!.search)
            return DocumentRecord(
                path: parsed.source.path, sourceHash: parsed.sourceHash, summary: parsed.summary!,
                references: entry.linked.references,
                diagnostics: entry.diagnostics,
                listing: made.listing,
                search: made.search)
        }
    }

    /// Every protocol's listing: from its document when it changed, else
    /// read back from its record (on all cores: JSON is slow to read).
    private func listings(_ site: VersionedSources, records: [DocumentRecord], changes: ChangeSet) -> [ProtocolListing] {
        let slots = ResultSlots<ProtocolListing>(count: records.count)
        DispatchQueue.concurrentPerform(iterations: records.count) { position in
            let entry = site.entries[position]
            if changes.changed.contains(position), let document = entry.linked.document {
                slots.set(position, ProtocolListing(document, versions: entry.versions?.listing ?? VersionListing()))
            } else if let listing = records[position].decodeListing() {
                slots.set(position, listing)
            }
        }
        return slots.values
    }

    /// Each document's search entries, prepared on all cores.
    private func prepareSearch(_ documents: [ProtocolDocument], terms: TermTable) -> [[PreparedEntry]] {
        let entries = documents.map(renderer.searchEntries)
        var prepared = SearchIndexBuilder.prepare(entries.flatMap { $0 }, terms: terms)[...]
        return entries.map { own in
            defer { prepared = prepared.dropFirst(own.count) }
            return Array(prepared.prefix(own.count))
        }
    }
}

/// What a changed file's record gets anew.
private struct MadeAgain {
    var listing: [UInt8]
    var search: [PreparedEntry]
}
