import Foundation
import ProtositeSearch

/// Works out a build from the sources and what the last build left
/// (`BuildState`): which protocols to parse, link and render again, and
/// which outputs of the current site stay as they are. With no state it
/// makes everything. Either way the site is the same, byte for byte, as a
/// build from nothing would make (Tests: IncrementalBuildTests).
struct BuildPlanner {
    var config: SiteConfig
    var theme: Theme
    var today: CalendarDay
    var key: UInt64
    var stage: (String, () -> Void) -> Void = { _, work in work() }
    /// Whether the result carries the linked protocols (for commands that
    /// read them); a build that only writes lets them go early.
    var keepLinked = true
    /// `versions/SLUG/DATE.md`. A change to any of them changes the
    /// build's key, so it is a full build; within a build, a protocol's
    /// version pages are made with its page whenever it is linked again.
    var versionFiles: [SourceFile] = [] {
        didSet { versionDates = VersionSources.dates(versionFiles) }
    }
    private(set) var versionDates: [String: [CalendarDay]] = [:]

    struct Result {
        /// Outputs made by this build.
        var outputs: [Output]
        /// Outputs of the current site that stay as they are.
        var kept: [String]
        var diagnostics: [Diagnostic]
        /// The protocols linked by this build (all of them without a state).
        var linked: [LinkedProtocol]
        /// For the next build; nil when there were errors.
        var state: BuildState?
    }

    private var renderer: SiteRenderer { SiteRenderer(config: config, theme: theme, today: today, versionDates: versionDates) }
    private var parser: ProtocolParser { ProtocolParser(config: config) }

