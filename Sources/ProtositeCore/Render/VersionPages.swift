import ProtositeMarkdown

/// The pages of a protocol's earlier versions and of what changed, made
/// from the versions stage's `VersionHistory`. Earlier texts are shown as
/// written, with their own clause ids; they are not linked to the rest of
/// the site, since references in an old text name clauses of its own time.
extension SiteRenderer {
    static func versionPath(slug: String, date: CalendarDay) -> String { slug + "/versions/" + date.description + "/index.html" }
    static func changesPath(slug: String) -> String { slug + "/changes/index.html" }

    /// The pages a protocol with earlier versions (on these days) has, beside its own.
    static func versionPaths(slug: String, dates: [CalendarDay]) -> [String] {
        dates.isEmpty ? [] : dates.map { versionPath(slug: slug, date: $0) } + [changesPath(slug: slug)]
    }

    /// What the current page shows of its earlier versions.
    func versionLinks(slug: String) -> VersionLinksContext? {
        guard let dates = versionDates[slug], !dates.isEmpty else { return nil }
        return VersionLinksContext(
            versions: dates.map { VersionLinkContext(date: $0.longForm, dateISO: $0.description, href: "versions/\($0)/") },
            changesHref: "changes/")
    }

    /// Every earlier version's page and the changes page.
    func versionOutputs(_ history: VersionHistory, title: String) -> [Output] {
        guard !history.earlier.isEmpty else { return [] }
        var outputs: [Output] = []
        for (index, version) in history.earlier.enumerated() {
            let path = Self.versionPath(slug: history.slug, date: version.date)
            let root = Self.root(forPagePath: path)
            let decorated = ClauseDecorator(backLinks: [:], slug: history.slug, root: root).decorate(version.document.body)
            let replaced = history.replaced(after: index)
            let page = VersionPage(
                title: title, adopted: version.date.longForm, adoptedISO: version.date.description,
                replaced: replaced?.longForm, replacedISO: replaced?.description,
                currentHref: "../../", changesHref: "../../changes/#" + history.changes[history.changes.count - 1 - index].anchor,
                body: HTMLRenderer(allowRawHTML: config.unsafeHTML).render(decorated))
            outputs.append(self.page(page, path: path, title: "\(title), as adopted on \(version.date.longForm) — \(config.title)", template: "version"))
        }
        outputs.append(changesPage(history, title: title))
        return outputs
    }

    private func changesPage(_ history: VersionHistory, title: String) -> Output {
        let path = Self.changesPath(slug: history.slug)
        let changes = history.changes.enumerated().map { position, change in
            // The newest change leads to the current text; the others to an earlier version.
            let toHref = position == 0 ? "../" : "../versions/\(change.to!)/"
            let fromHref = "../versions/\(change.from)/"
            let clauses = change.alignment.changes.map { pair in
                clauseChange(pair, newerHref: toHref, olderHref: fromHref)
            }
            let toText = change.to?.longForm ?? "the current text"
            return VersionChangeContext(
                anchor: change.anchor, heading: "\(change.from.longForm) to \(toText)",
                from: change.from.longForm, fromISO: change.from.description, fromHref: fromHref,
                to: change.to?.longForm, toISO: change.to?.description, toHref: toHref,
                clauses: clauses)
        }
        let page = ChangesPage(title: title, currentHref: "../", changes: changes)
        return self.page(page, path: path, title: "\(title): what changed — \(config.title)", template: "changes")
    }

    private func clauseChange(_ pair: ClauseAlignment.Pair, newerHref: String, olderHref: String) -> ClauseChangeContext {
        let kind = pair.kind
        let shown = (pair.newer ?? pair.older)!
        let href = (pair.newer == nil ? olderHref : newerHref) + "#" + shown.number.anchor
        var redline: [RedlineRunContext] = []
        if kind == .changed, let older = pair.older, let newer = pair.newer {
            redline = WordRedline(from: older.text, to: newer.text).runs.map {
                RedlineRunContext(text: $0.text, spaceBefore: $0.spaceBefore, kind: $0.kind)
            }
        }
        let label: String
        switch kind {
        case .added: label = "Added"
        case .removed: label = "Removed"
        case .changed: label = "Changed"
        case .renumbered: label = "Renumbered, text unchanged"
        case .unchanged: label = "Unchanged"
        }
        return ClauseChangeContext(
            kind: kind.rawValue, kindLabel: label, number: shown.number.description, href: href,
            was: pair.was?.description, wasHref: pair.was.map { olderHref + "#" + $0.anchor },
            text: kind == .added || kind == .removed ? (shown.text.isEmpty ? nil : shown.text) : nil,
            redline: redline)
    }
}
