/// One searchable unit of the site: a clause, or a section of a document
/// without clause numbers, or a document's preamble.
public struct SearchEntry: Sendable, Equatable {
    /// The protocol's slug (its URL path under the site root).
    public var slug: String
    /// The protocol's title.
    public var title: String
    /// The clause number (`"4.8"`), or nil for a section or preamble.
    public var clause: String?
    /// The element id on the protocol page (`clause-4.8`, `press-and-media`),
    /// or empty for the preamble.
    public var anchor: String
    /// The URL relative to the site root: `SLUG/#clause-4.8`, or `SLUG/`.
    public var url: String
    /// The heading the entry stands under (for a numbered heading, its text
    /// without the number); the protocol title for the preamble.
    public var heading: String
    /// The entry's plain text, headings excluded.
    public var text: String
    /// Other names the protocol is known by (front matter `aliases`).
    public var aliases: [String]
    /// The protocol's status (`adopted`, `draft`, `superseded`,
    /// `withdrawn`): results say what they are, and rank adopted ones first.
    public var status: EntryStatus

    public init(slug: String, title: String, clause: String?, anchor: String, url: String, heading: String, text: String, aliases: [String] = [],
                status: EntryStatus = .adopted) {
        self.slug = slug
        self.title = title
        self.clause = clause
        self.anchor = anchor
        self.url = url
        self.heading = heading
        self.text = text
        self.aliases = aliases
        self.status = status
    }
}

/// A protocol's status as search knows it; the raw values are the index's.
public enum EntryStatus: UInt32, Sendable, Equatable, CaseIterable {
    case adopted, draft, superseded, withdrawn

    public var name: String {
        switch self {
        case .adopted: return "adopted"
        case .draft: return "draft"
        case .superseded: return "superseded"
        case .withdrawn: return "withdrawn"
        }
    }
}

/// An entry as the index takes it: its own fields as JSON, its protocol
/// as JSON shared with the protocol's other entries, and its terms as
/// (term id, weighted frequency) pairs of a `TermTable`. Numbers and
/// slices, not copies of strings: entries kept between builds share one
/// buffer of fields, one of terms and one protocol per document.
public struct PreparedEntry: Sendable, Equatable {
    /// The entry's fields after its protocol's number in the index's entry
    /// array (docs/search-index.md): `"4.8","clause-4.8","Respect","4.8 A …"`,
    /// and its URL last when it is not the one the client derives.
    public var json: ArraySlice<UInt8>
    /// Its protocol's row in the index's `protocols`:
    /// `["code-of-conduct","Code of Conduct"]`, with the status third when
    /// it is not adopted.
    public var protocolJSON: ArraySlice<UInt8>
    /// id, frequency, id, frequency, …
    public var terms: ArraySlice<UInt32>
    /// Words in the entry's text (at least 1), for length normalisation.
    public var length: Int
    /// Its protocol's status, for the index's `status` runs.
    public var status: EntryStatus

    public init(json: ArraySlice<UInt8>, protocolJSON: ArraySlice<UInt8>, terms: ArraySlice<UInt32>, length: Int, status: EntryStatus = .adopted) {
        self.json = json
        self.protocolJSON = protocolJSON
        self.terms = terms
        self.length = length
        self.status = status
    }

    /// Each (id, frequency) pair.
    public func forEachTerm(_ body: (Int, Int) -> Void) {
        var index = terms.startIndex
        while index < terms.endIndex {
            body(Int(terms[index]), Int(terms[index + 1]))
            index += 2
        }
    }
}
