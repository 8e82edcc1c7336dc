import Foundation

/// A file of the search index: its path under the site root and its bytes.
public struct SearchIndexFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Builds the prebuilt search index (format: docs/search-index.md): every
/// entry's fields, and for every term the entries it occurs in with a BM25F
/// score computed here, so the browser only looks up and adds.
public enum SearchIndexBuilder {
    public static let formatVersion = 3

    /// Field weights: a word in the protocol's title or aliases counts three
    /// times, in the heading (or the clause number) twice, in the text once.
    static let titleWeight = 3, headingWeight = 2, textWeight = 1
    static let k1 = 1.2, b = 0.75

    /// - Parameter shardThreshold: sites with more entries than this get the split index.
    /// - Parameter synonyms: groups of words that mean the same (the built-in
    ///   vocabulary and the site's); those that can find something here go
    ///   into the index for the browser to expand queries with.
    public static func build(_ entries: [SearchEntry], shardThreshold: Int = 3000, synonyms: [[String]] = []) -> [SearchIndexFile] {
        let terms = TermTable()
        return build(prepare(entries, terms: terms), terms: terms, shardThreshold: shardThreshold, synonyms: synonyms)
    }

    /// What each entry gives the index, worked out on all cores: its JSON
    /// and its weighted terms. An entry's preparation depends on nothing
    /// but the entry, so a build may keep it for the next build.
    public static func prepare(_ entries: [SearchEntry], terms: TermTable) -> [PreparedEntry] {
        var titles: [String: [String]] = [:]
        // One row per protocol, which its entries share rather than copy.
        var rows: [String: [UInt8]] = [:]
        for entry in entries where titles[entry.slug] == nil {
            titles[entry.slug] = SearchText.terms(([entry.title] + entry.aliases).joined(separator: " "))
            rows[entry.slug] = protocolRow(entry)
        }
        let titleTerms = titles, protocolRows = rows
        // Entries in runs, each run on one core with a term table of its own,
        // so words are hashed once and nothing waits on a shared table; the
        // runs' tables are merged after.
        // A build prepares a few hundred protocols at a time: two runs a core
        // balance the load and keep each run's caches warm.
        let runs = min(entries.count, ProcessInfo.processInfo.activeProcessorCount * 2)
        let stems = terms.stems
        let results = ResultSlots<([String], [CountedEntry])>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let local = TermTable()
            var prepared: [CountedEntry] = []
            var counter = TermCounter()
            var words = WordTerms(table: local, stems: stems)
            for index in (entries.count * run / runs)..<(entries.count * (run + 1) / runs) {
                let entry = entries[index]
                // A bare heading ("1. Purpose") would otherwise match every query
                // for its protocol's title, above clauses that say something.
                if !entry.text.isEmpty {
                    for term in titleTerms[entry.slug] ?? [] { counter.add(local.id(term), titleWeight) }
                }
                words.forEachTerm(of: entry.heading) { counter.add($0, headingWeight) }
                // The clause number as the one token a query makes of it
                // (`1(K)` → `1(k)`); like every number, never stemmed.
                if let clause = entry.clause { counter.add(local.id(SearchText.clauseTerm(clause)), headingWeight) }
                var length = 0
                words.forEachTerm(of: entry.text) {
                    counter.add($0, textWeight)
                    length += 1
                }
                let pairs = counter.take()
                var json: [UInt8] = []
                appendFields(entry, to: &json)
                prepared.append(CountedEntry(json: json, protocolJSON: protocolRows[entry.slug]![...], terms: pairs,
                                             length: max(length, 1), status: entry.status))
            }
            results.set(run, (local.terms, prepared))
        }
        var prepared: [PreparedEntry] = []
        prepared.reserveCapacity(entries.count)
        for (localTerms, run) in results.values {
            let global = localTerms.map { terms.id($0) }
            for var entry in run {
                for index in stride(from: 0, to: entry.terms.count, by: 2) { entry.terms[index] = global[Int(entry.terms[index])] }
                prepared.append(PreparedEntry(json: entry.json, protocolJSON: entry.protocolJSON, terms: entry.terms, length: entry.length,
                                              status: entry.status))
            }
        }
        return prepared
    }

    /// An entry's weighted count of each term, by a run's dense term ids,
    /// and the ids it counted, in the order first met. A struct with a
    /// mutating method rather than a local function over two arrays: the
    /// closures that call it then capture it without a box, and without
    /// the run-time exclusivity check a boxed array costs on every term
    /// (2 % of a build's instructions).
    private struct TermCounter {
        var counts: [UInt32] = []
        var counted: [UInt32] = []

        mutating func add(_ id: UInt32, _ weight: Int) {
            let slot = Int(id)
            if slot >= counts.count { counts += repeatElement(0, count: slot + 1 - counts.count + 1024) }
            if counts[slot] == 0 { counted.append(id) }
            counts[slot] += UInt32(weight)
        }

        /// id, count, id, count, … of the entry counted, and a clean count
        /// for the next.
        mutating func take() -> [UInt32] {
            var pairs: [UInt32] = []
            pairs.reserveCapacity(counted.count * 2)
            for id in counted {
                pairs.append(id)
                pairs.append(counts[Int(id)])
                counts[Int(id)] = 0
            }
            counted.removeAll(keepingCapacity: true)
            return pairs
        }
    }

    /// An entry counted by one run of `prepare`, its term ids the run's own.
    private struct CountedEntry {
        var json: [UInt8]
        var protocolJSON: ArraySlice<UInt8>
        var terms: [UInt32]
        var length: Int
        var status: EntryStatus
    }

    /// The index files of prepared entries, in their order. In the split
    /// form, entry chunks for which `keepEntryChunk` is true are left out:
    /// a rebuild that knows them unchanged keeps the previous files.
    public static func build(_ prepared: [PreparedEntry], terms table: TermTable, shardThreshold: Int = 3000, synonyms: [[String]] = [],
                             keepEntryChunk: (Int) -> Bool = { _ in false }) -> [SearchIndexFile] {
        let made = FileCollector()
        let paths = try! build(prepared, terms: table, shardThreshold: shardThreshold, synonyms: synonyms, keepEntryChunk: keepEntryChunk) { made.put($0) }
        let files = made.byPath
        return paths.map { files[$0]! }
    }

    /// The same files, each handed to `emit` as soon as it is made (from
    /// any core, in no particular order) and then let go: a large site's
    /// index is never whole in memory. Returns the files' paths in the
    /// order `build` lists them. The first error `emit` or `withJSON`
    /// throws ends it.
    ///
    /// Entries may come without their fields (`PreparedEntry.withoutJSON`),
    /// when `withJSON` gives back any range of them with their fields: it
    /// is asked once for each file of entries, from any core.
    public static func build(_ prepared: [PreparedEntry], terms table: TermTable, shardThreshold: Int = 3000, synonyms: [[String]] = [],
                             keepEntryChunk: (Int) -> Bool = { _ in false },
                             withJSON: (@Sendable (Range<Int>) throws -> [PreparedEntry])? = nil,
                             emit: @escaping @Sendable (SearchIndexFile) throws -> Void) throws -> [String] {
        let withJSON = withJSON ?? { range in Array(prepared[range]) }
        let entryCount = prepared.count
        var scored = score(prepared, table: table)
        let present = Set(scored.terms)
        // What the first query needs besides terms: the synonym groups that
        // can find something here, and which entries are not adopted.
        let header = synonymsMember(SearchSynonyms.compile(synonyms, present: present.contains)) + statusMember(prepared)
        guard entryCount > shardThreshold else {
            var json: [UInt8] = Array("{\"version\":\(formatVersion)\(header),".utf8)
            appendEntryList(try withJSON(0..<entryCount), to: &json)
            json += Array(",\"terms\":{".utf8)
            for (index, member) in termMembers(scored).enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                json += member
            }
            json += Array("}}\n".utf8)
            try emit(SearchIndexFile(path: "search-index.json", bytes: json))
            return ["search-index.json"]
        }
        // A large site: a query fetches the entry point, the term shards its
        // words fall in, and the entry chunks of the results it shows; all
        // but the entry point gzipped. Shards of about shardBytes of members
        // each, in term order, bounded by the members' exact sizes, so each
        // shard's members are written straight into it on all cores: the
        // members of a large index are never all held (at ten thousand
        // protocols they were 150 MB at the index stage's peak).
        var bounds: [Range<Int>] = []
        var start = 0, bytes = 0
        var scratch: [UInt8] = []
        for index in scored.terms.indices {
            bytes += memberSize(scored, index, scratch: &scratch) + 1
            if bytes >= shardBytes || index == scored.terms.count - 1 {
                bounds.append(start..<(index + 1))
                start = index + 1
                bytes = 0
            }
        }
        let failures = ResultSlots<Error>(count: bounds.count)
        do {
            let shardBounds = bounds, postings = scored
            DispatchQueue.concurrentPerform(iterations: shardBounds.count) { shard in
                let range = shardBounds[shard]
                var json: [UInt8] = [UInt8(ascii: "{")]
                json.reserveCapacity(shardBytes + shardBytes / 4)
                for index in range {
                    if index > range.lowerBound { json.append(UInt8(ascii: ",")) }
                    appendMember(postings, index, to: &json)
                }
                json += Array("}\n".utf8)
                do { try emit(SearchIndexFile(path: termShardPath(shard), bytes: Gzip.compress(json))) } catch { failures.set(shard, error) }
            }
        }
        if let failure = failures.values.first { throw failure }
        // The postings are written: let them go before the entry chunks are made.
        scored.runs = []
        let shards = bounds.indices.map { (file: termShardPath($0), first: scored.terms[bounds[$0].lowerBound]) }
        let chunkCount = (entryCount + chunkSize - 1) / chunkSize
        let made = (0..<chunkCount).filter { !keepEntryChunk($0) }
        try emitEntryChunks(count: entryCount, only: made, withJSON: withJSON, emit: emit)
        var vocabulary: [UInt8] = [UInt8(ascii: "[")]
        for (index, term) in scored.terms.enumerated() {
            if index > 0 { vocabulary.append(UInt8(ascii: ",")) }
            JSONString.append(term, to: &vocabulary)
        }
        vocabulary += Array("]\n".utf8)
        try emit(SearchIndexFile(path: vocabularyPath, bytes: Gzip.compress(vocabulary)))
        var entry = "{\"version\":\(formatVersion)\(header),\"entryCount\":\(entryCount),\"chunkSize\":\(chunkSize)"
        entry += ",\"entryChunk\":\(quote(entryChunkTemplate)),\"vocabulary\":\(quote(vocabularyPath)),\"termShards\":["
        entry += shards.map { "{\"file\":\(quote($0.file)),\"first\":\(quote($0.first))}" }.joined(separator: ",")
        entry += "]}\n"
        try emit(SearchIndexFile(path: "search-index.json", bytes: Array(entry.utf8)))
        return ["search-index.json"] + shards.map(\.file) + made.map(entryChunkPath) + [vocabularyPath]
    }

    static func termShardPath(_ number: Int) -> String { "search/terms-\(number).json.gz" }

    static let vocabularyPath = "search/vocabulary.json.gz"

    /// `,"synonyms":[["clerk","proper offic"],…]`, or nothing without groups.
    static func synonymsMember(_ groups: [[String]]) -> String {
        guard !groups.isEmpty else { return "" }
        return ",\"synonyms\":[" + groups.map { "[" + $0.map(quote).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }

    /// `,"status":[[first,last,"draft"],…]`: each run of entries whose
    /// protocol is not adopted, or nothing when all are.
    static func statusMember(_ prepared: [PreparedEntry]) -> String {
        var runs: [String] = []
        var index = 0
        while index < prepared.count {
            let status = prepared[index].status
            var last = index
            while last + 1 < prepared.count, prepared[last + 1].status == status { last += 1 }
            if status != .adopted { runs.append("[\(index),\(last),\(quote(status.name))]") }
            index = last + 1
        }
        return runs.isEmpty ? "" : ",\"status\":[" + runs.joined(separator: ",") + "]"
    }

    /// Every term's postings: the entries it occurs in, in entry order, with
    /// their BM25F scores (times 100, at least 1).
    struct Scored {
        /// Sorted.
        var terms: [String]
        /// The term table's id of each of `terms`.
        var ids: [Int]
        /// Per run of entries, per term id: the postings, in entry order.
        /// A term's postings are its lists in every run, in run order.
        var runs: [[PostingList]]

        /// Bytes of term `index`'s packed postings (its member in JSON takes
        /// a little more).
        func packedSize(_ index: Int) -> Int {
            runs.reduce(0) { $0 + $1[ids[index]].bytes.count }
        }

        /// Each (entry, score) of term `index`, in entry order.
        func forEachPosting(_ index: Int, _ body: (Int32, Int32) -> Void) {
            for run in runs { run[ids[index]].forEach(body) }
        }
    }

    /// One term's (entry, score) pairs in one run, in entry order, packed:
    /// each entry as its difference from the one before and each score as
    /// LEB128 varints, about three bytes a pair rather than eight (at ten
    /// thousand protocols ten million pairs are held at once).
    struct PostingList {
        private(set) var bytes: [UInt8] = []
        private var last: Int32 = 0

        mutating func append(entry: Int32, score: Int32) {
            PreparedEntry.appendVarint(UInt32(entry - last), to: &bytes)
            PreparedEntry.appendVarint(UInt32(score), to: &bytes)
            last = entry
        }

        func forEach(_ body: (Int32, Int32) -> Void) {
            bytes.withUnsafeBufferPointer { buffer in
                var reader = VarintReader(buffer)
                var entry: Int32 = 0
                // Written by `append`: always whole pairs.
                while let delta = reader.next(), let score = reader.next() {
                    entry += Int32(bitPattern: delta)
                    body(entry, Int32(bitPattern: score))
                }
            }
        }
    }

    static func score(_ prepared: [PreparedEntry], table: TermTable) -> Scored {
        var documentFrequency = [Int](repeating: 0, count: table.count)
        for entry in prepared {
            entry.forEachTerm { id, _ in documentFrequency[id] += 1 }
        }
        let count = Double(max(prepared.count, 1))
        let average = Double(prepared.reduce(0) { $0 + $1.length }) / count
        let idf = documentFrequency.map { df in log(1 + (count - Double(df) + 0.5) / (Double(df) + 0.5)) }
        // Scored in runs of entries on all cores; each run's lists are in entry order.
        let runCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, prepared.count / 1024))
        let runs = ResultSlots<[PostingList]>(count: runCount)
        let terms = table.count
        DispatchQueue.concurrentPerform(iterations: runCount) { run in
            var byID = [PostingList](repeating: PostingList(), count: terms)
            for index in (prepared.count * run / runCount)..<(prepared.count * (run + 1) / runCount) {
                let entry = prepared[index]
                let norm = 1 - b + b * Double(entry.length) / max(average, 1)
                entry.forEachTerm { id, frequency in
                    let tf = Double(frequency)
                    let score = idf[id] * tf * (k1 + 1) / (tf + k1 * norm)
                    byID[id].append(entry: Int32(index), score: Int32(clamping: max(Int((score * 100).rounded()), 1)))
                }
            }
            runs.set(run, byID)
        }
        // Terms no entry uses any more (a table kept between builds) are left out.
        let used = table.terms.indices.filter { documentFrequency[$0] > 0 }
        let order = used.sorted { table.terms[$0] < table.terms[$1] }
        return Scored(terms: order.map { table.terms[$0] }, ids: order, runs: runs.values)
    }

    /// `"term":[entry,score,…]` for every term, in order, each entry number
    /// but the first written as the difference from the one before; made
    /// on all cores.
    static func termMembers(_ scored: Scored) -> [[UInt8]] {
        let members = ResultSlots<[UInt8]>(count: scored.terms.count)
        DispatchQueue.concurrentPerform(iterations: scored.terms.count) { index in
            var member: [UInt8] = []
            member.reserveCapacity(scored.terms[index].utf8.count + scored.packedSize(index) * 2 + 8)
            appendMember(scored, index, to: &member)
            members.set(index, member)
        }
        return members.values
    }

    /// One term's member, as `termMembers` describes it.
    static func appendMember(_ scored: Scored, _ index: Int, to member: inout [UInt8]) {
        JSONString.append(scored.terms[index], to: &member)
        member += [UInt8(ascii: ":"), UInt8(ascii: "[")]
        var first = true
        var previous: Int32 = 0
        scored.forEachPosting(index) { entry, score in
            if !first { member.append(UInt8(ascii: ",")) }
            first = false
            JSONString.append(Int(entry - previous), to: &member)
            previous = entry
            member.append(UInt8(ascii: ","))
            JSONString.append(Int(score), to: &member)
        }
        member.append(UInt8(ascii: "]"))
    }

    /// The bytes `appendMember` writes for a term, counted without writing
    /// its postings (`scratch` holds the quoted term).
    static func memberSize(_ scored: Scored, _ index: Int, scratch: inout [UInt8]) -> Int {
        scratch.removeAll(keepingCapacity: true)
        JSONString.append(scored.terms[index], to: &scratch)
        var size = scratch.count + 3 // ":[" and "]"
        var pairs = 0
        var previous: Int32 = 0
        scored.forEachPosting(index) { entry, score in
            size += decimalDigits(Int(entry - previous)) + 1 + decimalDigits(Int(score))
            previous = entry
            pairs += 1
        }
        return size + max(pairs - 1, 0)
    }

    /// The length of a non-negative number written in decimal.
    static func decimalDigits(_ value: Int) -> Int {
        var digits = 1, rest = value
        while rest >= 10 { rest /= 10; digits += 1 }
        return digits
    }

    /// Where entry chunk `{n}` is, as the entry point names it.
    static let entryChunkTemplate = "search/entries-{n}.json.gz"

    public static func entryChunkPath(_ number: Int) -> String { entryChunkTemplate.replacingOccurrences(of: "{n}", with: String(number)) }

    /// `"protocols":[[slug,title],…],"entries":[[0,clause,…],…]` for the
    /// entries in `range`: each protocol once, each entry naming its
    /// protocol by its place in that list.
    static func appendEntryList(_ entries: [PreparedEntry], to out: inout [UInt8]) {
        let range = entries.indices
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        var list: [UInt8] = []
        list.reserveCapacity(range.reduce(0) { $0 + entries[$1].json.count + 8 })
        out += Array("\"protocols\":[".utf8)
        for index in range {
            let entry = entries[index]
            let number: Int
            if let known = numbers[entry.protocolJSON] {
                number = known
            } else {
                number = numbers.count
                if number > 0 { out.append(UInt8(ascii: ",")) }
                out += entry.protocolJSON
                numbers[entry.protocolJSON] = number
            }
            if index > range.lowerBound { list.append(UInt8(ascii: ",")) }
            list.append(UInt8(ascii: "["))
            JSONString.append(number, to: &list)
            list.append(UInt8(ascii: ","))
            list += entry.json
            list.append(UInt8(ascii: "]"))
        }
        out += Array("],\"entries\":[".utf8)
        out += list
        out.append(UInt8(ascii: "]"))
    }

    /// The entry chunks numbered in `only`, `chunkSize` entries each, as
    /// gzipped `{"protocols":…,"entries":…}`; made on all cores.
    static func emitEntryChunks(count: Int, only numbers: [Int], withJSON: @Sendable (Range<Int>) throws -> [PreparedEntry],
                                emit: @Sendable (SearchIndexFile) throws -> Void) throws {
        let failures = ResultSlots<Error>(count: numbers.count)
        DispatchQueue.concurrentPerform(iterations: numbers.count) { slot in
            let number = numbers[slot]
            var chunk: [UInt8] = [UInt8(ascii: "{")]
            do {
                appendEntryList(try withJSON((number * chunkSize)..<min(count, (number + 1) * chunkSize)), to: &chunk)
                chunk += Array("}\n".utf8)
                try emit(SearchIndexFile(path: entryChunkPath(number), bytes: Gzip.compress(chunk)))
            } catch {
                failures.set(slot, error)
            }
        }
        if let failure = failures.values.first { throw failure }
    }

    /// About this many bytes of postings (before gzip) per term shard.
    static let shardBytes = 48 * 1024
    /// Entries per chunk file.
    public static let chunkSize = 200

    /// `["slug","title"]`, or `["slug","title","draft"]`: a protocol as its
    /// entries name it.
    static func protocolRow(_ entry: SearchEntry) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        JSONString.append(entry.slug, to: &out)
        out.append(UInt8(ascii: ","))
        JSONString.append(entry.title, to: &out)
        // Only a protocol that is not adopted says so: most are.
        if entry.status != .adopted {
            out.append(UInt8(ascii: ","))
            JSONString.append(entry.status.name, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// `"4.8","clause-4.8","Respect","4.8 A councillor …"`: an entry's
    /// clause (or null), anchor, heading and text, and its URL only when it
    /// is not `slug/#anchor` (`slug/` without an anchor), which the client
    /// derives.
    static func appendFields(_ entry: SearchEntry, to out: inout [UInt8]) {
        if let clause = entry.clause { JSONString.append(clause, to: &out) } else { out += Array("null".utf8) }
        for field in [entry.anchor, entry.heading, entry.text] {
            out.append(UInt8(ascii: ","))
            JSONString.append(field, to: &out)
        }
        if entry.url != entry.slug + "/" + (entry.anchor.isEmpty ? "" : "#" + entry.anchor) {
            out.append(UInt8(ascii: ","))
            JSONString.append(entry.url, to: &out)
        }
    }

    static func quote(_ text: String) -> String { JSONString.quote(text) }
}

/// Files handed over from all cores, kept by path.
private final class FileCollector: @unchecked Sendable {
    // Guarded by `lock`.
    private var files: [String: SearchIndexFile] = [:]
    private let lock = NSLock()

    func put(_ file: SearchIndexFile) { lock.withLock { files[file.path] = file } }
    var byPath: [String: SearchIndexFile] { lock.withLock { files } }
}
