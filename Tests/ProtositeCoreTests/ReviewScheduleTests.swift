import Foundation
import Testing
@testable import ProtositeCore

/// Review statuses, the schedule and the feeds, against EXPECTED.md and
/// against independent parsers.
@Suite("Reviews, calendar and feed")
struct ReviewScheduleTests {
    /// EXPECTED.md's summary table: slug → review status on 2026-11-23.
    static let expected: [String: String] = [
        "cheshire-councillor-officer-protocol": "none",
        "leigh-member-officer-protocol": "overdue",
        "member-officer-relations-protocol": "none",
        "sandon-burston-councillor-officer-protocol": "current",
        "taffs-well-nantgarw-relationships-protocol": "none",
    ]

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout")) func corpusStatusesOnThePageInProtocolsJSONAndTheSchedule() throws {
        let plan = try #require(CorpusBuildTests.plan)
        let json = try #require(TestSupport.text(plan, "protocols.json"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let protocols = try #require(decoded["protocols"] as? [[String: Any]])
        let schedule = try #require(TestSupport.text(plan, "reviews/index.html"))
        for (slug, status) in Self.expected {
            let entry = try #require(protocols.first { $0["slug"] as? String == slug })
            #expect(entry["review_status"] as? String == status, "\(slug) in protocols.json")
            let page = try #require(TestSupport.text(plan, slug + "/index.html"))
            #expect(page.contains("class=\"status-panel status-panel-\(status)"), "\(slug) page")
            #expect(schedule.contains("href=\"../\(slug)/\""), "\(slug) in the schedule")
        }
        let leigh = try #require(TestSupport.text(plan, "leigh-member-officer-protocol/index.html"))
        #expect(leigh.contains("Review overdue since September 2021"))
        #expect(leigh.contains("data-review-due=\"2021-09-30\""))
        let sandon = try #require(protocols.first { $0["slug"] as? String == "sandon-burston-councillor-officer-protocol" })
        #expect(sandon["adopted"] as? String == "2024-09-09")
        #expect(sandon["reviewed"] as? String == "2026-05-05")
        #expect(sandon["review_due"] as? String == "2027-05-31")
        #expect(sandon["version"] as? String == "3")
        // Overdue first, protocols without a date last.
        let order = ["leigh-member-officer-protocol", "sandon-burston-councillor-officer-protocol", "member-officer-relations-protocol"]
        let positions = order.map { schedule.range(of: "href=\"../\($0)/\"")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout")) func checkWarnsOfOverdueAndMissingReviews() throws {
        let plan = try #require(CorpusBuildTests.plan)
        let reviews = plan.diagnostics.filter { $0.message.contains("review") }
        #expect(reviews.count == 4)
        #expect(reviews.contains { $0.path.hasSuffix("leigh-member-officer-protocol.md") && $0.message.contains("overdue since September 2021") })
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout"), arguments: [
        ("2027-04-01", "due-soon"), ("2027-03-31", "current"), ("2027-05-31", "due-soon"), ("2027-06-01", "overdue"),
    ])
    func sandonBoundaries(today: String, status: String) throws {
        guard case .day(let day) = try DateParser.parse(today).get() else { return }
        let plan = try SiteBuilder(fileSystem: .disk(root: TestSupport.corpusRoot.path), today: day).plan()
        let page = try #require(TestSupport.text(plan, "sandon-burston-councillor-officer-protocol/index.html"))
        #expect(page.contains("status-panel-\(status)"))
    }

    static let awkward = "Fees & charges <draft>, part 1; \"quoted\"\nsecond line"

    func awkwardSite() throws -> URL {
        let root = try TestSupport.temporaryFolder()
        let title = ConfigYAML.quote(Self.awkward)
        try TestSupport.write([
            "protosite.yml": Array("title: \(title)\ncouncil: \(title)\nbase_url: https://example.org/p/\n".utf8),
            "content/fees.md": Array("---\ntitle: \(title)\nreview: 2027-01\nhistory:\n  - {date: 2024-01-02, version: 1, change: \(title)}\n  - {date: 2025-02-03, version: 2, change: Updated}\n---\nText.\n".utf8),
            "content/other.md": Array("---\ntitle: Other\nadopted: 2023-05-06\nreview: 2030-12\n---\nText.\n".utf8),
        ], under: root)
        return root
    }

    func parsed(_ root: URL) throws -> [String: Any] {
        let result = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23"])
        #expect(result.status == 0, "\(result.stderr)")
        let reader = TestSupport.packageRoot.appendingPathComponent("Tests/tools/read-feeds.py")
        let python = try TestSupport.run(["python3", reader.path, root.appendingPathComponent("site").path], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(python.status == 0, "\(python.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [String: Any])
    }

    @Test func calendarAndFeedRoundTripThroughIndependentParsers() throws {
        let root = try awkwardSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let read = try parsed(root)
        let events = try #require(read["events"] as? [[String: Any]])
        #expect(events.count == 2)
        let fees = try #require(events.first { ($0["uid"] as? String)?.hasPrefix("review-fees@") == true })
        #expect(fees["summary"] as? String == "Review due: " + Self.awkward)
        #expect(fees["start"] as? String == "2027-01-31")
        #expect(fees["end"] as? String == "2027-02-01")

        #expect(read["feed_bozo"] as? Bool == false, "\(read["feed_bozo_exception"] ?? "")")
        #expect(read["feed_title"] as? String == Self.awkward + ": adoptions and revisions")
        let entries = try #require(read["entries"] as? [[String: Any]])
        #expect(entries.map { $0["title"] as? String } == [Self.awkward + " — version 2", Self.awkward + " — version 1", "Other — adopted"])
        #expect((entries[1]["summary"] as? String)?.hasPrefix(Self.awkward) == true)
        #expect(entries[0]["link"] as? String == "https://example.org/p/fees/")
    }

    @Test func calendarLinesAreFoldedAndEndInCRLF() throws {
        let root = try awkwardSite()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23"])
        let bytes = try Data(contentsOf: root.appendingPathComponent("site/reviews.ics"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
            #expect(!line.contains("\n"))
        }
    }

    @Test(.enabled(if: TestSupport.hasShared(TestSupport.corpusRoot), "../shared/corpus is not beside the checkout")) func reviewsCommandPrintsTheSchedule() throws {
        let text = try TestSupport.run(["reviews", "--root", TestSupport.corpusRoot.path, "--today", "2026-11-23"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[2].contains("Member / Officer (Clerk/RFO) Relations Protocol") && lines[2].contains("Review overdue since September 2021"))
        let json = try TestSupport.run(["reviews", "--root", TestSupport.corpusRoot.path, "--today", "2026-11-23", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["review_status"] as? String } == ["overdue", "current", "none", "none", "none"])
        #expect(rows.first?["days"] as? Int == -1880)
    }
}
