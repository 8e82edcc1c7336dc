import Foundation
import ProtositeSearch

/// What one build leaves for the next, so that after an edit only what the
/// edit affects is made again: for every protocol, what the rest of the
/// site needs of it.
struct BuildState: Sendable {
    /// Everything besides the content that the outputs depend on; a build
    /// whose key differs starts afresh.
    var key: UInt64
    /// The search index's term table, which prepared entries refer to.
    var terms: [String]
    /// In path order.
    var documents: [DocumentRecord]
    /// The search index files (their number depends on the index, so it
    /// is kept; the other outputs' paths follow from config and sources).
    var searchPaths: [String]
}

/// Where a record lies in the cache's pack file, and the hash of its bytes.
struct StoredRecord: Sendable, Equatable {
    var offset: Int
    var length: Int
    var hash: UInt64
}

/// One protocol as the last build left it.
struct DocumentRecord: Sendable {
    var path: String
    var sourceHash: UInt64
    var summary: LinkSummary
    /// The places it cites, as linking found them.
    var references: [References]
    /// Everything the build said about it: parsing, review dates, linking.
    var diagnostics: [Diagnostic]
    /// `ProtocolListing` in the cache's own layout (`ListingCoding.swift`),
    /// compared whole to tell a changed listing and read back for the
    /// list pages.
    var listing: [UInt8]
    /// Its search entries, ready for the index; without their fields when
    /// those are `spooled`. A slice: after the index stage every record's
    /// entries are slices of one array in reading order.
    var search: ArraySlice<PreparedEntry>
    /// Where the entries' fields wait, for a record made this build in a
    /// site that writes a cache (see `EntrySpool`).
    var spooled: EntrySpool.Place? = nil
    /// Where it is stored in the cache, when it came from there unchanged
    /// (not stored in the record itself).
    var storedAs: StoredRecord? = nil

    var pagePath: String { summary.slug + "/index.html" }

    static func encodeListing(_ listing: ProtocolListing) -> [UInt8] {
        var out = CacheWriter()
        listing.encode(to: &out)
        return out.bytes
    }

    /// Nil when the bytes are damaged.
    func decodeListing() -> ProtocolListing? {
        var input = CacheReader(listing)
        guard let decoded = try? ProtocolListing(from: &input), input.isAtEnd else { return nil }
        return decoded
    }
}

extension BuildState {
    static let magic: UInt64 = 0x3330_4554_4154_5350 // "PSTATE03", little-endian

    /// The state without its documents' records, which are stored apart
    /// (by the hashes given, in path order).
    func encodedHeader(records: [StoredRecord], manifest: SiteManifest) -> [UInt8] {
        var out = CacheWriter()
        out.u64(Self.magic)
        out.u64(key)
        out.strings(terms)
        out.strings(searchPaths)
        out.array(records) { out, record in
            out.int(record.offset)
            out.int(record.length)
            out.u64(record.hash)
        }
        manifest.encode(to: &out)
        return out.bytes
    }

    /// Reads a header written by `encodedHeader`; nil when it is for
    /// another key. The documents come back empty, to be filled from the
    /// records.
    /// What the state file holds besides the records themselves.
    struct Header {
        var state: BuildState
        var records: [StoredRecord]
        var manifest: SiteManifest
    }

    static func decodeHeader(_ bytes: [UInt8], key expected: UInt64) throws -> Header? {
        var input = CacheReader(bytes)
        guard try input.u64() == magic else { throw CacheReader.Damaged() }
        let key = try input.u64()
        guard key == expected else { return nil }
        let state = BuildState(key: key, terms: try input.strings(), documents: [], searchPaths: try input.strings())
        let records = try input.array { StoredRecord(offset: try $0.int(), length: try $0.int(), hash: try $0.u64()) }
        let manifest = try SiteManifest(from: &input)
        guard input.isAtEnd else { throw CacheReader.Damaged() }
        return Header(state: state, records: records, manifest: manifest)
    }

    /// Every prepared entry refers to a term of the table.
    func termsAreKnown() -> Bool {
        documents.allSatisfy { record in record.search.allSatisfy { $0.termsAreValid(below: terms.count) } }
    }
}

extension DocumentRecord {
    func encoded() -> [UInt8] {
        var out = CacheWriter()
        encode(to: &out)
        return out.bytes
    }

