/// The front matter exactly as written, decoded from YAML. Dates stay text
/// here: `DateParser` reads them later so an impossible date can be reported
/// at its own line.
public struct FrontMatter: Decodable, Sendable, Equatable {
    public var title: String?
    public var slug: String?
    public var council: String?
    public var status: String?
    public var adopted: String?
    public var reviewed: String?
    public var review: String?
    public var version: String?
    public var aliases: TextList?
    public var citedAs: TextList?
    public var summary: String?
    public var tags: TextList?
    public var history: [HistoryRow]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, slug, council, status, adopted, reviewed, review, version, aliases
        case citedAs = "cited_as"
        case summary, tags, history
    }

    public static let knownKeys: [String] = CodingKeys.allCases.map(\.rawValue)

    /// One row of the version table.
    public struct HistoryRow: Decodable, Sendable, Equatable {
        public var date: String?
        public var version: String?
        public var change: String?
        public var review: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case date, version, change, review
        }

        public static let knownKeys: [String] = CodingKeys.allCases.map(\.rawValue)
    }
}

/// A list of words or names, also accepted as one bare string
/// (`aliases: Member Officer Protocol`).
public struct TextList: Decodable, Sendable, Equatable {
    public var items: [String]

    public init(_ items: [String]) { self.items = items }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            items = [one]
        } else if let many = try? container.decode([String].self) {
            items = many
        } else {
            throw DecodingError.typeMismatch(TextList.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a list of text"))
        }
    }
}
