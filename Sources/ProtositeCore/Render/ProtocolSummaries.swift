/// Builds the summary values lists, panels and feeds show for a protocol.
struct ProtocolSummaries {
    let today: CalendarDay
    let warningDays: Int

    func summary(_ metadata: ProtocolMetadata, href: String) -> ProtocolSummaryContext {
        let status = ReviewStatus.of(review: metadata.review, today: today, warningDays: warningDays)
        return ProtocolSummaryContext(
            title: metadata.title,
            slug: metadata.slug,
            href: href,
            council: metadata.council,
            status: metadata.status.rawValue,
            statusLabel: metadata.status.label,
            adopted: metadata.status == .adopted ? metadata.adopted?.longForm : nil,
            adoptedISO: metadata.status == .adopted ? metadata.adopted?.description : nil,
            formerlyAdopted: metadata.status.wasInForce ? metadata.adopted?.longForm : nil,
            formerlyAdoptedISO: metadata.status.wasInForce ? metadata.adopted?.description : nil,
            statusNotice: metadata.status.notice,
            reviewed: metadata.reviewed?.longForm,
            reviewedISO: metadata.reviewed?.description,
            review: metadata.review?.longForm,
            reviewISO: metadata.review?.description,
            reviewDue: metadata.review?.lastDay.description,
            reviewStatus: status.rawValue,
            reviewStatusLabel: status.label,
            reviewSentence: status.sentence(review: metadata.review, today: today),
            version: metadata.version,
            summary: metadata.summary,
            tags: metadata.tags,
            aliases: metadata.aliases,
            isOverdue: status == .overdue
        )
    }

    /// The status summary: each state's count, in `states` order, those at zero hidden.
    func counts(_ items: [ProtocolSummaryContext], states: [ReviewStatus]) -> [StatusCountContext] {
        let counts = ReviewCounts(items.compactMap { ReviewStatus(rawValue: $0.reviewStatus) })
        return states.map { state in
            let count = counts.count(of: state)
            return StatusCountContext(state: state.rawValue, count: count,
                                      sentence: ReviewCounts.sentence(state, count: count, warningDays: warningDays))
        }
    }

    /// Overdue first (longest overdue first), then by due date, then those
    /// with no date; ties by title.
    func scheduleOrder(_ a: ProtocolMetadata, _ b: ProtocolMetadata) -> Bool {
        switch (a.review?.lastDay, b.review?.lastDay) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (a.title, a.slug) < (b.title, b.slug)
        }
    }
}
