/// A day of the proleptic Gregorian calendar, with no time or zone: review
/// dates are days, and "today" is compared as a day.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A valid day, or nil for an impossible one (`2024-02-31`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day a number of days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601: `2026-11-23`.
    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// As a reader in the UK writes it: `23 November 2026`.
    public var longForm: String {
        "\(day) \(MonthName.full[month - 1]) \(year)"
    }

    /// Seconds since the epoch at midnight UTC, for `SOURCE_DATE_EPOCH`.
    public init(unixSeconds: Int) {
        self.init(daysSinceEpoch: unixSeconds >= 0 ? unixSeconds / 86400 : (unixSeconds - 86399) / 86400)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

enum MonthName {
    static let full = ["January", "February", "March", "April", "May", "June", "July",
                       "August", "September", "October", "November", "December"]

    /// The month for a name or a common abbreviation (`Sept`, `sep`), any case.
    static func number(of name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3 else { return nil }
        for (index, month) in full.enumerated() {
            let full = month.lowercased()
            if full == lower || (full.hasPrefix(lower) && lower.count <= 4) || (lower == "sept" && index == 8) {
                return index + 1
            }
        }
        return nil
    }
}
