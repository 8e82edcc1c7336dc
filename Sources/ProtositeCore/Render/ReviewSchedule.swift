/// The review schedule in the order every view shows it: overdue first,
/// then by due date, then protocols with no date. The terminal and JSON
/// forms of `protosite reviews`.
public struct ReviewSchedule: Sendable {
    public struct Row: Sendable, Equatable {
        public var slug: String
        public var title: String
        public var review: ProtocolDate?
        public var status: ReviewStatus
        public var sentence: String
        /// Days from today to the due day; negative once overdue.
        public var days: Int?
    }

    public let rows: [Row]

    public init(_ protocols: [ProtocolMetadata], today: CalendarDay, warningDays: Int) {
        let order = ProtocolSummaries(today: today, warningDays: warningDays)
        rows = protocols.sorted(by: order.scheduleOrder).map { metadata in
            let status = ReviewStatus.of(review: metadata.review, today: today, warningDays: warningDays)
            return Row(slug: metadata.slug, title: metadata.title, review: metadata.review, status: status,
                       sentence: status.sentence(review: metadata.review, today: today),
                       days: metadata.review.map { $0.lastDay.daysSinceEpoch - today.daysSinceEpoch })
        }
    }

    /// Aligned columns: protocol, next review, status in words.
    public func table() -> String {
        let header = ("Protocol", "Next review", "Status")
        let cells = rows.map { ($0.title, $0.review?.longForm ?? "—", $0.sentence) }
        let first = max(header.0.count, cells.map(\.0.count).max() ?? 0)
        let second = max(header.1.count, cells.map(\.1.count).max() ?? 0)
        func line(_ a: String, _ b: String, _ c: String) -> String {
            a.padding(first) + "  " + b.padding(second) + "  " + c + "\n"
        }
        var out = line(header.0, header.1, header.2)
        out += line(String(repeating: "-", count: first), String(repeating: "-", count: second), String(repeating: "-", count: header.2.count))
        for cell in cells { out += line(cell.0, cell.1, cell.2) }
        return out
    }

    public func json() -> String {
        JSONValue.array(rows.map { row in
            .object([
                ("slug", .string(row.slug)),
                ("title", .string(row.title)),
                ("review", .optional(row.review?.description)),
                ("review_due", .optional(row.review?.lastDay.description)),
                ("review_status", .string(row.status.rawValue)),
                ("status_text", .string(row.sentence)),
                ("days", row.days.map { .number($0) } ?? .null),
            ])
        }).serialized(pretty: true)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
