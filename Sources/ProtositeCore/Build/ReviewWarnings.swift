/// `build` and `check` remind the clerk of reviews that are overdue and of
/// protocols with no review date. They depend on "today", which the parser
/// (`ProtocolParser`) is not given, so it does not make them: the build
/// adds them to each protocol's own diagnostics just after parsing it, in
/// the parse stage. A change of "today" changes the build's key
/// (`BuildCache.key`), so the diagnostics a later build keeps from the
/// cache never carry a status computed for another day.
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
