import ProtositeMarkdown

/// A page of the built-in theme written straight into bytes: what
/// Mustache would make of `templates/layout.mustache` around a page's own
/// template, without Mustache.
///
/// It exists for speed. Mustache finds every `{{name}}` by splitting the
/// name at its dots and casting each object up the context stack; the
/// protocol pages are most of a site, and the list and the schedule grow
/// with every protocol. Here each value is a field read and the fixed text
/// is copied whole.
///
/// The layout is written here once for every page that has a writer
/// (`ProtocolPageWriter`, `ListingPageWriters`); each page hands in what
/// its template puts in the layout's blocks. A page is written only while
/// the project replaces neither its template nor the layout
/// (`Theme.writes`); a clerk's own templates still go through Mustache,
/// which stays the definition of every page. The two must not drift: the
/// tests render each page both ways from the same values on every corpus
/// and require the same bytes, so a change to a template needs the same
/// change here.
///
/// Whitespace follows Mustache's rules for these files: a line holding
/// nothing but a section or block tag is left out, newline and all; any
/// other line keeps its newline whether or not its sections render.
struct PageWriter {
    private var html: HTMLBytes

    init(capacity: Int) {
        html = HTMLBytes(capacity: capacity)
    }

    /// The page so far.
    var out: [UInt8] { html.bytes }

    /// The entries of the layout's site navigation a page can mark as the
    /// one the reader is on (its `{{$currentProtocols}}` and
    /// `{{$currentReviews}}` blocks).
    enum Navigation {
        case protocols, reviews
    }

    // MARK: layout.mustache

    /// The layout, with `head` and `main` writing the page's `{{$head}}`
    /// and `{{$main}}` blocks where the layout has them.
    mutating func layout<Page>(_ context: PageContext<Page>, current: Navigation? = nil,
                               head: (inout PageWriter) -> Void = { _ in }, main: (inout PageWriter) -> Void) {
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
        // The block's line keeps its newline, so a page without a head
        // block has an empty line here.
        head(&self)
        put("\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n<header class=\"site-header\">\n<div class=\"site-header-inner\">\n<a class=\"site-name\" href=\"")
        escaped(root)
        put("index.html\">")
        escaped(site.title)
        put("</a>\n<nav aria-label=\"Site\">\n<ul>\n<li><a href=\"")
        escaped(root)
        put("index.html\"")
        if current == .protocols { put(" aria-current=\"page\"") }
        put(">Protocols</a></li>\n<li><a href=\"")
        escaped(root)
        put("reviews/index.html\"")
        if current == .reviews { put(" aria-current=\"page\"") }
        put(">Review schedule</a></li>\n</ul>\n</nav>\n<search class=\"site-search\">\n<form action=\"")
        escaped(root)
        put("search/index.html\" method=\"get\">\n<label for=\"site-search-q\">Search protocols</label>\n<input id=\"site-search-q\" type=\"search\" name=\"q\" autocomplete=\"off\" enterkeyhint=\"search\">\n<button type=\"submit\">Search</button>\n</form>\n</search>\n</div>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n")
        main(&self)
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

    // MARK: pieces more than one page's template has

    /// The status panel's and a card's lines for the protocol's status and
    /// the day it was adopted, in force or no longer.
    mutating func statusLines(_ summary: ProtocolSummaryContext) {
        put("<div><dt>Status</dt><dd><span class=\"status status-")
        escaped(summary.status)
        put("\">")
        escaped(summary.statusLabel)
        put("</span></dd></div>\n")
        dateLine("Adopted", summary.adopted, iso: summary.adoptedISO)
        dateLine("Was adopted", summary.formerlyAdopted, iso: summary.formerlyAdoptedISO)
    }

    /// A line of the status panel or of a card in the list for a date the
    /// protocol may not have:
    /// `{{#adopted}}<div>…<time datetime="{{adoptedISO}}">{{.}}</time></dd></div>{{/adopted}}`
    /// and the line's end, which stays when the date does not.
    mutating func dateLine(_ label: StaticString, _ date: String?, iso: String?) {
        if let date {
            put("<div><dt>")
            put(label)
            put("</dt><dd>")
            time(date, iso: iso)
            put("</dd></div>")
        }
        put("\n")
    }

    /// `<time datetime="{{xISO}}">{{.}}</time>` inside a `{{#x}}` section.
    /// The ISO form is there whenever the date is; were it not, Mustache
    /// would find the name nowhere up its stack and write nothing.
    mutating func time(_ date: String, iso: String?) {
        put("<time datetime=\"")
        escaped(iso ?? "")
        put("\">")
        escaped(date)
        put("</time>")
    }

    /// A protocol's next review as the status panel, the list and the
    /// schedule mark it up for the script that brings it up to date:
    /// ` class="review review-{{reviewStatus}}" data-review-due="{{reviewDue}}"
    /// data-review-label="{{review}}" data-warning-days="{{site.reviewWarningDays}}"><span
    /// class="review-text">{{reviewSentence}}</span>`, the element's name
    /// before it and its end after it being the caller's. A protocol with no
    /// review has no `reviewDue` or `review`; nothing further up Mustache's
    /// stack has those names, so they render as nothing.
    mutating func reviewState(_ summary: ProtocolSummaryContext, warningDays: String) {
        put(" class=\"review review-")
        escaped(summary.reviewStatus)
        put("\" data-review-due=\"")
        escaped(summary.reviewDue ?? "")
        put("\" data-review-label=\"")
        escaped(summary.review ?? "")
        put("\" data-warning-days=\"")
        escaped(warningDays)
        put("\"><span class=\"review-text\">")
        escaped(summary.reviewSentence)
        put("</span>")
    }

    /// A status summary's items, one line each:
    /// `{{#counts}}<li data-state="{{state}}"{{#hidden}} hidden{{/hidden}}>{{sentence}}</li>`.
    mutating func statusCounts(_ counts: [StatusCountContext]) {
        for count in counts {
            put("<li data-state=\"")
            escaped(count.state)
            put("\"")
            if count.hidden { put(" hidden") }
            put(">")
            escaped(count.sentence)
            put("</li>\n")
        }
    }

    // MARK: bytes

    /// Fixed text of a template.
    mutating func put(_ text: StaticString) { html.put(text) }

    /// `{{{x}}}`: as it is.
    mutating func raw(_ text: String) { html.raw(text) }

    /// `{{{x}}}` for text already in bytes (a protocol's body).
    mutating func raw(_ bytes: [UInt8]) { html.raw(bytes) }

    /// `{{x}}`: escaped by the same code as the templates' content type
    /// (`FastEscaping`, which is `HTMLEscaping.escape`): `& < > " '`, each
    /// to its entity, every other byte as it is.
    mutating func escaped(_ text: String) { html.escaped(text) }
}
