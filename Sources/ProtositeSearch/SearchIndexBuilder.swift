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

/// Builds the prebuilt search index from the site's entries.
public enum SearchIndexBuilder {
    /// The index files for these entries, in a stable order, byte-identical
    /// for the same entries.
    public static func build(_ entries: [SearchEntry]) -> [SearchIndexFile] {
        // Placeholder until the real index lands: entries only.
        var json = "{\"version\":0,\"entries\":["
        json += entries.map { entry in
            "{\"slug\":\(quote(entry.slug)),\"url\":\(quote(entry.url)),\"heading\":\(quote(entry.heading))}"
        }.joined(separator: ",")
        json += "]}\n"
        return [SearchIndexFile(path: "search-index.json", bytes: Array(json.utf8))]
    }

    static func quote(_ s: String) -> String {
        let data = try! JSONEncoder().encode([s])
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
            .replacingOccurrences(of: "<", with: "\\u003c")
        return String(text.dropFirst().dropLast())
    }
}
