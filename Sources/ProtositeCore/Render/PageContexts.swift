/// The values templates see. Every page gets `site`, `root` (the relative
/// path from the page to the site root, so the site works from any
/// sub-folder), `pageTitle` and `canonical`; each page adds its own.

/// Site-wide settings, for every template.
struct SiteContext {
    let title: String
    let council: String?
    let language: String
    let contact: String?
    /// The contact as an email address, when it is one, for a `mailto:` link.
    var contactEmail: String? {
        guard let contact, contact.contains("@"), !contact.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == ":" }) else { return nil }
        return contact
    }
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
    /// Only while the protocol is in force: a draft, superseded or
    /// withdrawn protocol is never listed as adopted.
    let adopted: String?
    let adoptedISO: String?
    /// The date a superseded or withdrawn protocol had been adopted.
    let formerlyAdopted: String?
    let formerlyAdoptedISO: String?
    /// What a reader must know before relying on a protocol not in force
    /// ("This is a draft: the council has not adopted it."); nil when in force.
    let statusNotice: String?
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

/// One review state's count in a status summary. Every state is there,
/// those at zero hidden, so the reader's browser can count again.
struct StatusCountContext {
    let state: String
    let count: Int
    let sentence: String
    var hidden: Bool { count == 0 }
}

struct IndexPage {
    let protocols: [ProtocolSummaryContext]
    let hasProtocols: Bool
    /// Overdue, due soon, no review date.
    let alerts: [StatusCountContext]
    var hasAlerts: Bool { alerts.contains { !$0.hidden } }
    /// `overdue` when any review is overdue, else `warning`.
    var alertLevel: String { alerts.contains { $0.state == ReviewStatus.overdue.rawValue && !$0.hidden } ? "overdue" : "warning" }
}

struct ProtocolPage {
    let doc: ProtocolSummaryContext
    let toc: [TOCEntry]
    let hasTOC: Bool
    /// The rendered text, as UTF-8: the page writer copies it whole, and
    /// a clerk's own template is handed it as a string.
    let body: [UInt8]
    let history: [HistoryRowContext]
    let hasHistory: Bool
    /// schema.org Legislation, already JSON-escaped for a script block.
    let jsonLD: String
    /// The permanent address of the page, for citations.
    let citationURL: String
    /// Links to earlier versions and what changed; nil when there are none.
    let versionLinks: VersionLinksContext?
}

struct ReviewsPage {
    let protocols: [ProtocolSummaryContext]
    /// Every state, those at zero hidden.
    let counts: [StatusCountContext]
}

struct PlainPage {
    let heading: String
}