    func plan(_ files: [SourceFile], previous: BuildState?, startDiagnostics: [Diagnostic]) -> Result {
        let old = Dictionary(previous?.documents.map { ($0.path, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let hashes = files.map { StableHash.of($0.bytes) }
        let changed = files.indices.filter { old[files[$0].path]?.sourceHash != hashes[$0] }
        let changedSet = Set(changed)
        let present = Set(files.map(\.path))
        let deleted = previous?.documents.filter { !present.contains($0.path) } ?? []

        // Parse what changed.
        var diagnostics = startDiagnostics
        var documents: [Int: ProtocolDocument] = [:]
        var ownDiagnostics: [Int: [Diagnostic]] = [:]
        var failed = false
        stage("parse") {
            for (index, result) in zip(changed, parseAll(changed.map { files[$0] })) {
                ownDiagnostics[index] = result.1
                if let document = result.0 { documents[index] = document } else { failed = true }
            }
        }
        if failed, previous != nil {
            // Errors are reported as a build from nothing reports them.
            return plan(files, previous: nil, startDiagnostics: startDiagnostics)
        }

        // What every other document's links depend on.
        var summaries: [LinkSummary] = []
        for index in files.indices {
            if let document = documents[index] {
                summaries.append(LinkSummary(document))
            } else if !changedSet.contains(index), let record = old[files[index].path] {
                summaries.append(record.summary)
            }
        }
        let slugErrors = Self.slugErrors(summaries)
        if !slugErrors.isEmpty || failed {
            if previous != nil { return plan(files, previous: nil, startDiagnostics: startDiagnostics) }
            // As a full build: what parsed is linked, for its warnings too.
            let parsed = files.indices.compactMap { documents[$0] }
            var all = diagnostics + ownDiagnostics.values.flatMap { $0 } + slugErrors
            let site = SiteLinker().link(parsed, diagnostics: &all)
            return Result(outputs: [], kept: [], diagnostics: all.sorted(), linked: site.protocols, state: nil)
        }
        // Every file parsed: summaries are in file order, one each.
        precondition(summaries.count == files.count)

        // Documents to link again: the changed ones, and those whose text
        // names a document whose names, citing words or anchors changed.
        var relink = Set(changed)
        var alteredNames: [[[UInt8]]] = []
        for index in changed {
            let before = old[files[index].path]?.summary
            let after = summaries[index]
            guard before != after else { continue }
            alteredNames += NameKeys.of(after) + (before.map(NameKeys.of) ?? [])
        }
        for record in deleted { alteredNames += NameKeys.of(record.summary) }
        if !alteredNames.isEmpty {
            let keys = Array(Set(alteredNames))
            for index in files.indices where !relink.contains(index) && NameKeys.mayName(files[index].bytes, anyOf: keys) {
                relink.insert(index)
            }
        }
        let site = SiteIndex(summaries)
        var references: [Int: [References]] = [:]
        var linked: [Int: LinkedProtocol] = [:]
        var linkDiagnostics: [Int: [Diagnostic]] = [:]
        func link(_ indices: [Int]) {
            // Unchanged documents are parsed again only to be linked again.
            let unparsed = indices.filter { documents[$0] == nil }
            for (index, result) in zip(unparsed, parseAll(unparsed.map { files[$0] })) {
                documents[index] = result.0!
                ownDiagnostics[index] = result.1
            }
            let results = SiteLinker().linkEach(indices.map { documents[$0]! }, site: site)
            for (index, result) in zip(indices, results) {
                references[index] = result.references
                linkDiagnostics[index] = result.diagnostics
                linked[index] = LinkedProtocol(document: result.document, backLinks: [:])
                // The linked tree replaces the parsed one: a large site cannot keep both.
                documents[index] = nil
            }
        }
        stage("link") { link(relink.sorted()) }

        // Earlier versions of the protocols linked again: their pages, the
        // listing's versions and changes, and what their files have to say.
        var versionOutputs: [Output] = []
        var versionListings: [Int: VersionListing] = [:]
        var versionDiagnostics: [Int: [Diagnostic]] = [:]
        diagnostics += VersionSources.placeDiagnostics(versionFiles, slugs: Set(summaries.map(\.slug)))
        stage("versions") {
            for index in relink.sorted() {
                guard let current = linked[index]?.document, versionDates[current.metadata.slug] != nil else { continue }
                var local: [Diagnostic] = []
                let earlier = VersionSources.parse(VersionSources.files(versionFiles, of: current.metadata.slug), current: current.metadata,
                                                   config: config, diagnostics: &local)
                let history = VersionHistory(current: current, earlier: earlier)
                versionListings[index] = history.listing
                versionDiagnostics[index] = local
                versionOutputs += renderer.versionOutputs(history, title: current.metadata.title)
            }
        }

        // Pages to render again: the relinked, and those whose back links
        // changed.
        var affectedSlugs: Set<String> = []
        for index in relink {
            let before = old[files[index].path]?.references ?? []
            let after = references[index] ?? []
            guard before != after else { continue }
            for reference in Set(before).symmetricDifference(after) { affectedSlugs.insert(reference.slug) }
        }
        for record in deleted { for reference in record.references { affectedSlugs.insert(reference.slug) } }
        let render = relink.union(files.indices.filter { affectedSlugs.contains(summaries[$0].slug) })
        let unlinked = render.subtracting(relink).sorted()
        link(unlinked)

        let allReferences = files.indices.map { references[$0] ?? old[files[$0].path]!.references }
        let backLinks = SiteLinker.backLinks(allReferences)
        var pages: [LinkedProtocol] = render.sorted().map { index in
            var page = linked[index]!
            page.backLinks = backLinks[page.document.metadata.slug] ?? [:]
            return page
        }

        // Records for the next build.
        var records: [DocumentRecord] = []
        let terms = TermTable(terms: previous?.terms ?? [])
        var outputs: [Output] = []
        var kept: [String] = []
        var searchPaths = previous?.searchPaths ?? []
        stage("render") {
            let prepared = prepareSearch(changed.map { linked[$0]!.document }, terms: terms)
            var preparedByIndex: [Int: [PreparedEntry]] = [:]
            for (index, entries) in zip(changed, prepared) { preparedByIndex[index] = entries }
            // Listings as JSON, on all cores.
            let changedDocuments = changed.map { linked[$0]!.document }
            let changedVersions = changed.map { versionListings[$0] ?? VersionListing() }
            let encoded = ResultSlots<[UInt8]>(count: changed.count)
            DispatchQueue.concurrentPerform(iterations: changed.count) {
                encoded.set($0, DocumentRecord.encodeListing(ProtocolListing(changedDocuments[$0], versions: changedVersions[$0])))
            }
            var listingByIndex: [Int: [UInt8]] = [:]
            for (index, listing) in zip(changed, encoded.values) { listingByIndex[index] = listing }
            var listingsChanged = previous == nil || !deleted.isEmpty
            for index in files.indices {
                let path = files[index].path
                let record: DocumentRecord
                if linked[index] != nil, changedSet.contains(index) || relink.contains(index) {
                    let listing = listingByIndex[index] ?? old[path]!.listing
                    if listing != old[path]?.listing { listingsChanged = true }
                    record = DocumentRecord(
                        path: path, sourceHash: hashes[index], summary: summaries[index],
                        references: references[index] ?? [],
                        diagnostics: (ownDiagnostics[index] ?? []) + (linkDiagnostics[index] ?? []) + (versionDiagnostics[index] ?? []),
                        listing: listing,
                        search: preparedByIndex[index] ?? old[path]!.search)
                } else {
                    record = old[path]!
                }
                records.append(record)
            }
            if previous != nil { kept += renderer.staticPaths } else { outputs += renderer.staticOutputs() }
            let listings: [ProtocolListing]
            if listingsChanged {
                // Decoded on all cores: JSON is slow to read back.
                let slots = ResultSlots<ProtocolListing>(count: records.count)
                let linkedNow = linked, recordsNow = records, versionsNow = versionListings
                DispatchQueue.concurrentPerform(iterations: records.count) { index in
                    if changedSet.contains(index), let document = linkedNow[index]?.document {
                        slots.set(index, ProtocolListing(document, versions: versionsNow[index] ?? VersionListing()))
                    } else if let listing = recordsNow[index].decodeListing() {
                        slots.set(index, listing)
                    }
                }
                listings = slots.values
                outputs += renderer.listingOutputs(listings)
            } else {
                kept += renderer.listingPaths
            }
            let rendered = Set(render.map { summaries[$0].slug })
            if previous != nil {
                kept += summaries.filter { !rendered.contains($0.slug) }.map { $0.slug + "/index.html" }
                for index in files.indices where !relink.contains(index) {
                    let slug = summaries[index].slug
                    kept += SiteRenderer.versionPaths(slug: slug, dates: versionDates[slug] ?? [])
                }
            }
            outputs += versionOutputs
            outputs += renderer.renderProtocolPages(pages)
            pages = []
            if !keepLinked { linked = [:] }
            if previous == nil || !changed.isEmpty || !deleted.isEmpty {
                let order = SiteRenderer.readingOrder(Array(records.indices)) { index in
                    ProtocolMetadata(title: records[index].summary.title, slug: records[index].summary.slug)
                }
                let entries = order.flatMap { records[$0].search }
                let keptChunks = previous.map { unchangedEntryChunks($0, order: order, records: records, changed: changedSet, entryCount: entries.count) } ?? []
                let made = renderer.searchFiles(entries, terms: terms, keepEntryChunk: keptChunks.contains)
                kept += keptChunks.sorted().map(SearchIndexBuilder.entryChunkPath)
                searchPaths = made.map(\.path) + keptChunks.sorted().map(SearchIndexBuilder.entryChunkPath)
                outputs += made
            } else {
                kept += previous!.searchPaths
            }
        }

        for record in records { diagnostics += record.diagnostics }
        let state = BuildState(
            key: key, terms: terms.terms, documents: records, searchPaths: searchPaths)
        let linkedList = files.indices.compactMap { index -> LinkedProtocol? in
            guard var page = linked[index] else { return nil }
            page.backLinks = backLinks[page.document.metadata.slug] ?? [:]
            return page
        }
        return Result(outputs: outputs.sorted { $0.path < $1.path }, kept: kept.sorted(), diagnostics: diagnostics.sorted(),
                      linked: linkedList, state: state)
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
        for index in order {
            let count = records[index].search.count
            if changed.contains(index), count > 0 {
                for chunk in (offset / size)...((offset + count - 1) / size) { dirty.insert(chunk) }
            }
            offset += count
        }
        let existing = Set(previous.searchPaths)
        return Set((0..<((entryCount + size - 1) / size)).filter { !dirty.contains($0) && existing.contains(SearchIndexBuilder.entryChunkPath($0)) })
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

    /// Parses on all cores (cmark-gfm itself is serialised inside
    /// `MarkdownParser`); results keep the files' order. A document's
    /// diagnostics include its review warnings, which depend on it alone.
    func parseAll(_ files: [SourceFile]) -> [(ProtocolDocument?, [Diagnostic])] {
        let parser = self.parser
        let today = self.today, warningDays = config.reviewWarningDays
        let slots = ResultSlots<(ProtocolDocument?, [Diagnostic])>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            var local: [Diagnostic] = []
            let document = parser.parse(files[index], diagnostics: &local)
            if let document { local += ReviewWarnings.for([document], today: today, warningDays: warningDays) }
            slots.set(index, (document, local))
        }
        return slots.values
    }

    /// Two files may not claim one page.
    static func slugErrors(_ summaries: [LinkSummary]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var errors: [Diagnostic] = []
        for summary in summaries {
            let key = summary.slug.lowercased()
            if let first = owners[key] {
                errors.append(.error("the slug '\(summary.slug)' is already used by \(first); give one of them another slug", in: summary.path, line: 1, column: 1))
            } else {
                owners[key] = summary.path
            }
        }
        return errors
    }
}
