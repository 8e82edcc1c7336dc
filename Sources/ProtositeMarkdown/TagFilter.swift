/// GFM's tag filter: the tags that could take over a page lose their `<`.
enum TagFilter {
    static let tags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    static func apply(_ html: String) -> String {
        guard html.contains("<") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let name = after.drop(while: { $0 == "/" })
            let lowered = name.prefix(10).lowercased()
            let filtered = tags.contains { tag in
                guard lowered.hasPrefix(tag) else { return false }
                let next = lowered.dropFirst(tag.count).first
                return next == nil || next == ">" || next == "/" || next!.isWhitespace
            }
            out += filtered ? "&lt;" : "<"
            rest = after
        }
        out += rest
        return out
    }
}
