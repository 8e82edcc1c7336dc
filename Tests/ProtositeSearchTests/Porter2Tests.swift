import Foundation
import Testing
@testable import ProtositeSearch

/// The Swift Snowball English stemmer gives Snowball's own stems for the
/// vocabulary in Tests/vectors/porter2.tsv, the file the node tests read too.
@Suite("Snowball English stemmer")
struct Porter2Tests {
    static let pairs: [(String, String)] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("vectors/porter2.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }()

    @Test func everySnowballVocabularyPairHolds() {
        #expect(Self.pairs.count > 10000)
        let wrong = Self.pairs.filter { Porter2.stem($0.0) != $0.1 }.map { "\($0.0): \(Porter2.stem($0.0)), not \($0.1)" }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func wordFormsResidentsTypeMeetTheDocumentsForms() {
        #expect(Porter2.stem("resign") == Porter2.stem("resignation"))
        #expect(Porter2.stem("appoint") == Porter2.stem("appointment"))
        #expect(Porter2.stem("consigned") == "consign")
        #expect(Porter2.stem("generously") == "generous")
        // Snowball keeps these apart: protosite's vocabulary joins them.
        #expect(Porter2.stem("complain") != Porter2.stem("complaint"))
    }

    @Test func shortWordsOddLettersAndApostrophesDoNotBreakIt() {
        for word in ["", "a", "'", "''", "''s", "'s'", "yy", "ııı", "日本語", "y'all"] { _ = Porter2.stem(word) }
        #expect(Porter2.stem("naïve") == "naïv")
    }
}
