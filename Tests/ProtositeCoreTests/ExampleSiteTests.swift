import Foundation
import Testing
@testable import ProtositeCore

/// The example council in the repository's content/ shows every rule at
/// work, and builds without a single warning.
@Suite("The example site")
struct ExampleSiteTests {
    static let plan: SiteBuilder.Plan? = try? SiteBuilder(fileSystem: .disk(root: TestSupport.packageRoot.path), today: TestSupport.today).plan()

    func page(_ slug: String) throws -> String {
        let plan = try #require(Self.plan)
        return try #require(TestSupport.text(plan, slug + "/index.html"), "no page for \(slug)")
    }

    @Test func buildsWithoutWarnings() throws {
        let plan = try #require(Self.plan)
        let unexpected = plan.diagnostics.filter { !$0.message.lowercased().contains("review") }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.formatted))")
        #expect(plan.site?.protocols.count ?? 0 >= 5)
    }

    @Test(arguments: [
        // Generic words, lists, ranges, suffixes, bare "above", "of this Protocol".
        ("councillor-clerk-protocol", "<a class=\"xref\" href=\"#clause-2\">2</a>"),
        ("councillor-clerk-protocol", "<a class=\"xref\" href=\"#clause-2.1\">2.1</a>"),
        ("councillor-clerk-protocol", "<a class=\"xref\" href=\"#clause-2.2\">2.2</a>"),
        ("standing-orders", "<a class=\"xref\" href=\"#clause-4.8\">4.8</a>"),
        ("standing-orders", "<a class=\"xref\" href=\"#clause-4.10\">4.10</a>"),
        ("code-of-conduct", "<a class=\"xref\" href=\"#clause-3\">3(a)</a>"),
        // Sub-clauses in the model layout: letters, roman numerals, capitals, bracketed numbers.
        ("standing-orders", "<p id=\"clause-1-i\"><a class=\"clause-number sub-1\" href=\"#clause-1-i\">i.</a>"),
        ("standing-orders", "<p id=\"clause-1-j-ii\"><a class=\"clause-number sub-2\" href=\"#clause-1-j-ii\""),
        ("standing-orders", "<p id=\"clause-5-2-b\">"),
        ("standing-orders", "<a class=\"xref\" href=\"#clause-1-i\">1(i)</a>"),
        ("standing-orders", "<a class=\"xref\" href=\"#clause-1-j-iii\">(iii)</a>"),
        ("standing-orders", "<a class=\"xref\" href=\"#clause-2-c\">2C</a>"),
        ("standing-orders", "<a class=\"xref\" href=\"#clause-2-b\">2B(iv)</a>"),
        ("standing-orders", "<a class=\"xref\" href=\"#clause-5-3\">(3)</a>"),
        ("standing-orders", "<a class=\"xref\" href=\"#clause-1-k\">1(k)</a>"),
        ("complaints-procedure", "<a class=\"xref\" href=\"../standing-orders/#clause-3.2-c\">3.2(c)</a>"),
        ("standing-orders", "<a class=\"backlink\" href=\"../complaints-procedure/#confidentiality\">Complaints Procedure: Confidentiality</a>"),
        // cited_as words, into another document and into their own.
        ("finance/financial-regulations", "<a class=\"xref\" href=\"../../standing-orders/#clause-13\">13</a>"),
        ("finance/financial-regulations", "<a class=\"xref\" href=\"#clause-5\">5</a>"),
        ("standing-orders", "<a class=\"xref\" href=\"../finance/financial-regulations/#clause-5\">5</a>"),
        // "of the TITLE", title mentions, Markdown links between files.
        ("complaints-procedure", "<a class=\"xref\" href=\"../code-of-conduct/#clause-2.2\">2.2</a>"),
        ("complaints-procedure", "<a class=\"xref xref-document\" href=\"../code-of-conduct/\">Code of Conduct</a>"),
        ("complaints-procedure", "<a href=\"../standing-orders/#clause-3.1\">standing order 3.1</a>"),
        ("finance/financial-regulations", "<a href=\"../../code-of-conduct/\">Code of Conduct</a>"),
        // Back links, within and across documents.
        ("finance/financial-regulations", "<a class=\"backlink\" href=\"../../standing-orders/#clause-18.1\">Standing Orders 18.1</a>"),
        ("standing-orders", "<a class=\"backlink\" href=\"../complaints-procedure/#confidentiality\">Complaints Procedure: Confidentiality</a>"),
        // GFM: a table, a footnote, strikethrough, an autolink, a blockquote.
        ("finance/financial-regulations", "<td class=\"align-right\">£500</td>"),
        ("code-of-conduct", "<li id=\"fn-2\">"),
        ("finance/financial-regulations", "<del>VAT Act 1983</del>"),
        ("complaints-procedure", "<a href=\"https://www.citizensadvice.org.uk/\">"),
        ("complaints-procedure", "<blockquote>"),
    ])
    func showsTheRule(slug: String, html: String) throws {
        #expect(try page(slug).contains(html))
    }

    @Test func externalReferencesAndYearsStayPlain() throws {
        let standing = try page("standing-orders")
        #expect(standing.contains("section 101 of the Local Government Act 1972"))
        let finance = try page("finance/financial-regulations")
        #expect(finance.contains("VAT Act 1994 section 33"))
        #expect(finance.contains("Accounts and Audit Regulations 2015"))
        #expect(!finance.contains(">2015</a>"))
    }

    @Test func orderedListItemsAreClausesWhereNoHeadingIsNumbered() throws {
        let complaints = try page("complaints-procedure")
        for number in 1...5 { #expect(complaints.contains("id=\"clause-\(number)\"")) }
    }

    @Test func everyReviewStatusAppears() throws {
        let plan = try #require(Self.plan)
        let statuses = Set(try #require(plan.site).protocols.map { ReviewStatus.of(review: $0.document.metadata.review, today: TestSupport.today, warningDays: 60) })
        #expect(statuses.isSuperset(of: [.overdue, .dueSoon, .current]))
    }
}
