/// A place that refers to a clause or heading, for its "Referred to in" line.
public struct BackLink: Sendable, Equatable, Hashable {
    /// The referring protocol's slug and title.
    public var fromSlug: String
    public var fromTitle: String
    /// The referring clause number or heading (`2.12`, `Press and media`),
    /// or the title when the reference stands in the preamble.
    public var fromLabel: String
    /// The referring section's anchor, or nil for the preamble.
    public var fromAnchor: String?
}

/// A protocol after linking: cross references are links in its tree, and it
/// knows who refers to each of its anchors.
public struct LinkedProtocol: Sendable {
    public var document: ProtocolDocument
    /// Referring places by the anchor they refer to, in reading order.
    public var backLinks: [String: [BackLink]]
}

/// The link stage's output: every protocol, linked, in path order.
public struct LinkedSite: Sendable {
    public var protocols: [LinkedProtocol]
}