    init(decoding bytes: ArraySlice<UInt8>) throws {
        var input = CacheReader(bytes)
        try self.init(from: &input)
        guard input.isAtEnd else { throw CacheReader.Damaged() }
    }

    func encode(to out: inout CacheWriter) {
        precondition(spooled == nil, "a record is stored with its entries' fields")
        out.string(path)
        out.u64(sourceHash)
        out.string(summary.path)
        out.string(summary.slug)
        out.string(summary.title)
        out.strings(summary.aliases)
        out.strings(summary.citedAs)
        out.strings(summary.anchors)
        out.array(summary.clauses) { out, clause in
            out.array(clause.parts) { $0.int($1) }
            out.strings(clause.labels)
        }
        out.array(references) { out, reference in
            out.string(reference.slug)
            out.string(reference.anchor)
            out.array(reference.places) { out, place in
                out.string(place.fromSlug)
                out.string(place.fromTitle)
                out.string(place.fromLabel)
                out.optionalString(place.fromAnchor)
            }
        }
        out.array(diagnostics) { out, diagnostic in
            out.string(diagnostic.path)
            out.int(diagnostic.line)
            out.int(diagnostic.column)
            out.bool(diagnostic.severity == .error)
            out.string(diagnostic.message)
        }
        out.raw(listing)
        // One buffer of every entry's fields and packed terms per document,
        // sliced again on reading: tens of thousands of entries come back
        // in a few copies. A document's entries share its protocol row,
        // stored once.
        var storage: [UInt8] = []
        var sizes: [UInt32] = []
        var protocols: [[UInt8]] = []
        for entry in search {
            storage += entry.storage
            let row = Array(entry.protocolJSON)
            let number = protocols.firstIndex(of: row) ?? protocols.count
            if number == protocols.count { protocols.append(row) }
            sizes += [UInt32(entry.storage.count), UInt32(entry.json.count), UInt32(entry.length), entry.status.rawValue, UInt32(number)]
        }
        out.array(protocols) { $0.raw($1) }
        out.raw(storage)
        out.u32s(sizes)
    }

    init(from input: inout CacheReader) throws {
        path = try input.string()
        sourceHash = try input.u64()
        summary = LinkSummary(
            path: try input.string(), slug: try input.string(), title: try input.string(),
            aliases: try input.strings(), citedAs: try input.strings(), anchors: try input.strings(),
            clauses: try input.array { input in
                guard let number = ClauseNumber(parts: try input.array { try $0.int() }, labels: try input.strings()) else { throw CacheReader.Damaged() }
                return number
            })
        references = try input.array { input in
            References(slug: try input.string(), anchor: try input.string(), places: try input.array { input in
                BackLink(fromSlug: try input.string(), fromTitle: try input.string(), fromLabel: try input.string(), fromAnchor: try input.optionalString())
            })
        }
        diagnostics = try input.array { input in
            let path = try input.string()
            let line = try input.int()
            let column = try input.int()
            let severity: Diagnostic.Severity = try input.bool() ? .error : .warning
            return Diagnostic(path: path, line: line, column: column, severity: severity, message: try input.string())
        }
        listing = try input.raw()
        let protocols = try input.array { try $0.raw() }
        let storage = try input.slice()
        let sizes = try input.u32s()
        guard sizes.count % 5 == 0 else { throw CacheReader.Damaged() }
        var entries: [PreparedEntry] = []
        entries.reserveCapacity(sizes.count / 5)
        var start = storage.startIndex
        for index in stride(from: 0, to: sizes.count, by: 5) {
            let end = start + Int(sizes[index]), jsonCount = Int(sizes[index + 1])
            guard end <= storage.endIndex, jsonCount <= end - start,
                  let status = EntryStatus(rawValue: sizes[index + 3]), Int(sizes[index + 4]) < protocols.count else { throw CacheReader.Damaged() }
            entries.append(PreparedEntry(storage: storage[start..<end], jsonCount: jsonCount, protocolJSON: protocols[Int(sizes[index + 4])][...],
                                         length: Int(sizes[index + 2]), status: status))
            start = end
        }
        guard start == storage.endIndex else { throw CacheReader.Damaged() }
        search = entries[...]
    }
}
