/// The built-in theme's protocol page — `templates/layout.mustache` around
/// `templates/protocol.mustache` — written straight into bytes.
///
/// It exists for speed. Mustache finds every `{{name}}` by splitting the
/// name at its dots and casting each object up the context stack, and the
/// protocol page is most of a site's pages: rendering it took about a
/// seventh of a full build's instructions. Here each value is a field read
/// and the fixed text is copied whole.
///
/// It is used only while the project replaces neither template
/// (`Theme.writesProtocolPage`); a clerk's own templates still go through
/// Mustache, which stays the definition of the page. The two must not
/// drift: `ProtocolPageWriterTests` renders every protocol of every corpus
/// both ways and requires the same bytes, so a change to either template
/// needs the same change here.
///
/// Whitespace follows Mustache's rules for those two files: a line holding
/// nothing but a section tag is left out, newline and all; any other line
/// keeps its newline whether or not its sections render (hence the empty
/// line where a protocol has, say, no "Was adopted" date).
struct ProtocolPageWriter {
    private var out: [UInt8] = []

    /// The page for `context`, as Mustache would render it from the
    /// built-in templates.
    static func write(_ context: PageContext<ProtocolPage>) -> [UInt8] {
        var writer = ProtocolPageWriter()
        let page = context.page
        writer.out.reserveCapacity(page.body.utf8.count + page.jsonLD.utf8.count + 4096 + 160 * page.toc.count + 200 * page.history.count)
        writer.layout(context)
        return writer.out
    }

    // MARK: layout.mustache

