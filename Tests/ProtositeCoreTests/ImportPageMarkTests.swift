import Foundation
import ProtositeImport
import Testing
@testable import ProtositeCore

/// Footers that carry the page mark at their end, joined to the council
/// and title by a dash or bar, as Word builds them from fields. Small
/// texts written for these tests.
@Suite("Import: footers ending in their page mark")
struct ImportPageMarkTests {
    @Test(arguments: [" – ", " — ", " - ", " | "])
    func aFooterJoinedToItsPageMarkGoesOnEveryPage(_ separator: String) throws {
        let footer = { (page: Int) in "Ashcombe Town Council\(separator)Grievance Procedure\(separator)Page \(page) of 2" }
        let text = "ASHCOMBE TOWN COUNCIL\nGRIEVANCE PROCEDURE\n\n1.1 An employee may raise a grievance.\n\n\(footer(1))\n\n1.2 The Clerk replies within ten days.\n\n\(footer(2))\n"
        let markdown = try Importer.importText(text).markdown
        #expect(!markdown.contains("Page 1 of 2") && !markdown.contains("Page 2 of 2"), "\(markdown)")
        #expect(markdown.contains("1.2 The Clerk replies within ten days."))
    }

    @Test(arguments: ["The fees are listed in the schedule – page 4 of the agreement.", "See the form – page 4", "Meetings – Page 3 of the minutes book is kept by the Clerk"])
    func aSentenceThatNamesAPageStays(_ line: String) throws {
        let text = "ASHCOMBE TOWN COUNCIL\nGRIEVANCE PROCEDURE\n\n1.1 An employee may raise a grievance.\n\n\(line)\n\n1.2 The Clerk replies within ten days.\n"
        let markdown = try Importer.importText(text).markdown
        #expect(markdown.contains(line), "\(markdown)")
    }
}
