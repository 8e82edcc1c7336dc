import Foundation
import Testing
@testable import ProtositeCore

/// Security review #16, item 4: `base_url` reaches the iCalendar feed,
/// canonical links and the sitemap, so it must be one absolute http(s)
/// address with no line breaks or control characters.
@Suite("base_url")
struct BaseURLTests {
    static let injected = "\"https://example.org/\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:Pay the invoice\\r\\nX:\""

    @Test func aBaseURLWithALineBreakIsAnErrorAndNothingIsWritten() throws {
        let plan = try TestSupport.plan([
            "protosite.yml": "title: S\nbase_url: \(Self.injected)\n",
            "content/p.md": TestSupport.protocolFile(),
        ])
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect(error.path == "protosite.yml" && error.line == 2, "\(error.formatted)")
        #expect(error.message.contains("'base_url'"))
        let calendar = TestSupport.text(plan, "reviews.ics") ?? ""
        #expect(!calendar.contains("Pay the invoice"))
    }

    @Test(arguments: [
        "https://example.org/a b/", "https://example.org/\u{0085}x", "https://exa\u{200B}mple.org/",
        "https:///nohost", "javascript:alert(1)", "https://user:pw@example.org/", "ftp://example.org/",
    ])
    func unusableAddressesAreRefused(url: String) {
        #expect(BaseURLCheck.problem(with: url) != nil, "\(url)")
    }

    @Test(arguments: ["https://www.example-parish.gov.uk/policies/", "http://localhost:8000/", "https://example.org", "https://parish.example/caf%C3%A9/"])
    func ordinaryAddressesAreAccepted(url: String) throws {
        #expect(BaseURLCheck.problem(with: url) == nil)
        let plan = try TestSupport.plan(["protosite.yml": "base_url: \(url)\n", "content/p.md": TestSupport.protocolFile()])
        #expect(!plan.diagnostics.hasErrors)
        let calendar = try #require(TestSupport.text(plan, "reviews.ics"))
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count == 2)
    }
}
