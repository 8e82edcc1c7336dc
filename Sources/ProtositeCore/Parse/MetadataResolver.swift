import Foundation

/// Turns decoded front matter into `ProtocolMetadata`: parses dates at their
/// own positions, applies defaults, and derives from `history` what was not
/// given.
struct MetadataResolver {
    let path: String
    let defaultSlug: String
    let config: SiteConfig
    /// The current text's metadata, when this file is an earlier version of it.
    var current: ProtocolMetadata?

    func resolve(_ reading: FrontMatterReader.Reading, diagnostics: inout [Diagnostic]) -> ProtocolMetadata? {
        let front = reading.frontMatter
        let positions = reading.positions
        func date(_ text: String?, key: String) -> ProtocolDate? {
            guard let text, !text.trimming(.whitespaces).isEmpty else { return nil }
            switch DateParser.parse(text) {
            case .success(let date): return date
            case .failure(let failure):
                let (line, column) = positions.position(of: key)
                diagnostics.append(.error("'\(key)': \(failure.message)", in: path, line: line, column: column))
                return nil
            }
        }
        guard let title = nonEmpty(front.title?.trimming(.whitespacesAndNewlines)) ?? current?.title else {
            let (line, column) = front.title == nil ? (1, 1) : positions.position(of: "title")
            diagnostics.append(.error("the protocol has no title: add 'title: …' to the front matter", in: path, line: line, column: column))
            return nil
        }
        var metadata = ProtocolMetadata(title: title, slug: defaultSlug)
        if let slug = front.slug {
            let (line, column) = positions.position(of: "slug")
            if let problem = SlugRules.problem(with: slug) {
                diagnostics.append(.error("'slug': \(problem)", in: path, line: line, column: column))
                return nil
            }
            metadata.slug = slug
        }
        metadata.council = nonEmpty(front.council) ?? current?.council ?? config.council
        if metadata.council == nil, current == nil {
            diagnostics.append(.warning("no council named: add 'council: …' to the front matter or to protosite.yml", in: path, line: 1, column: 1))
        }
        metadata.adopted = date(front.adopted, key: "adopted")
        metadata.reviewed = date(front.reviewed, key: "reviewed")
        metadata.review = date(front.review, key: "review")
        metadata.version = nonEmpty(front.version)
        metadata.aliases = front.aliases?.items.compactMap(nonEmpty) ?? []
        metadata.citedAs = front.citedAs?.items.compactMap(nonEmpty) ?? []
        metadata.summary = nonEmpty(front.summary)
        metadata.tags = front.tags?.items.compactMap(nonEmpty) ?? []

        for (index, row) in (front.history ?? []).enumerated() {
            func rowDate(_ text: String?, key: String) -> ProtocolDate? {
                guard let text, !text.isEmpty else { return nil }
                switch DateParser.parse(text) {
                case .success(let date): return date
                case .failure(let failure):
                    let (line, column) = positions.position(ofHistoryRow: index, key: key)
                    diagnostics.append(.error("'history[\(index)].\(key)': \(failure.message)", in: path, line: line, column: column))
                    return nil
                }
            }
            metadata.history.append(HistoryEntry(
                date: rowDate(row.date, key: "date"),
                version: nonEmpty(row.version),
                change: nonEmpty(row.change),
                review: rowDate(row.review, key: "review")
            ))
        }
        // Given fields win; the version table fills the rest. A draft's
        // first row records a first draft, not an adoption.
        let declaredDraft = front.status?.lowercased().trimming(.whitespaces) == ProtocolStatus.draft.rawValue
        if let first = metadata.history.first, let last = metadata.history.last {
            if front.adopted == nil, !declaredDraft { metadata.adopted = first.date }
            if front.version == nil { metadata.version = last.version }
            if front.review == nil { metadata.review = last.review }
            if front.reviewed == nil, metadata.history.count > 1 { metadata.reviewed = last.date }
        }

        if let status = front.status {
            guard let parsed = ProtocolStatus(rawValue: status.lowercased().trimming(.whitespaces)) else {
                let (line, column) = positions.position(of: "status")
                var message = "'status' must be one of draft, adopted, superseded, withdrawn (found '\(status)')"
                if let nearest = NearestWord.find(status, in: ProtocolStatus.allCases.map(\.rawValue)) {
                    message += "; did you mean '\(nearest)'?"
                }
                diagnostics.append(.error(message, in: path, line: line, column: column))
                return nil
            }
            metadata.status = parsed
        } else {
            metadata.status = metadata.adopted == nil ? .draft : .adopted
        }
        return metadata
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimming(.whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
