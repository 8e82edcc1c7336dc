/// Markdown links between content files (`code-of-conduct.md`,
/// `../finance/regulations.md#3.1`, `#4.8`) resolved to the protocol and
/// anchor they mean.
struct ContentLinkResolver {
    enum Resolution: Equatable {
        /// Not a link to a content file (a web address, an image, a PDF): left as written.
        case untouched
        case resolved(slug: String, anchor: String?)
        /// A content link that leads nowhere: the message says why.
        case broken(String)
    }

    /// Source path (`content/a/b.md`) → slug.
    let slugsByPath: [String: String]
    /// Slug → every id on its page, and clause numbers → anchors.
    let anchorsBySlug: [String: Set<String>]

    func resolve(_ destination: String, from sourcePath: String, currentSlug: String) -> Resolution {
        if destination.isEmpty || hasScheme(destination) || destination.hasPrefix("/") || destination.hasPrefix("//") { return .untouched }
        let (path, fragment) = split(destination)
        let slug: String
        if path.isEmpty {
            slug = currentSlug
        } else {
            guard path.lowercased().hasSuffix(".md") else { return .untouched }
            let folder = sourcePath.split(separator: "/").dropLast().map(String.init)
            guard let target = normalise(folder + path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)) else {
                return .broken("the link to '\(path)' leads outside content/")
            }
            guard let found = slugsByPath[target] else {
                return .broken("the link to '\(path)' names no protocol file (looked for \(target))")
            }
            slug = found
        }
        guard let fragment, !fragment.isEmpty else { return .resolved(slug: slug, anchor: nil) }
        guard let anchor = anchor(for: fragment, in: slug) else {
            return .broken("the link to '\(destination)' names '#\(fragment)', which is not a clause or heading of that protocol")
        }
        return .resolved(slug: slug, anchor: anchor)
    }

    /// `3.1`, `1(j)(ii)`, `clause-3.1` and `clause-1-j-ii` mean the clause;
    /// anything else must be an id on the page.
    func anchor(for fragment: String, in slug: String) -> String? {
        let anchors = anchorsBySlug[slug] ?? []
        let decoded = fragment.percentDecoded ?? fragment
        if let number = ClauseNumber(cited: decoded), anchors.contains(number.anchor) { return number.anchor }
        if anchors.contains(decoded) { return decoded }
        if let number = ClauseNumber(anchor: decoded.lowercased()), anchors.contains(number.anchor) { return number.anchor }
        return nil
    }

    private func hasScheme(_ destination: String) -> Bool {
        for (index, scalar) in destination.unicodeScalars.enumerated() {
            if scalar == ":" { return index > 0 }
            if scalar == "/" || scalar == "#" || scalar == "?" { return false }
        }
        return false
    }

    private func split(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination.percentDecoded ?? destination, nil) }
        let path = String(destination[..<hash])
        return (path.percentDecoded ?? path, String(destination[destination.index(after: hash)...]))
    }

    /// Resolves `.` and `..`; nil when the path climbs out of content/.
    private func normalise(_ parts: [String]) -> String? {
        var stack: [String] = []
        for part in parts {
            switch part {
            case "", ".": continue
            case "..":
                guard !stack.isEmpty else { return nil }
                stack.removeLast()
            default: stack.append(part)
            }
        }
        guard stack.first == "content", stack.count >= 2 else { return nil }
        return stack.joined(separator: "/")
    }
}

extension String {
    /// `%20` → space; nil when the escapes are malformed.
    var percentDecoded: String? {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
