/// The built-in theme's list of protocols (`templates/index.mustache`)
/// and review schedule (`templates/reviews.mustache`), each inside
/// `templates/layout.mustache`, written straight into bytes (see
/// `PageWriter`) while the project replaces neither the page's template
/// nor the layout. Both grow with every protocol, and through Mustache
/// they cost more than the feed, the calendar and `protocols.json`
/// together. `ListingPageWriterTests` holds them to Mustache's pages.
enum ListingPageWriters {
    /// The list of protocols for `context`, as Mustache would render it.
    static func index(_ context: PageContext<IndexPage>) -> [UInt8] {
        var writer = PageWriter(capacity: 4096 + 900 * context.page.protocols.count)
        writer.layout(context, current: .protocols) { $0.indexMain(context) }
        return writer.out
    }

    /// The review schedule for `context`, as Mustache would render it.
    static func reviews(_ context: PageContext<ReviewsPage>) -> [UInt8] {
        var writer = PageWriter(capacity: 4096 + 900 * context.page.protocols.count)
        writer.layout(context, current: .reviews) { $0.reviewsMain(context) }
        return writer.out
    }
}

extension PageWriter {
    // MARK: index.mustache's {{$main}} block

    fileprivate mutating func indexMain(_ context: PageContext<IndexPage>) {
        let page = context.page, site = context.site
        // Once, not once a protocol as Mustache does.
        let warningDays = String(site.reviewWarningDays)
        put("<h1>")
        escaped(site.title)
        put("</h1>\n")
        if let council = site.council {
            put("<p class=\"lede\">The protocols and policies of ")
            escaped(council)
            put(", as adopted by the council.</p>")
        }
        put("\n<search class=\"page-search\">\n<form action=\"search/index.html\" method=\"get\">\n<label for=\"index-search-q\">Search every protocol</label>\n<p class=\"hint\" id=\"index-search-hint\">For example: complaints about a councillor, or a clause number such as 4.8</p>\n<input id=\"index-search-q\" type=\"search\" name=\"q\" autocomplete=\"off\" enterkeyhint=\"search\" aria-describedby=\"index-search-hint\">\n<button type=\"submit\">Search</button>\n</form>\n</search>\n<div class=\"notice notice-")
        escaped(page.alertLevel)
        put("\" data-status-summary data-warning-days=\"")
        escaped(warningDays)
        put("\"")
        if !page.hasAlerts { put(" hidden") }
        put(">\n<p class=\"notice-heading\">Reviews that need attention</p>\n<ul>\n")
        statusCounts(page.alerts)
        put("</ul>\n<p><a href=\"reviews/index.html\">See the review schedule</a>.</p>\n</div>\n<h2 id=\"protocols-heading\">All protocols</h2>\n<ul class=\"protocol-list\" aria-labelledby=\"protocols-heading\">\n")
        for item in page.protocols {
            put("<li class=\"protocol-card\">\n<h3><a href=\"")
            escaped(item.href)
            put("\">")
            escaped(item.title)
            put("</a></h3>\n")
            if let summary = item.summary {
                put("<p class=\"summary\">")
                escaped(summary)
                put("</p>")
            }
            put("\n<dl class=\"facts\">\n")
            statusLines(item)
            put("<div><dt>Next review</dt><dd")
            reviewState(item, warningDays: warningDays)
            put("</dd></div>\n</dl>\n</li>\n")
        }
        put("</ul>\n")
        if !page.hasProtocols { put("<p>There are no protocols yet.</p>") }
        put("\n")
    }

    // MARK: reviews.mustache's {{$main}} block

    fileprivate mutating func reviewsMain(_ context: PageContext<ReviewsPage>) {
        let page = context.page, site = context.site
        let warningDays = String(site.reviewWarningDays)
        put("<h1>Review schedule</h1>\n<p>Every protocol by the date its next review falls due, overdue reviews first. Statuses are as at ")
        time(site.builtOnLong, iso: site.builtOn)
        put(" and are brought up to date by your browser. <a href=\"../reviews.ics\">Subscribe to the review dates (iCalendar)</a>.</p>\n<ul class=\"counts\" data-status-summary data-warning-days=\"")
        escaped(warningDays)
        put("\">\n")
        statusCounts(page.counts)
        put("</ul>\n<div class=\"table-wrap\">\n<table class=\"schedule\">\n<caption>Protocols by next review date</caption>\n<thead><tr><th scope=\"col\">Protocol</th><th scope=\"col\">Next review</th><th scope=\"col\">Status</th><th scope=\"col\">Last reviewed</th><th scope=\"col\">Adopted</th></tr></thead>\n<tbody>\n")
        for item in page.protocols {
            put("<tr class=\"review-")
            escaped(item.reviewStatus)
            put("\">\n<th scope=\"row\"><a href=\"")
            escaped(item.href)
            put("\">")
            escaped(item.title)
            put("</a>")
            // Only a protocol not in force says its status beside its title.
            if item.statusNotice != nil {
                put(" <span class=\"status status-")
                escaped(item.status)
                put("\">(")
                escaped(item.statusLabel)
                put(")</span>")
            }
            put("</th>\n<td data-label=\"Next review\">")
            // `{{#reviewISO}}` decides, though the date shown is `reviewDue`
            // and `review`: all three come from the one review date.
            if item.reviewISO != nil {
                time(item.review ?? "", iso: item.reviewDue)
            } else {
                put("None set")
            }
            put("</td>\n<td data-label=\"Status\"")
            reviewState(item, warningDays: warningDays)
            put("</td>\n<td data-label=\"Last reviewed\">")
            if let reviewed = item.reviewed { time(reviewed, iso: item.reviewedISO) }
            put("</td>\n<td data-label=\"Adopted\">")
            if let adopted = item.adopted {
                time(adopted, iso: item.adoptedISO)
            } else {
                escaped(item.statusLabel)
            }
            put("</td>\n</tr>\n")
        }
        put("</tbody>\n</table>\n</div>\n")
    }
}
