import Foundation

/// A protocol's earlier versions as the versions stage read them.
struct VersionedProtocol: Sendable {
    var history: VersionHistory
    var title: String
    /// What its listing says of its versions.
    var listing: VersionListing
    /// What its version files had to say.
    var diagnostics: [Diagnostic]
}

/// One content file after the versions stage.
struct VersionedEntry: Sendable {
    var linked: LinkedEntry
    /// Its earlier versions, when it was linked again and has some.
    var versions: VersionedProtocol?
}

/// The versions stage's output.
struct VersionedSources: Sendable {
    /// Every content file, in path order.
    var entries: [VersionedEntry]
    var links: SiteLinks
    /// Version files in the wrong place, or for no protocol.
    var diagnostics: [Diagnostic]
}

extension BuildContext {
    /// The versions stage: the earlier versions of every protocol linked
    /// again (a change under `versions/` makes a full build, so the others'
    /// pages stay as they are).
    /// Takes the entries out of `linked`, so their trees have one owner.
    func versions(_ linked: inout LinkedSources) -> VersionedSources {
        let slugs = Set(linked.entries.compactMap { $0.parsed.summary?.slug })
        let linkedEntries = linked.entries
        linked.entries = []
        let entries = linkedEntries.map { entry -> VersionedEntry in
            guard entry.isRelinked, let slug = entry.parsed.summary?.slug, versionDates[slug] != nil else {
                return VersionedEntry(linked: entry, versions: nil)
            }
            let current = entry.document?.document ?? linkedDocuments([entry], index: linked.links.index)[0]
            var diagnostics: [Diagnostic] = []
            let earlier = VersionSources.parse(VersionSources.files(versionFiles, of: current.metadata.slug), current: current.metadata,
                                               config: config, diagnostics: &diagnostics)
            let history = VersionHistory(current: current, earlier: earlier)
            return VersionedEntry(linked: entry, versions: VersionedProtocol(history: history, title: current.metadata.title,
                                                                             listing: history.listing, diagnostics: diagnostics))
        }
        return VersionedSources(entries: entries, links: linked.links, diagnostics: VersionSources.placeDiagnostics(versionFiles, slugs: slugs))
    }
}

extension VersionedEntry {
    /// Everything the build has to say about this file: found again when
    /// it was linked again, else what the last build found.
    var diagnostics: [Diagnostic] {
        guard linked.isRelinked else { return linked.parsed.last?.diagnostics ?? [] }
        return linked.parsed.diagnostics + linked.diagnostics + (versions?.diagnostics ?? [])
    }
}

extension VersionedSources {
    /// Every protocol linked, with its back links (all of them in a full
    /// build), in path order: what `check` and `reviews` read.
    func linkedSite(_ context: BuildContext) -> LinkedSite {
        let linked = entries.map(\.linked).filter { $0.document != nil || !links.keepsTrees }
        return LinkedSite(protocols: context.linkedDocuments(linked, index: links.index).map {
            LinkedProtocol(document: $0, backLinks: links.backLinks[$0.metadata.slug] ?? [:])
        })
    }
}
