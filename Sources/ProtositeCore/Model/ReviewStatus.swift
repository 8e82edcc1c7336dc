/// Where a protocol stands against its next review date on a given day.
public enum ReviewStatus: String, Sendable, Equatable, CaseIterable {
    case overdue
    case dueSoon = "due-soon"
    case current
    case none

    /// The status for `review` on `today`: overdue once the due day (a
    /// month's last day) has passed; due soon on the due day and the
    /// `warningDays` days before it.
    public static func of(review: ProtocolDate?, today: CalendarDay, warningDays: Int) -> ReviewStatus {
        guard let review else { return .none }
        let due = review.lastDay
        if today > due { return .overdue }
        if due.daysSinceEpoch - today.daysSinceEpoch <= warningDays { return .dueSoon }
        return .current
    }

    /// The status in words, as the page shows it (never colour alone).
    public func sentence(review: ProtocolDate?, today: CalendarDay) -> String {
        guard let review else { return "No review date set" }
        switch self {
        case .overdue: return "Review overdue since \(review.longForm)"
        case .dueSoon:
            let days = review.lastDay.daysSinceEpoch - today.daysSinceEpoch
            return days == 0 ? "Review due today" : "Review due by \(review.longForm) (\(days) day\(days == 1 ? "" : "s") left)"
        case .current: return "Next review due \(review.longForm)"
        case .none: return "No review date set"
        }
    }

    /// A short label for tables.
    public var label: String {
        switch self {
        case .overdue: return "Overdue"
        case .dueSoon: return "Due soon"
        case .current: return "Current"
        case .none: return "No review date"
        }
    }
}
