import Foundation
@testable import ProtositeSearch

/// Index files read back as the browser reads them (search-format.js):
/// gzipped files unpacked, postings' entry numbers made absolute, entries
/// made objects with their protocol's slug, title and status and their URL.
struct IndexReader {
    struct Unreadable: Error { var path: String }

    let files: [SearchIndexFile]

    init(_ files: [SearchIndexFile]) { self.files = files }

    func bytes(_ path: String) throws -> [UInt8] {
        guard let file = files.first(where: { $0.path == path }) else { throw Unreadable(path: path) }
        guard path.hasSuffix(".gz") else { return file.bytes }
        guard let bytes = Gzip.decompress(file.bytes) else { throw Unreadable(path: path) }
        return bytes
    }

    func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes(path)))
    }

    /// The entry point, `search-index.json`.
    var point: [String: Any] {
        get throws {
            guard let point = try json("search-index.json") as? [String: Any] else { throw Unreadable(path: "search-index.json") }
            return point
        }
    }

    /// Every term's postings, entry numbers absolute: the whole index's, or every shard's.
    var terms: [String: [Int]] {
        get throws {
            let point = try point
            var raw: [String: [Int]] = [:]
            if let terms = point["terms"] as? [String: [Int]] {
                raw = terms
            } else {
                for shard in point["termShards"] as? [[String: String]] ?? [] {
                    guard let file = shard["file"], let terms = try json(file) as? [String: [Int]] else { throw Unreadable(path: "\(shard)") }
                    raw.merge(terms) { first, _ in first }
                }
            }
            return raw.mapValues(Self.absolute)
        }
    }

    static func absolute(_ list: [Int]) -> [Int] {
        var list = list
        var entry = 0
        for index in stride(from: 0, to: list.count, by: 2) {
            entry += list[index]
            list[index] = entry
        }
        return list
    }

    /// Every entry as an object: the whole index's, or every chunk's in order.
    var entries: [[String: Any]] {
        get throws {
            let point = try point
            if point["entries"] != nil { return try Self.objects(point) }
            let count = point["entryCount"] as? Int ?? 0, size = point["chunkSize"] as? Int ?? 1
            let template = point["entryChunk"] as? String ?? ""
            var entries: [[String: Any]] = []
            for number in 0..<((count + size - 1) / size) {
                let path = template.replacingOccurrences(of: "{n}", with: String(number))
                guard let chunk = try json(path) as? [String: Any] else { throw Unreadable(path: path) }
                entries += try Self.objects(chunk)
            }
            return entries
        }
    }

    static func objects(_ list: [String: Any]) throws -> [[String: Any]] {
        guard let protocols = list["protocols"] as? [[String]], let rows = list["entries"] as? [[Any]] else { throw Unreadable(path: "entries") }
        return try rows.map { row in
            guard row.count == 5 || row.count == 6, let number = row[0] as? Int, protocols.indices.contains(number),
                  let anchor = row[2] as? String, let heading = row[3] as? String, let text = row[4] as? String else { throw Unreadable(path: "\(row)") }
            let owner = protocols[number]
            var entry: [String: Any] = ["slug": owner[0], "title": owner[1], "clause": row[1], "anchor": anchor, "heading": heading, "text": text]
            entry["url"] = row.count == 6 ? row[5] : owner[0] + "/" + (anchor.isEmpty ? "" : "#" + anchor)
            if owner.count > 2 { entry["status"] = owner[2] }
            return entry
        }
    }
}
