import Foundation

/// What a build must make again, from the parsed sources and what the last
/// build left (`BuildState`). A full build is the one with nothing left:
/// every file is changed. Either way the site is the same, byte for byte,
/// as a build from nothing makes (Tests: IncrementalBuildTests).
///
/// Positions are the files' places in path order, as in `ParsedSite`.
struct ChangeSet: Sendable {
    /// No last build: everything is made.
    var isFull: Bool
    /// Files that are new or whose bytes changed.
    var changed: Set<Int>
    /// Files the last build had that are gone.
    var deleted: [DocumentRecord]
    /// Files to link again: the changed, and those whose text may name a
    /// document whose names, citing words or anchors changed or went.
    var relink: Set<Int>

    init(_ site: ParsedSite, previous: BuildState?) {
        let protocols = site.protocols
        isFull = previous == nil
        changed = Set(protocols.indices.filter { protocols[$0].isChanged })
        let present = Set(protocols.map(\.source.path))
        deleted = previous?.documents.filter { !present.contains($0.path) } ?? []

        var alteredNames: [[[UInt8]]] = []
        for position in changed {
            let old = protocols[position].last?.summary
            guard let new = protocols[position].summary, old != new else { continue }
            alteredNames += NameKeys.of(new) + (old.map(NameKeys.of) ?? [])
        }
        for record in deleted { alteredNames += NameKeys.of(record.summary) }
        relink = changed
        guard !alteredNames.isEmpty, !isFull else { return }
        let keys = Array(Set(alteredNames))
        for position in protocols.indices where !relink.contains(position) && NameKeys.mayName(protocols[position].source.bytes, anyOf: keys) {
            relink.insert(position)
        }
    }

    /// Whether anything at all must be made again.
    var isEmpty: Bool { !isFull && changed.isEmpty && deleted.isEmpty }

    /// The slugs whose pages' back links may differ: every place a relinked
    /// file cites now and did not before, or no longer cites, and every
    /// place a deleted file cited.
    func slugsWithChangedBackLinks(_ linked: [LinkedEntry]) -> Set<String> {
        var slugs: Set<String> = []
        for position in relink {
            let before = linked[position].parsed.last?.references ?? []
            let after = linked[position].references
            guard before != after else { continue }
            for reference in Set(before).symmetricDifference(after) { slugs.insert(reference.slug) }
        }
        for record in deleted { for reference in record.references { slugs.insert(reference.slug) } }
        return slugs
    }
}
