import Testing
@testable import ProtositeSearch

@Suite("Prepared entries, held compactly")
struct PreparedEntryTests {
    static func pairs(_ entry: PreparedEntry) -> [[Int]] {
        var pairs: [[Int]] = []
        entry.forEachTerm { pairs.append([$0, $1]) }
        return pairs
    }

    @Test func termsComeBackByIncreasingIDWhateverOrderTheyWentIn() {
        let entry = PreparedEntry(json: Array("\"1.1\"".utf8), protocolJSON: [], terms: [900_000, 3, 5, 1, 127, 128, 128, 70_000, 0, 2],
                                  length: 4)
        #expect(Self.pairs(entry) == [[0, 2], [5, 1], [127, 128], [128, 70_000], [900_000, 3]])
        #expect(Array(entry.json) == Array("\"1.1\"".utf8))
        #expect(entry.length == 4)
        #expect(entry.termsAreValid(below: 900_001))
        #expect(!entry.termsAreValid(below: 900_000))
    }

    @Test func packedTermsAreSmallerThanPairsOfWords() {
        var terms: [UInt32] = []
        for index in 0..<200 { terms += [UInt32(index * 37 + 1000), UInt32(index % 3 + 1)] }
        let entry = PreparedEntry(json: [], protocolJSON: [], terms: terms, length: 200)
        #expect(entry.packedTerms.count * 2 < terms.count * 4)
    }

    @Test func truncatedTermsAreNotValid() {
        let entry = PreparedEntry(json: [], protocolJSON: [], terms: [300, 1, 70_000, 2], length: 2)
        for cut in 1..<entry.packedTerms.count {
            let damaged = PreparedEntry(storage: entry.packedTerms.dropLast(cut), jsonCount: 0, protocolJSON: [], length: 2, status: .adopted)
            #expect(!damaged.termsAreValid(below: 1_000_000) || Self.pairs(damaged).count < 2, "cut \(cut)")
        }
    }

    @Test func entriesWithoutTheirFieldsShareOneBufferAndTakeThemBack() {
        let entries = (0..<5).map { number in
            PreparedEntry(json: Array("\"\(number)\",\"clause-\(number)\"".utf8), protocolJSON: Array("[\"s\",\"S\"]".utf8)[...],
                          terms: [UInt32(number), 1, 40, UInt32(number + 1)], length: number + 1, status: .draft)
        }
        let bare = PreparedEntry.withoutJSON(entries)
        #expect(bare.allSatisfy { $0.json.isEmpty })
        #expect(bare.map(Self.pairs) == entries.map(Self.pairs))
        #expect(zip(bare, entries).map { $0.withJSON($1.json) } == entries)
    }
}
