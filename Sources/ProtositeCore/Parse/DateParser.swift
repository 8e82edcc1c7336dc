import Foundation

/// Reads the dates clerks write: ISO (`2020-09-22`, `2021-09`) and the UK
/// forms (`22nd September 2020`, `September 2021`, `22/09/2020`,
/// `09.09.2024`), always day first.
public enum DateParser {
    public enum Failure: Error, Equatable, Sendable {
        /// Not a date in any form we read.
        case unrecognised(String)
        /// A date form, but no such day (`31/02/2024`).
        case impossible(String)

        public var message: String {
            switch self {
            case .unrecognised(let text):
                return "'\(text)' is not a date; write it as 2024-09-22, 22 September 2024, 22/09/2024 or, for a month, 2024-09 or September 2024"
            case .impossible(let text):
                return "'\(text)' is not a real date"
            }
        }
    }

    public static func parse(_ raw: String) -> Result<ProtocolDate, Failure> {
        let text = raw.trimming(.whitespaces)
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        // 2020-09-22 / 2021-09
        let dashed = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if dashed.count >= 2, dashed.count <= 3, dashed[0].count == 4, dashed.allSatisfy(isNumber) {
            // Month and day have at most two digits (longer runs overflowed Int: found by fuzzing).
            guard dashed.dropFirst().allSatisfy({ $0.count <= 2 }) else { return .failure(.impossible(text)) }
            return build(year: Int(dashed[0])!, month: Int(dashed[1])!, day: dashed.count == 3 ? Int(dashed[2])! : nil, text: text)
        }
        // 22/09/2020, 22.09.2020, 22-09-2020 (day first)
        for separator: Character in ["/", ".", "-"] {
            let pieces = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            if pieces.count == 3, pieces.allSatisfy(isNumber), pieces[0].count <= 2, pieces[1].count <= 2,
               pieces[2].count == 4 || pieces[2].count == 2 {
                var year = Int(pieces[2])!
                if pieces[2].count == 2 { year += 2000 }
                return build(year: year, month: Int(pieces[1])!, day: Int(pieces[0])!, text: text)
            }
        }
        // 22nd September 2020 / 22 Sept 2020 / September 22, 2020 / September 2021
        if parts.count == 3 {
            if let day = ordinal(parts[0]), let month = MonthName.number(of: parts[1]), let year = year(parts[2]) {
                return build(year: year, month: month, day: day, text: text)
            }
            if let month = MonthName.number(of: parts[0]), let day = ordinal(parts[1]), let year = year(parts[2]) {
                return build(year: year, month: month, day: day, text: text)
            }
        }
        if parts.count == 2, let month = MonthName.number(of: parts[0]), let year = year(parts[1]) {
            return build(year: year, month: month, day: nil, text: text)
        }
        return .failure(.unrecognised(text))
    }

    private static func build(year: Int, month: Int, day: Int?, text: String) -> Result<ProtocolDate, Failure> {
        guard (1...12).contains(month), (1...9999).contains(year) else { return .failure(.impossible(text)) }
        guard let day else { return .success(.month(year: year, month: month)) }
        guard let calendarDay = CalendarDay(year: year, month: month, day: day) else { return .failure(.impossible(text)) }
        return .success(.day(calendarDay))
    }

    private static func isNumber(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// `22`, `22nd`, `1st`, `3rd`, `4th`.
    private static func ordinal(_ s: String) -> Int? {
        var digits = s
        for suffix in ["st", "nd", "rd", "th"] where s.lowercased().hasSuffix(suffix) {
            digits = String(s.dropLast(2))
        }
        guard digits.count <= 2, isNumber(digits) else { return nil }
        return Int(digits)
    }

    private static func year(_ s: String) -> Int? {
        guard s.count == 4, isNumber(s) else { return nil }
        return Int(s)
    }
}
