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
/// slices, not copies of strings: a large site holds every entry from its
/// page to the index (three hundred thousand at ten thousand protocols),
/// so an entry's fields and terms share one buffer, and the terms are
/// packed (ids in increasing order, each as its difference from the one
/// before, and frequencies, all as LEB128 varints: about a third of the
/// 32-bit pairs they were). Entries kept between builds share one buffer
/// per document.
public struct PreparedEntry: Sendable, Equatable {
    /// The fields, then the packed terms.
    public private(set) var storage: ArraySlice<UInt8>
    /// How many of `storage`'s bytes are the fields.
    private var jsonCount: Int32
    /// Words in the entry's text (at least 1), for length normalisation.
    private var storedLength: Int32
    /// Its protocol's status, for the index's `status` runs.
    public var status: EntryStatus
    /// Its protocol's row in the index's `protocols`:
    /// `["code-of-conduct","Code of Conduct"]`, with the status third when
    /// it is not adopted.
    public var protocolJSON: ArraySlice<UInt8>

    /// The entry's fields after its protocol's number in the index's entry
    /// array (docs/search-index.md): `"4.8","clause-4.8","Respect","4.8 A …"`,
    /// and its URL last when it is not the one the client derives.
    public var json: ArraySlice<UInt8> { storage.prefix(Int(jsonCount)) }
    /// The packed terms.
    public var packedTerms: ArraySlice<UInt8> { storage.dropFirst(Int(jsonCount)) }
    public var length: Int { Int(storedLength) }

    /// `terms` as id, frequency, id, frequency, … in any order of ids.
    public init(json: [UInt8], protocolJSON: ArraySlice<UInt8>, terms: [UInt32], length: Int, status: EntryStatus = .adopted) {
        // Each pair as one number, id high, so that sorting sorts by id.
        var pairs = [UInt64](repeating: 0, count: terms.count / 2)
        for index in pairs.indices { pairs[index] = UInt64(terms[2 * index]) << 32 | UInt64(terms[2 * index + 1]) }
        pairs.sort()
        var bytes = json
        bytes.reserveCapacity(json.count + pairs.count * 3)
        var previous: UInt32 = 0
        for pair in pairs {
            let id = UInt32(truncatingIfNeeded: pair >> 32)
            Self.appendVarint(id - previous, to: &bytes)
            Self.appendVarint(UInt32(truncatingIfNeeded: pair), to: &bytes)
            previous = id
        }
        self.init(storage: bytes[...], jsonCount: json.count, protocolJSON: protocolJSON, length: length, status: status)
    }

    /// An entry from its buffer as `storage` gives it (read back from a cache).
    public init(storage: ArraySlice<UInt8>, jsonCount: Int, protocolJSON: ArraySlice<UInt8>, length: Int, status: EntryStatus) {
        self.storage = storage
        self.jsonCount = Int32(clamping: jsonCount)
        self.storedLength = Int32(clamping: length)
        self.status = status
        self.protocolJSON = protocolJSON
    }

    /// The entries without their fields, their packed terms sharing one
    /// buffer: what a large site holds of an entry whose fields wait
    /// elsewhere (one allocation a protocol rather than one an entry).
    public static func withoutJSON(_ entries: [PreparedEntry]) -> [PreparedEntry] {
        var terms: [UInt8] = []
        terms.reserveCapacity(entries.reduce(0) { $0 + $1.packedTerms.count })
        for entry in entries { terms += entry.packedTerms }
        var start = terms.startIndex
        return entries.map { entry in
            let end = start + entry.packedTerms.count
            defer { start = end }
            return PreparedEntry(storage: terms[start..<end], jsonCount: 0, protocolJSON: entry.protocolJSON, length: entry.length, status: entry.status)
        }
    }

    /// The entry with `json` as its fields (in place of any it has).
    public func withJSON(_ json: ArraySlice<UInt8>) -> PreparedEntry {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.count + packedTerms.count)
        bytes += json
        bytes += packedTerms
        return PreparedEntry(storage: bytes[...], jsonCount: json.count, protocolJSON: protocolJSON, length: length, status: status)
    }

    /// Each (id, frequency) pair, ids increasing. Stops at a truncated
    /// pair, which `termsAreValid` tells.
    public func forEachTerm(_ body: (Int, Int) -> Void) {
        packedTerms.withUnsafeBufferPointer { buffer in
            var reader = VarintReader(buffer)
            var id: UInt32 = 0
            while let delta = reader.next(), let frequency = reader.next() {
                id &+= delta
                body(Int(id), Int(frequency))
            }
        }
    }

    /// Whether the packed terms are whole pairs with every id below `count`
    /// (for terms read back from a cache).
    public func termsAreValid(below count: Int) -> Bool {
        packedTerms.withUnsafeBufferPointer { buffer in
            var reader = VarintReader(buffer)
            var id: UInt64 = 0
            while !reader.isAtEnd {
                guard let delta = reader.next(), reader.next() != nil else { return false }
                id += UInt64(delta)
                if id >= UInt64(count) { return false }
            }
            return true
        }
    }

    @inline(__always)
    static func appendVarint(_ value: UInt32, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads LEB128 varints of at most 32 bits; nil at the end or at a
/// malformed one.
struct VarintReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index == bytes.count }

    @inline(__always)
    mutating func next() -> UInt32? {
        guard index < bytes.count else { return nil }
        let first = bytes[index]
        index += 1
        if first < 0x80 { return UInt32(first) }
        var value = UInt32(first & 0x7F)
        var shift: UInt32 = 7
        while index < bytes.count, shift < 35 {
            let byte = bytes[index]
            index += 1
            value |= UInt32(truncatingIfNeeded: byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
