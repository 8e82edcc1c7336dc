import Foundation
import Testing
@testable import ProtositeSearch

/// The Swift and browser implementations of search words agree: every line
/// of Tests/vectors/search-text.tsv (written from the JavaScript) holds here.
@Suite("Search text vectors")
struct SearchTextVectorTests {
    static let lines: [[String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("vectors/search-text.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }()

    @Test func thereAreManyVectors() {
        #expect(Self.lines.count > 1000)
        // Sub-clause numbers are among them (SPEC §4).
        #expect(Self.lines.contains { $0 == ["words", "standing order 1(K)", "standing order 1(k)"] })
        #expect(Self.lines.contains { $0.first == "clause" })
    }

    @Test func everyVectorHolds() {
        var failures: [String] = []
        for line in Self.lines where line.count == 3 {
            let got: String
            switch line[0] {
            case "stem": got = SearchText.stem(line[1])
            case "words": got = SearchText.words(line[1]).joined(separator: " ")
            case "fold": got = SearchText.fold(line[1])
            case "clause": got = SearchText.clauseTerm(line[1])
            default: failures.append("unknown kind '\(line[0])'"); continue
            }
            if got != line[2] { failures.append("\(line[0]) '\(line[1])': swift '\(got)', js '\(line[2])'") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }
}

@Suite("Word terms")
struct WordTermsTests {
    /// The indexer's cached path gives the terms `SearchText.terms` gives,
    /// word met again or not, ASCII or not.
    @Test func theCachedTermsAreTheTermsOfTheText() {
        let texts = [
            "The Clerk shall keep the minutes; the clerk's minutes are kept.",
            "See clauses 4.8 and 10(2)(a)(ix), and Regulations 1990(1).",
            "Café rules: the café’s committee meets; CAFE meetings are minuted.",
            "",
            "the and of",
            "Councillors councillor COUNCILLING councils",
        ]
        let table = TermTable()
        var words = WordTerms(table: table, stems: table.stems)
        for text in texts + texts {
            var found: [String] = []
            words.forEachTerm(of: text) { found.append(table.terms[Int($0)]) }
            #expect(found == SearchText.terms(text), "\(text)")
        }
    }
}
