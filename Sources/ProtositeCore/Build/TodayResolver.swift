import Foundation

/// "Today" for review statuses: `--today`, else `SOURCE_DATE_EPOCH`, else
/// the clock (UTC).
public enum TodayResolver {
    public enum Failure: Error, CustomStringConvertible {
        case badToday(String)
        case badEpoch(String)

        public var description: String {
            switch self {
            case .badToday(let text): return "--today '\(text)' is not a date: use YYYY-MM-DD"
            case .badEpoch(let text): return "SOURCE_DATE_EPOCH '\(text)' is not a number of seconds"
            }
        }
    }

    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) throws -> CalendarDay {
        if let option {
            guard case .success(.day(let day)) = DateParser.parse(option) else { throw Failure.badToday(option) }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else { throw Failure.badEpoch(epoch) }
            return CalendarDay(unixSeconds: seconds)
        }
        return CalendarDay(unixSeconds: Int(now.timeIntervalSince1970))
    }
}
