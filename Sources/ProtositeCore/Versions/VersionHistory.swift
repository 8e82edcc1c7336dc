/// A protocol's versions and what changed between each and the next: the
/// versions stage's answer, as values. Render only formats it.
public struct VersionHistory: Sendable {
    public var slug: String
    /// Oldest first.
    public var earlier: [EarlierVersion]
    /// The current text's adoption day, if it has one.
    public var currentDate: CalendarDay?
    /// Newest first: the change to the current text, then each before it.
    public var changes: [Change]

    /// One change of version.
    public struct Change: Sendable {
        public var from: CalendarDay
        /// Nil when the current text has no adoption date.
        public var to: CalendarDay?
        public var alignment: ClauseAlignment
        /// A fragment id for this change on the changes page.
        public var anchor: String { "change-" + (to?.description ?? "current") }
    }

    public init(current: ProtocolDocument, earlier: [EarlierVersion]) {
        slug = current.metadata.slug
        self.earlier = earlier
        currentDate = current.metadata.adopted?.firstDay
        let texts = earlier.map { VersionClause.of($0.document) } + [VersionClause.of(current)]
        let dates: [CalendarDay?] = earlier.map(\.date) + [currentDate]
        var changes: [Change] = []
        for index in earlier.indices {
            changes.append(Change(from: dates[index]!, to: dates[index + 1],
                                  alignment: ClauseAlignment(older: texts[index], newer: texts[index + 1])))
        }
        self.changes = changes.reversed()
    }

    /// The day a version was replaced: the next version's date.
    public func replaced(after index: Int) -> CalendarDay? {
        index + 1 < earlier.count ? earlier[index + 1].date : currentDate
    }

    /// What `protocols.json` and the feed keep of it.
    public var listing: VersionListing {
        VersionListing(
            dates: earlier.map(\.date.description),
            changes: changes.map { change in
                VersionListing.Change(from: change.from.description, to: change.to?.description,
                                      clauses: change.alignment.changes.map { pair in
                    VersionListing.Clause(kind: pair.kind.rawValue, clause: (pair.newer ?? pair.older)!.number.description,
                                          was: pair.was?.description)
                })
            })
    }
}

/// The versions of a protocol as the listing files need them: small, and
/// kept in the build cache with the rest of its listing.
public struct VersionListing: Sendable, Equatable, Codable {
    /// ISO days of the earlier versions, oldest first.
    public var dates: [String]
    /// Newest first.
    public var changes: [Change]

    public struct Change: Sendable, Equatable, Codable {
        public var from: String
        public var to: String?
        public var clauses: [Clause]
    }

    public struct Clause: Sendable, Equatable, Codable {
        public var kind: String
        public var clause: String
        public var was: String?
    }

    public init(dates: [String] = [], changes: [Change] = []) {
        self.dates = dates
        self.changes = changes
    }
}
