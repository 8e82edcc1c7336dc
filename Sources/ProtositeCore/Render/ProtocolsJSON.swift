/// `protocols.json`: every protocol's metadata for other systems. The schema
/// is documented in docs/protocols-json.md.
enum ProtocolsJSON {
    static let schemaVersion = 1

    static func make(_ documents: [ProtocolListing], summaries: ProtocolSummaries, baseURL: String?) -> String {
        let items: [JSONValue] = documents.map { document in
            let m = document.metadata
            let status = ReviewStatus.of(review: m.review, today: summaries.today, warningDays: summaries.warningDays)
            var members: [(String, JSONValue)] = [
                ("slug", .string(m.slug)),
                ("title", .string(m.title)),
                ("url", .string(m.slug + "/")),
            ]
            if let baseURL { members.append(("absolute_url", .string(baseURL + m.slug + "/"))) }
            members += [
                ("council", .optional(m.council)),
                ("status", .string(m.status.rawValue)),
                ("adopted", .optional(m.adopted?.description)),
                ("reviewed", .optional(m.reviewed?.description)),
                ("review", .optional(m.review?.description)),
                ("review_due", .optional(m.review?.lastDay.description)),
                ("review_status", .string(status.rawValue)),
                ("version", .optional(m.version)),
                ("summary", .optional(m.summary)),
                ("aliases", .array(m.aliases.map { .string($0) })),
                ("cited_as", .array(m.citedAs.map { .string($0) })),
                ("tags", .array(m.tags.map { .string($0) })),
                ("clauses", .number(document.clauseCount)),
                ("history", .array(m.history.map { row in
                    .object([
                        ("date", .optional(row.date?.description)),
                        ("version", .optional(row.version)),
                        ("change", .optional(row.change)),
                        ("review", .optional(row.review?.description)),
                    ])
                })),
                ("versions", .array(document.versions.dates.map { date in
                    .object([("date", .string(date)), ("url", .string(m.slug + "/versions/" + date + "/"))])
                })),
                ("changes", .array(document.versions.changes.map { change in
                    .object([
                        ("from", .string(change.from)),
                        ("to", .optional(change.to)),
                        ("clauses", .array(change.clauses.map { clause in
                            .object([("kind", .string(clause.kind)), ("clause", .string(clause.clause))]
                                    + (clause.was.map { [("was", JSONValue.string($0))] } ?? []))
                        })),
                    ])
                })),
                ("source", .string(document.path)),
            ]
            return .object(members)
        }
        let root: JSONValue = .object([
            ("version", .number(schemaVersion)),
            ("generated_for", .string(summaries.today.description)),
            ("protocols", .array(items)),
        ])
        return root.serialized(pretty: true) + "\n"
    }
}
