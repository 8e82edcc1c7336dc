import Testing
@testable import ProtositeCore

@Suite("Dates as clerks write them")
struct DateParserTests {
    @Test(arguments: [
        ("2020-09-22", "2020-09-22"),
        ("2021-09", "2021-09"),
        ("22nd September 2020", "2020-09-22"),
        ("1st March 2024", "2024-03-01"),
        ("22 Sept 2020", "2020-09-22"),
        ("September 22, 2020", "2020-09-22"),
        ("September 2021", "2021-09"),
        ("22/09/2020", "2020-09-22"),
        ("09.09.2024", "2024-09-09"),
        ("13.05.2025", "2025-05-13"),
        ("29/02/2024", "2024-02-29"),
    ])
    func accepted(text: String, iso: String) throws {
        let date = try DateParser.parse(text).get()
        #expect(date.description == iso)
    }

    @Test(arguments: ["31/02/2024", "2023-02-29", "2024-13", "32 January 2024", "2024-00-10",
                      // Found by fuzzing: a month too long for an Int crashed the parser.
                      "2023-09999999999999999999999999", "2023-01-99999999999999999999999"])
    func impossible(text: String) {
        #expect(throws: DateParser.Failure.impossible(text)) { try DateParser.parse(text).get() }
    }

    @Test(arguments: ["soon", "next year", "2024/09/22x", ""])
    func unrecognised(text: String) {
        #expect(throws: DateParser.Failure.unrecognised(text)) { try DateParser.parse(text).get() }
    }

    @Test func monthFallsDueAtItsEnd() throws {
        #expect(try DateParser.parse("2021-09").get().lastDay.description == "2021-09-30")
        #expect(try DateParser.parse("February 2024").get().lastDay.description == "2024-02-29")
    }

    @Test func epochDaysRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDay(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDay(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CalendarDay(year: 2026, month: 11, day: 23)!.daysSinceEpoch == 20780)
    }
}

@Suite("Review status")
struct ReviewStatusTests {
    func status(_ review: String?, today: String, days: Int = 60) throws -> ReviewStatus {
        let date = try review.map { try DateParser.parse($0).get() }
        guard case .day(let day) = try DateParser.parse(today).get() else { throw DateParser.Failure.unrecognised(today) }
        return ReviewStatus.of(review: date, today: day, warningDays: days)
    }

    @Test func corpusStatuses() throws {
        #expect(try status("2021-09", today: "2026-11-23") == .overdue)
        #expect(try status("2027-05", today: "2026-11-23") == .current)
        #expect(try status(nil, today: "2026-11-23") == ReviewStatus.none)
    }

    @Test func boundariesAreInclusive() throws {
        // Due 2027-05-31: due soon from 2027-04-01 (60 days before), overdue from 2027-06-01.
        #expect(try status("2027-05", today: "2027-03-31") == .current)
        #expect(try status("2027-05", today: "2027-04-01") == .dueSoon)
        #expect(try status("2027-05", today: "2027-05-31") == .dueSoon)
        #expect(try status("2027-05", today: "2027-06-01") == .overdue)
    }

    @Test func sentenceSaysSinceWhen() throws {
        let review = try DateParser.parse("September 2021").get()
        let sentence = ReviewStatus.overdue.sentence(review: review, today: TestSupport.today)
        #expect(sentence == "Review overdue since September 2021")
    }
}