    private mutating func layout(_ context: PageContext<ProtocolPage>) {
        let site = context.site, root = context.root
        put("<!DOCTYPE html>\n<html lang=\"")
        escaped(site.language)
        put("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // The layout states the policy in the same words as the constant.
        raw(ContentSecurityPolicy.meta)
        put("\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
        escaped(context.pageTitle)
        put("</title>\n")
        if let canonical = context.canonical {
            put("<link rel=\"canonical\" href=\"")
            escaped(canonical)
            put("\">\n")
        }
        put("<link rel=\"stylesheet\" href=\"")
        escaped(root)
        put("assets/site.css\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
        escaped(site.title)
        put(": adoptions and revisions\" href=\"")
        escaped(root)
        put("feed.xml\">\n<script type=\"module\" src=\"")
        escaped(root)
        put("assets/site.js\"></script>\n<script type=\"module\" src=\"")
        escaped(root)
        put("assets/live-search.js\"></script>\n")
        // protocol.mustache's {{$head}} block.
        put("<script type=\"application/ld+json\">")
        raw(context.page.jsonLD)
        put("</script>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n<header class=\"site-header\">\n<div class=\"site-header-inner\">\n<a class=\"site-name\" href=\"")
        escaped(root)
        put("index.html\">")
        escaped(site.title)
        put("</a>\n<nav aria-label=\"Site\">\n<ul>\n<li><a href=\"")
        escaped(root)
        put("index.html\">Protocols</a></li>\n<li><a href=\"")
        escaped(root)
        put("reviews/index.html\">Review schedule</a></li>\n</ul>\n</nav>\n<search class=\"site-search\">\n<form action=\"")
        escaped(root)
        put("search/index.html\" method=\"get\">\n<label for=\"site-search-q\">Search protocols</label>\n<input id=\"site-search-q\" type=\"search\" name=\"q\" autocomplete=\"off\" enterkeyhint=\"search\">\n<button type=\"submit\">Search</button>\n</form>\n</search>\n</div>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n")
        main(context)
        put("\n</main>\n<footer class=\"site-footer\">\n<div class=\"site-footer-inner\">\n")
        if let council = site.council {
            put("<p>")
            escaped(council)
            put("</p>\n")
        }
        put("<ul>\n<li><a href=\"")
        escaped(root)
        put("accessibility/index.html\">Accessibility statement</a></li>\n<li><a href=\"")
        escaped(root)
        put("protocols.json\">Data (JSON)</a></li>\n<li><a href=\"")
        escaped(root)
        put("feed.xml\">Feed of adoptions and revisions (Atom)</a></li>\n</ul>\n</div>\n</footer>\n</body>\n</html>\n")
    }

    // MARK: protocol.mustache's {{$main}} block

    // A value a section's template names but the value lacks is looked
    // for further up Mustache's stack; nothing further up (the page
    // context) has any of these names, so a missing one renders as
    // nothing: hence the `?? ""` below.
    private mutating func main(_ context: PageContext<ProtocolPage>) {
        let page = context.page, doc = page.doc, site = context.site, root = context.root
        put("<article class=\"protocol\" data-citation-title=\"")
        escaped(doc.title)
        put("\" data-citation-url=\"")
        escaped(page.citationURL)
        put("\">\n<header class=\"protocol-header\">\n<p class=\"breadcrumb\"><a href=\"")
        escaped(root)
        put("index.html\">All protocols</a></p>\n<h1>")
        escaped(doc.title)
        put("</h1>\n<p class=\"print-address\">")
        if site.baseURL != nil { escaped(page.citationURL) }
        put("</p>\n")
        if let summary = doc.summary {
            put("<p class=\"summary\">")
            escaped(summary)
            put("</p>")
        }
        put("\n<section class=\"status-panel status-panel-")
        escaped(doc.reviewStatus)
        put("\" aria-label=\"Status of this protocol\">\n<dl>\n")
        if let council = doc.council {
            put("<div><dt>Council</dt><dd>")
            escaped(council)
            put("</dd></div>")
        }
        put("\n<div><dt>Status</dt><dd><span class=\"status status-")
        escaped(doc.status)
        put("\">")
        escaped(doc.statusLabel)
        put("</span></dd></div>\n")
        dateLine("Adopted", doc.adopted, iso: doc.adoptedISO)
        dateLine("Was adopted", doc.formerlyAdopted, iso: doc.formerlyAdoptedISO)
        dateLine("Last reviewed", doc.reviewed, iso: doc.reviewedISO)
        put("<div><dt>Next review</dt><dd class=\"review review-")
        escaped(doc.reviewStatus)
        put("\" data-review-due=\"")
        escaped(doc.reviewDue ?? "")
        put("\" data-review-label=\"")
        escaped(doc.review ?? "")
        put("\" data-warning-days=\"")
        escaped(String(site.reviewWarningDays))
        put("\"><span class=\"review-text\">")
        escaped(doc.reviewSentence)
        put("</span></dd></div>\n")
        if let version = doc.version {
            put("<div><dt>Version</dt><dd>")
            escaped(version)
            put("</dd></div>")
        }
        put("\n</dl>\n")
        if let notice = doc.statusNotice {
            put("<p class=\"status-warning\"><strong>")
            escaped(notice)
            put("</strong></p>\n")
        }
        put("<p class=\"status-note\">Status as at <time datetime=\"")
        escaped(site.builtOn)
        put("\">")
        escaped(site.builtOnLong)
        put("</time>.</p>\n</section>\n")
        if let links = page.versionLinks {
            put("<nav class=\"version-links\" aria-labelledby=\"version-links-heading\">\n<h2 id=\"version-links-heading\">Earlier versions</h2>\n<ul>\n")
            for version in links.versions {
                put("<li><a href=\"")
                escaped(version.href)
                put("\">As adopted on <time datetime=\"")
                escaped(version.dateISO)
                put("\">")
                escaped(version.date)
                put("</time></a></li>\n")
            }
            put("<li><a href=\"")
            escaped(links.changesHref)
            put("\">What changed between versions</a></li>\n</ul>\n</nav>\n")
        }
        put("</header>\n")
        if page.hasTOC {
            put("<nav class=\"toc\" aria-labelledby=\"toc-heading\">\n<h2 id=\"toc-heading\">Contents</h2>\n<ol>\n")
            for entry in page.toc {
                put("<li class=\"toc-level-")
                escaped(String(entry.level))
                put("\"><a href=\"#")
                escaped(entry.anchor)
                put("\">")
                if let number = entry.number {
                    put("<span class=\"toc-number\">")
                    escaped(number)
                    put("</span> ")
                }
                escaped(entry.text)
                put("</a></li>\n")
            }
            put("</ol>\n</nav>\n")
        }
        put("<div class=\"reading-bar\">\n<p><span class=\"reading-title\">")
        escaped(doc.title)
        put("</span> <span class=\"reading-status status-")
        escaped(doc.status)
        put("\">(")
        escaped(doc.statusLabel)
        put(")</span></p>\n")
        if page.hasTOC { put("<a class=\"reading-contents\" href=\"#toc-heading\">Contents</a>\n") }
        put("</div>\n<div class=\"protocol-body\">\n")
        raw(page.body)
        put("\n</div>\n")
        if page.hasHistory {
            put("<section class=\"history\" aria-labelledby=\"history-heading\">\n<h2 id=\"history-heading\">Version history</h2>\n<div class=\"table-wrap\">\n<table>\n")
            put("<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Version</th><th scope=\"col\">Change</th><th scope=\"col\">Next review</th></tr></thead>\n<tbody>\n")
            for row in page.history {
                put("<tr><td>")
                if let dateISO = row.dateISO {
                    put("<time datetime=\"")
                    escaped(dateISO)
                    put("\">")
                    escaped(row.date ?? "")
                    put("</time>")
                }
                put("</td><td>")
                escaped(row.version ?? "")
                put("</td><td>")
                escaped(row.change ?? "")
                put("</td><td>")
                escaped(row.review ?? "")
                put("</td></tr>\n")
            }
            put("</tbody>\n</table>\n</div>\n</section>\n")
        }
        put("</article>\n")
    }

    /// A status panel's line for a date the protocol may not have:
    /// `{{#adopted}}<div>…<time datetime="{{adoptedISO}}">{{.}}</time></dd></div>{{/adopted}}`
    /// and the line's end, which stays when the date does not.
    private mutating func dateLine(_ label: StaticString, _ date: String?, iso: String?) {
        if let date {
            put("<div><dt>")
            put(label)
            put("</dt><dd><time datetime=\"")
            escaped(iso ?? "")
            put("\">")
            escaped(date)
            put("</time></dd></div>")
        }
        put("\n")
    }

    // MARK: bytes

    private mutating func put(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `{{{x}}}`: as it is.
    private mutating func raw(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            out.append(contentsOf: text.utf8)
        }
    }

    /// `{{x}}`: escaped as the templates' content type escapes it
    /// (`FastEscaping`, which is `HTMLEscaping.escape`): `& < > " '`, each
    /// to the same entity, every other byte as it is.
    private mutating func escaped(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ escaped(bytes: $0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { escaped(bytes: $0) }
        }
    }

    private mutating func escaped(bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            // The five are all below 64: one bit each of a 64-bit mask.
            guard byte < 64, Self.escapeMask & (1 &<< UInt64(byte)) != 0 else { continue }
            if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            switch byte {
            case 0x26: put("&amp;")
            case 0x3C: put("&lt;")
            case 0x3E: put("&gt;")
            case 0x22: put("&quot;")
            default: put("&#39;")
            }
            start = index + 1
        }
        if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }

    /// `& < > " '`.
    private static let escapeMask: UInt64 = [0x26, 0x3C, 0x3E, 0x22, 0x27].reduce(0) { $0 | 1 << UInt64($1) }
}
