/// What a protocol is and where it stands: its front matter, checked and
/// typed, with defaults and values derived from its history filled in.
public struct ProtocolMetadata: Sendable, Equatable, Codable {
    public var title: String
    public var slug: String
    public var council: String?
    public var status: ProtocolStatus
    public var adopted: ProtocolDate?
    public var reviewed: ProtocolDate?
    /// When the next review is due.
    public var review: ProtocolDate?
    public var version: String?
    public var aliases: [String]
    /// Words this protocol's clauses are cited by (`regulation`, `standing order`).
    public var citedAs: [String]
    public var summary: String?
    public var tags: [String]
    /// Oldest first.
    public var history: [HistoryEntry]

    public init(title: String, slug: String, council: String? = nil, status: ProtocolStatus = .draft,
                adopted: ProtocolDate? = nil, reviewed: ProtocolDate? = nil, review: ProtocolDate? = nil,
                version: String? = nil, aliases: [String] = [], citedAs: [String] = [], summary: String? = nil,
                tags: [String] = [], history: [HistoryEntry] = []) {
        self.title = title
        self.slug = slug
        self.council = council
        self.status = status
        self.adopted = adopted
        self.reviewed = reviewed
        self.review = review
        self.version = version
        self.aliases = aliases
        self.citedAs = citedAs
        self.summary = summary
        self.tags = tags
        self.history = history
    }
}

public enum ProtocolStatus: String, Sendable, CaseIterable, Codable {
    case draft, adopted, superseded, withdrawn

    /// As a reader sees it.
    /// Superseded and withdrawn protocols were once in force.
    public var wasInForce: Bool { self == .superseded || self == .withdrawn }

    /// What a reader must know before relying on the text; nil when in force.
    public var notice: String? {
        switch self {
        case .draft: return "This is a draft. The council has not adopted it."
        case .adopted: return nil
        case .superseded: return "This protocol has been superseded. It is no longer in force."
        case .withdrawn: return "This protocol has been withdrawn. It is no longer in force."
        }
    }

    public var label: String {
        switch self {
        case .draft: return "Draft"
        case .adopted: return "Adopted"
        case .superseded: return "Superseded"
        case .withdrawn: return "Withdrawn"
        }
    }
}

/// One row of the version table.
public struct HistoryEntry: Sendable, Equatable, Codable {
    public var date: ProtocolDate?
    public var version: String?
    public var change: String?
    public var review: ProtocolDate?

    public init(date: ProtocolDate?, version: String?, change: String?, review: ProtocolDate?) {
        self.date = date
        self.version = version
        self.change = change
        self.review = review
    }
}
