/// `sitemap.xml`: every page, by absolute address. A sitemap may only hold
/// absolute URLs, so without `base_url` none is written.
enum Sitemap {
    static func make(pagePaths: [String], baseURL: String?) -> String? {
        guard let baseURL else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pagePaths.sorted() where path.hasSuffix(".html") && path != "404.html" {
            let page = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            xml += "  <url><loc>\(AtomFeed.escape(baseURL + page))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
