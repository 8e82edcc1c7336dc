/// What makes a slug safe to use as a folder of the site.
enum SlugRules {
    /// Folders the site itself writes: a protocol may not take them.
    static let reserved: Set<String> = ["assets", "search", "reviews", "accessibility", "index.html", "404.html"]

    /// Why a slug cannot be used, or nil when it can. Slugs are lower-case
    /// ASCII letters, digits, `-` and `_`, in `/`-separated parts.
    static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "a slug cannot be empty" }
        let parts = slug.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts {
            if part.isEmpty || part == "." || part == ".." {
                return "'\(slug)' is not a usable path: use lower-case letters, digits and '-', with '/' between folders"
            }
            for byte in part.utf8 {
                let ok = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                if !ok {
                    return "'\(slug)' may use only lower-case letters a–z, digits, '-' and '_' (with '/' between folders)"
                }
            }
        }
        if let first = parts.first, reserved.contains(String(first)) {
            return "'\(first)' is a folder the site uses for itself; choose another slug"
        }
        return nil
    }

    /// The default slug for a content path: `content/finance/Regulations.md`
    /// → `finance/regulations`, with anything unsafe turned into `-`.
    static func slug(forContentPath path: String) -> String {
        var relative = path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
        if relative.lowercased().hasSuffix(".md") { relative = String(relative.dropLast(3)) }
        return relative.split(separator: "/").map { HeadingSlug.make(String($0)) }.joined(separator: "/")
    }
}
