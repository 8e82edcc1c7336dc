/// The values templates see. Every page gets `site`, `root` (the relative
/// path from the page to the site root, so the site works from any
/// sub-folder), `pageTitle` and `canonical`; each page adds its own.

/// Site-wide settings, for every template.
struct SiteContext {
    let title: String
    let council: String?
    let language: String
    let contact: String?
    let baseURL: String?
    let reviewWarningDays: Int
    /// "Today" of the build, ISO, for scripts that refresh statuses.
    let builtOn: String
    let builtOnLong: String
}

/// A protocol as lists and panels show it.
struct ProtocolSummaryContext {
    let title: String
    let slug: String
    /// From the page showing the list to the protocol page.
    let href: String
    let council: String?
    let status: String
    let statusLabel: String
    let adopted: String?
    let adoptedISO: String?
    let reviewed: String?
    let reviewedISO: String?
    let review: String?
    let reviewISO: String?
    /// The day the review falls due (a month's last day), ISO.
    let reviewDue: String?
    let reviewStatus: String
    let reviewStatusLabel: String
    let reviewSentence: String
    let version: String?
    let summary: String?
    let tags: [String]
    let aliases: [String]
    let isOverdue: Bool
}

struct TOCEntry {
    let text: String
    let number: String?
    let anchor: String
    let level: Int
    let isSubsection: Bool
}

struct HistoryRowContext {
    let date: String?
    let dateISO: String?
    let version: String?
    let change: String?
    let review: String?
}

struct PageContext<Page> {
    let site: SiteContext
    let root: String
    let pageTitle: String
    let canonical: String?
    let page: Page
}

struct IndexPage {
    let protocols: [ProtocolSummaryContext]
    let hasProtocols: Bool
    let overdueCount: Int
}

struct ProtocolPage {
    let doc: ProtocolSummaryContext
    let toc: [TOCEntry]
    let hasTOC: Bool
    let body: String
    let history: [HistoryRowContext]
    let hasHistory: Bool
    /// schema.org Legislation, already JSON-escaped for a script block.
    let jsonLD: String
    /// The permanent address of the page, for citations.
    let citationURL: String
}

struct ReviewsPage {
    let protocols: [ProtocolSummaryContext]
    let overdueCount: Int
    let dueSoonCount: Int
}

struct PlainPage {
    let heading: String
}
