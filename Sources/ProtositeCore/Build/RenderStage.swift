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
    /// Protocols parsed, linked or rendered at a time: each batch's trees are
    /// let go once the next stage has what it needs of them, so a large
    /// site's trees are never held twice over.
    static let batchSize = 256

    /// The render stage: every page that must be made again, handed to
    /// `sink` as it is made, and each protocol's record for the next build.
    /// Takes the linked trees out of `site` as it goes, and lets go of the
    /// rest of it (the links, the back links) before the listings, which
    /// need only the records.
    func render(_ site: inout VersionedSources, changes: ChangeSet, terms: TermTable, into sink: OutputSink, spool: EntrySpool? = nil) throws -> RenderedSite {
        let renderer = self.renderer
        var kept: [String] = []
        if changes.isFull { try sink.put(renderer.staticOutputs()) } else { kept += renderer.staticPaths }
        for entry in site.entries {
            if let versions = entry.versions { try sink.put(renderer.versionOutputs(versions.history, title: versions.title)) }
        }

        // Pages, search entries and listings, batch by batch.
        var made: [MadeAgain] = []
        let positions = site.entries.indices.filter { site.links.pages.contains($0) || changes.changed.contains($0) }
        for start in stride(from: 0, to: positions.count, by: Self.batchSize) {
            let batch = Array(positions[start..<min(positions.count, start + Self.batchSize)])
            let documents = linkedDocuments(batch.map { site.entries[$0].linked }, index: site.links.index)
            for position in batch {
                // Nothing after this batch reads its trees or its files' bytes.
                site.entries[position].linked.document = nil
                site.entries[position].linked.parsed.source.bytes = []
            }
            made += try renderBatch(batch, documents: documents, site: site, changes: changes, terms: terms, renderer: renderer, into: sink,
                                    spool: spool)
        }

        let records = self.records(site, made: made)
        let listingsChanged = changes.isFull || !changes.deleted.isEmpty
            || made.contains { $0.record.listing != site.entries[$0.position].linked.parsed.last?.listing }
        if !listingsChanged { kept += renderer.listingPaths }
        if !changes.isFull {
            for (position, record) in records.enumerated() where !site.links.pages.contains(position) {
                kept.append(record.pagePath)
            }
            for (position, record) in records.enumerated() where !site.entries[position].linked.isRelinked {
                kept += SiteRenderer.versionPaths(slug: record.summary.slug, dates: versionDates[record.summary.slug] ?? [])
            }
        }
        site = VersionedSources(entries: [], links: SiteLinks(pages: [], backLinks: [:], index: SiteIndex([]), keepsTrees: site.links.keepsTrees),
                                diagnostics: site.diagnostics)
        if listingsChanged { try renderer.listingOutputs(listings(records, made: made), into: sink) }
        return RenderedSite(records: records, kept: kept)
    }

    /// One batch on all cores: the pages of those that need them, and for
    /// the changed, their search entries and listing.
    private func renderBatch(_ batch: [Int], documents: [ProtocolDocument], site: VersionedSources, changes: ChangeSet, terms: TermTable,
                             renderer: SiteRenderer, into sink: OutputSink, spool: EntrySpool?) throws -> [MadeAgain] {
        // The pages are made beside the changed protocols' search entries,
        // not before them, so neither waits on the other's slowest part. The
        // entries are prepared on this thread, which owns the term table.
        let failures = ResultSlots<Error>(count: batch.count)
        let listings = ResultSlots<MadeListing>(count: batch.count)
        let rendering = DispatchGroup()
        DispatchQueue.global().async(group: rendering) { DispatchQueue.concurrentPerform(iterations: batch.count) { slot in
            let position = batch[slot], document = documents[slot]
            if changes.changed.contains(position) {
                let listing = ProtocolListing(document, versions: site.entries[position].versions?.listing ?? VersionListing())
                listings.set(slot, MadeListing(slot: slot, listing: listing, bytes: DocumentRecord.encodeListing(listing)))
            }
            guard site.links.pages.contains(position) else { return }
            let page = LinkedProtocol(document: document, backLinks: site.links.backLinks[document.metadata.slug] ?? [:])
            do { try sink.put(renderer.protocolPage(page)) } catch { failures.set(slot, error) }
        } }
        let search = prepareSearch(batch.indices.filter { changes.changed.contains(batch[$0]) }.map { documents[$0] }, terms: terms)
        rendering.wait()
        if let failure = failures.values.first { throw failure }
        // Both in slot order, one for each changed protocol.
        let listed = listings.values
        return zip(listed, search).map { listing, entries in
            let position = batch[listing.slot]
            let entry = site.entries[position]
            var record = DocumentRecord(
                path: entry.linked.parsed.source.path, sourceHash: entry.linked.parsed.sourceHash, summary: entry.linked.parsed.summary!,
                references: entry.linked.references, diagnostics: entry.diagnostics, listing: listing.bytes, search: entries[...])
            if let spooled = spool?.spool(entries) {
                record.search = spooled.entries[...]
                record.spooled = spooled.place
            }
            return MadeAgain(position: position, record: record, listing: listing.listing)
        }
    }

    /// Each protocol's record for the next build: made anew for the changed;
    /// for the others linked again, the last build's with what linking found
    /// now (their text, listing and search entries are as they were).
    private func records(_ site: VersionedSources, made: [MadeAgain]) -> [DocumentRecord] {
        // In path order, as `made` is.
        var made = made[...]
        return site.entries.enumerated().map { position, entry in
            if made.first?.position == position { return made.popFirst()!.record }
            let parsed = entry.linked.parsed
            guard entry.linked.isRelinked, var record = parsed.last else { return parsed.last! }
            record.references = entry.linked.references
            record.diagnostics = entry.diagnostics
            record.storedAs = nil
            return record
        }
    }

    /// Every protocol's listing: as made for the changed, else read back
    /// from its record (on all cores).
    private func listings(_ records: [DocumentRecord], made: [MadeAgain]) -> [ProtocolListing] {
        var madeListings = [ProtocolListing?](repeating: nil, count: records.count)
        for item in made { madeListings[item.position] = item.listing }
        let fresh = madeListings
        let slots = ResultSlots<ProtocolListing>(count: records.count)
        DispatchQueue.concurrentPerform(iterations: records.count) { position in
            if let listing = fresh[position] ?? records[position].decodeListing() { slots.set(position, listing) }
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

/// A changed protocol's listing, made with its page.
private struct MadeListing: Sendable {
    var slot: Int
    var listing: ProtocolListing
    var bytes: [UInt8]
}

/// What a changed protocol's record and listing are made of anew.
private struct MadeAgain {
    var position: Int
    var record: DocumentRecord
    var listing: ProtocolListing
}
