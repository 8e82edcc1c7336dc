/// What the site-wide pages and files (the list, the schedule,
/// `protocols.json`, the calendar, the feed) know of a protocol: its
/// metadata and a few facts of its body, not the body itself. Small, so
/// a build keeps it for the next one (in the cache's own layout:
/// `ListingCoding.swift`).
public struct ProtocolListing: Sendable, Equatable, Codable {
    public var path: String
    public var metadata: ProtocolMetadata
    public var clauseCount: Int
    /// Its earlier versions and their changes (empty when there are none).
    public var versions: VersionListing

    public init(_ document: ProtocolDocument, versions: VersionListing = VersionListing()) {
        path = document.path
        metadata = document.metadata
        clauseCount = document.clauses.count
        self.versions = versions
    }

    init(path: String, metadata: ProtocolMetadata, clauseCount: Int, versions: VersionListing = VersionListing()) {
        self.path = path
        self.metadata = metadata
        self.clauseCount = clauseCount
        self.versions = versions
    }

    public var urlPath: String { metadata.slug + "/" }
}
