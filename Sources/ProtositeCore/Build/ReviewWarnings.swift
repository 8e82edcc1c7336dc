/// `build` and `check` remind the clerk of reviews that are overdue and of
/// protocols with no review date. They depend on "today", so they are made
/// here rather than while parsing.
enum ReviewWarnings {
    static func `for`(_ documents: [ProtocolDocument], today: CalendarDay, warningDays: Int) -> [Diagnostic] {
        documents.compactMap { document in
            let metadata = document.metadata
            // Superseded and withdrawn protocols are not reviewed any more.
            guard metadata.status == .adopted || metadata.status == .draft else { return nil }
            switch ReviewStatus.of(review: metadata.review, today: today, warningDays: warningDays) {
            case .overdue:
                let review = metadata.review!
                return .warning("review overdue since \(review.longForm) (due \(review.lastDay.longForm)); record the review and set the next 'review:' date", in: document.path, line: document.reviewLine, column: document.reviewColumn)
            case .none:
                return .warning("no review date: add 'review: …' (for example review: \(pad(today.year + 1, 4))-\(pad(today.month, 2))) so the schedule can remind you", in: document.path, line: document.reviewLine, column: document.reviewColumn)
            case .dueSoon, .current:
                return nil
            }
        }
    }
}
