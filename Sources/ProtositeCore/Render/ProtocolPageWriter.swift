/// The built-in theme's protocol page — `templates/layout.mustache` around
/// `templates/protocol.mustache` — written straight into bytes (see
/// `PageWriter`), while the project replaces neither template. Every
/// protocol of every corpus is held to Mustache's page by
/// `ProtocolPageWriterTests`.
enum ProtocolPageWriter {
    /// The page for `context`, as Mustache would render it from the
    /// built-in templates.
    static func write(_ context: PageContext<ProtocolPage>) -> [UInt8] {
        let page = context.page
        var writer = PageWriter(capacity: page.body.count + page.jsonLD.utf8.count + 4096 + 160 * page.toc.count + 200 * page.history.count)
        writer.layout(context, head: { $0.protocolHead(page) }, main: { $0.protocolMain(context) })
        return writer.out
    }
}

extension PageWriter {
    // MARK: protocol.mustache's {{$head}} block

    fileprivate mutating func protocolHead(_ page: ProtocolPage) {
        put("<script type=\"application/ld+json\">")
        raw(page.jsonLD)
        put("</script>")
    }

    // MARK: protocol.mustache's {{$main}} block

    // A value a section's template names but the value lacks is looked
    // for further up Mustache's stack; nothing further up (the page
    // context) has any of these names, so a missing one renders as
    // nothing: hence the `?? ""` below.
    fileprivate mutating func protocolMain(_ context: PageContext<ProtocolPage>) {
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
        put("\n")
        statusLines(doc)
        dateLine("Last reviewed", doc.reviewed, iso: doc.reviewedISO)
        put("<div><dt>Next review</dt><dd")
        reviewState(doc, warningDays: String(site.reviewWarningDays))
        put("</dd></div>\n")
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
}
