/// The settings of `protosite.yml`, every one optional.
public struct SiteConfig: Sendable, Equatable {
    public var title: String = "Protocols and policies"
    public var council: String?
    /// Absolute URL where `site/` is published, ending in `/`; used for the
    /// sitemap, feed and canonical links, and for the links of `404.html`
    /// (`NotFoundPage`), the one page not read where it lies.
    public var baseURL: String?
    public var language: String = "en-GB"
    public var reviewWarningDays: Int = 60
    public var contact: String?
    public var unsafeHTML: Bool = false
    /// Groups of words that mean the same on this site, added to search's
    /// built-in vocabulary (`search_synonyms:`, docs/search-index.md).
    public var searchSynonyms: [[String]] = []

    public init() {}

    /// The keys `protosite.yml` may hold.
    public static let knownKeys = ["title", "council", "base_url", "language", "review_warning_days", "contact", "unsafe_html", "search_synonyms"]
}
