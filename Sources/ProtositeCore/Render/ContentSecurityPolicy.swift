/// The policy every page carries (SPEC §5: only the site's own files, no
/// inline script). It is the last line of defence when `unsafe_html: true`
/// lets an author's event handler or `javascript:` link through: the
/// browser runs neither. A project may replace any template, so a page
/// made from one that leaves the policy out gets it back, and the build
/// says so.
enum ContentSecurityPolicy {
    static let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    static let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"

    /// Whether a template or page states a policy of its own: an
    /// `http-equiv` of `content-security-policy`, in any ASCII case, quoted
    /// either way or not. Searched on bytes: every build asks it of every
    /// built-in template, and Foundation's case-insensitive search cost a
    /// small site more than its pages did.
    /// Where `needle` first occurs in `haystack`: Foundation's generic
    /// `firstRange(of:)` cost over a million instructions a template.
    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var start = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while start <= last {
            guard let candidate = haystack[start...last].firstIndex(of: first) else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate..<(candidate + needle.count) }
            start = candidate + 1
        }
        return nil
    }

    static func isStated(in text: String) -> Bool {
        let bytes = text.utf8.map { $0 &- 65 < 26 ? $0 &+ 32 : $0 }
        let attribute = Array("http-equiv=".utf8), value = Array("content-security-policy".utf8)
        var rest = bytes[...]
        while let found = Self.firstRange(of: attribute, in: rest) {
            var after = bytes[found.upperBound...]
            if let quote = after.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                after = after.dropFirst()
                if after.starts(with: value), after.dropFirst(value.count).first == quote { return true }
            } else if after.starts(with: value) {
                return true
            }
            rest = bytes[found.upperBound...]
        }
        return false
    }

    /// `html` with the policy in its head, added after `<head…>` (or after
    /// the doctype, where there is no head tag) when the page has none.
    static func ensure(in html: String) -> String {
        guard !isStated(in: html) else { return html }
        if let head = html.range(of: "<head", options: .caseInsensitive), let close = html[head.upperBound...].firstIndex(of: ">") {
            let at = html.index(after: close)
            return String(html[..<at]) + "\n" + meta + String(html[at...])
        }
        if let doctype = html.range(of: "<!doctype", options: .caseInsensitive), let close = html[doctype.upperBound...].firstIndex(of: ">") {
            let at = html.index(after: close)
            return String(html[..<at]) + "\n" + meta + String(html[at...])
        }
        return meta + "\n" + html
    }

    /// A warning for a template override that drops the policy: the layout
    /// itself, or a page template that does not use the layout.
    static func warning(forOverride name: String, path: String, text: String) -> Diagnostic? {
        guard name.hasSuffix(".mustache"), !isStated(in: text) else { return nil }
        guard name == "layout.mustache" || !text.contains("{{<layout}}") else { return nil }
        return .warning("this template leaves out the Content-Security-Policy meta tag; protosite adds the built-in policy to every page made from it (copy it from the built-in layout to silence this)", in: path, line: 1, column: 1)
    }
}
