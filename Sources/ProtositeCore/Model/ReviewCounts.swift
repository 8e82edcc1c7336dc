/// How many protocols stand in each review state, and the sentence each
/// count is shown in. Only counts above zero are ever shown: "0 overdue"
/// says nothing, and shown as an alert it says something false.
/// `assets/review-status.js` (`countSentence`) writes the same sentences
/// when the reader's browser counts again against its own date.
public struct ReviewCounts: Sendable, Equatable {
    public var overdue = 0
    public var dueSoon = 0
    public var current = 0
    public var none = 0

    public init(_ statuses: [ReviewStatus]) {
        for status in statuses {
            switch status {
            case .overdue: overdue += 1
            case .dueSoon: dueSoon += 1
            case .current: current += 1
            case .none: none += 1
            }
        }
    }

    public func count(of status: ReviewStatus) -> Int {
        switch status {
        case .overdue: return overdue
        case .dueSoon: return dueSoon
        case .current: return current
        case .none: return none
        }
    }

    /// The states that call for the clerk's (and a resident's) attention.
    public static let alertStates: [ReviewStatus] = [.overdue, .dueSoon, .none]

    /// "2 protocols are overdue for review", "1 protocol has no review date".
    public static func sentence(_ status: ReviewStatus, count: Int, warningDays: Int) -> String {
        let one = count == 1
        let subject = one ? "1 protocol" : "\(count) protocols"
        switch status {
        case .overdue: return subject + (one ? " is" : " are") + " overdue for review"
        case .dueSoon: return subject + (one ? " is" : " are") + " due for review within \(warningDays) days"
        case .current: return subject + (one ? " is" : " are") + " current"
        case .none: return subject + (one ? " has" : " have") + " no review date"
        }
    }
}
