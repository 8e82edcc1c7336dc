import Foundation
import ProtositeSearch

/// One content file after the link stage.
struct LinkedEntry: Sendable {
    var parsed: ParsedProtocol
    /// The linked tree, for a file whose page is made this build.
    var document: KeptDocument?
    /// The places it cites: found again when it was linked again, else the
    /// last build's.
    var references: [References]
    /// What linking said, when it was linked again.
    var diagnostics: [Diagnostic]
    /// Linked again because it or a document it may name changed (as
    /// opposed to linked only so that its page can be made again).
    var isRelinked: Bool
}

/// The link stage's output.
struct LinkedSources: Sendable {
    /// Every content file, in path order.
    var entries: [LinkedEntry]
    var links: SiteLinks
}

/// What linking found about the site as a whole, which the later stages
/// carry along unchanged.
struct SiteLinks: Sendable {
    /// Positions of the files whose pages are made again: the relinked, and
    /// those whose back links changed.
    var pages: Set<Int>
    /// Every clause's referring places, by slug and anchor.
    var backLinks: [String: [String: [BackLink]]]
    /// What links resolve against, for linking again where trees were not kept.
    var index: SiteIndex
    /// Whether every linked tree is kept (see `BuildContext.defaultTreeBudget`).
    var keepsTrees: Bool
}

extension BuildContext {
    /// The link stage. Needs every file parsed (or unchanged): summaries
    /// of all of them make the index links resolve against. Takes the
    /// parsed trees out of `site`: each is let go once linked.
    func link(_ site: inout ParsedSite, changes: ChangeSet) -> LinkedSources {
        let index = SiteIndex(site.protocols.map { $0.summary! })
        let protocols = site.protocols
        site.protocols = []
        var entries = protocols.map { parsed in
            LinkedEntry(parsed: parsed, document: nil, references: parsed.unchanged?.references ?? [], diagnostics: [], isRelinked: false)
        }
        let keep: KeptTrees = site.keepsTrees ? (site.packsTrees ? .packed : .asTheyAre) : .none
        linkAgain(changes.relink.sorted(), in: &entries, index: index, keeping: keep)
        for position in changes.relink { entries[position].isRelinked = true }
        // Pages whose back links changed are linked again only to be made again.
        let slugs = changes.slugsWithChangedBackLinks(entries)
        let backLinkPages = entries.indices.filter { !changes.relink.contains($0) && slugs.contains(entries[$0].parsed.summary!.slug) }
        linkAgain(backLinkPages, in: &entries, index: index, keeping: keep)
        let backLinks = SiteLinker.backLinks(entries.map(\.references))
        return LinkedSources(entries: entries, links: SiteLinks(pages: changes.relink.union(backLinkPages), backLinks: backLinks,
                                                                index: index, keepsTrees: keep != .none))
    }

    /// Links `positions` again, parsing first those that were not (files
    /// unchanged since the last build). Each document is unpacked (or
    /// parsed), linked and kept again in one step on one core, so that its
    /// tree is still in that core's cache from the one to the next (done as
    /// three passes over a batch, the unpacking and packing of a large site
    /// took a third of the stage). In batches, each batch's parsed trees
    /// let go as its linked ones are made: a large site cannot keep both.
    private func linkAgain(_ positions: [Int], in entries: inout [LinkedEntry], index: SiteIndex, keeping: KeptTrees) {
        let parser = self.parser, linker = SiteLinker()
        for start in stride(from: 0, to: positions.count, by: Self.batchSize) {
            let batch = Array(positions[start..<min(positions.count, start + Self.batchSize)])
            let inputs = batch.map { entries[$0].parsed }
            for position in batch { entries[position].parsed.document = nil }
            let slots = ResultSlots<Relinked>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { slot in
                let document: ProtocolDocument
                var parsedAgain: [Diagnostic]? = nil
                if let kept = inputs[slot].document {
                    document = kept.document
                } else {
                    // It parsed last time, from the same bytes, with the same key.
                    let result = parseOne(inputs[slot].source, parser: parser)
                    parsedAgain = result.diagnostics
                    document = result.document!
                }
                let result = linker.linkOne(document, site: index)
                // Without trees kept, the file is parsed again for its page.
                let kept = keeping == .none ? nil : KeptDocument(result.document, packing: keeping == .packed)
                slots.set(slot, Relinked(references: result.references, diagnostics: result.diagnostics, document: kept, parseDiagnostics: parsedAgain))
            }
            for (position, relinked) in zip(batch, slots.values) {
                if let parseDiagnostics = relinked.parseDiagnostics { entries[position].parsed.diagnostics = parseDiagnostics }
                entries[position].references = relinked.references
                entries[position].diagnostics = relinked.diagnostics
                entries[position].document = relinked.document
            }
        }
    }

    /// One document linked again, as `linkAgain` keeps it.
    private struct Relinked: Sendable {
        var references: [References]
        var diagnostics: [Diagnostic]
        var document: KeptDocument?
        /// What parsing it said, when it had to be parsed first.
        var parseDiagnostics: [Diagnostic]?
    }

    /// How the link stage keeps the linked trees for the pages.
    private enum KeptTrees { case none, asTheyAre, packed }
}

extension BuildContext {
    /// The linked trees of `entries`: kept ones as they are, the others
    /// parsed and linked again (in a site above the tree budget), on all cores.
    func linkedDocuments(_ entries: [LinkedEntry], index: SiteIndex) -> [ProtocolDocument] {
        let missing = entries.filter { $0.document == nil }
        let parsed = parseEach(missing.map(\.parsed.source)).map { $0.document! }
        var linked = SiteLinker().linkEach(parsed, site: index).map(\.document)[...]
        var kept = KeptDocument.documents(entries.compactMap(\.document))[...]
        return entries.map { $0.document == nil ? linked.popFirst()! : kept.popFirst()! }
    }
}
