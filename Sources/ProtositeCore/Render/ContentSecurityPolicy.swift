/// The policy every page carries (SPEC §5: only the site's own files, no
/// inline script). It is the last line of defence when `unsafe_html: true`
/// lets an author's event handler or `javascript:` link through: the
/// browser runs neither. A project may replace any template, so a page
/// made from one that leaves the policy out gets it back, and the build
/// says so.
enum ContentSecurityPolicy {
    static let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    static let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"

    /// Whether a template or page states a policy of its own.
    static func isStated(in text: String) -> Bool {
        text.range(of: "http-equiv=\"content-security-policy\"", options: .caseInsensitive) != nil
            || text.range(of: "http-equiv='content-security-policy'", options: .caseInsensitive) != nil
            || text.range(of: "http-equiv=content-security-policy", options: .caseInsensitive) != nil
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
