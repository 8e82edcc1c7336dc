/// A date as front matter gives it: a day, or a month (a review "due in
/// September 2021" falls due at the end of that month).
public enum ProtocolDate: Sendable, Hashable, Codable, CustomStringConvertible {
    case day(CalendarDay)
    case month(year: Int, month: Int)

    /// The last day the date covers: the day itself, or a month's last day.
    public var lastDay: CalendarDay {
        switch self {
        case .day(let day): return day
        case .month(let year, let month):
            return CalendarDay(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))!
        }
    }

    /// The first day the date covers.
    public var firstDay: CalendarDay {
        switch self {
        case .day(let day): return day
        case .month(let year, let month): return CalendarDay(year: year, month: month, day: 1)!
        }
    }

    /// ISO 8601: `2020-09-22` or `2021-09`.
    public var description: String {
        switch self {
        case .day(let day): return day.description
        case .month(let year, let month): return pad(year, 4) + "-" + pad(month, 2)
        }
    }

    /// For readers: `22 September 2020` or `September 2021`.
    public var longForm: String {
        switch self {
        case .day(let day): return day.longForm
        case .month(let year, let month): return "\(MonthName.full[month - 1]) \(year)"
        }
    }
}
