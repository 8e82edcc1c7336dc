import Testing
@testable import ProtositeSearch

/// The table of words already met while preparing search entries.
@Suite("Word ids")
struct WordIDsTests {
    @Test func everyWordKeepsItsValueAsTheTableGrows() {
        var table = WordIDs()
        let words = (0..<5_000).map { Array("w\($0)x".utf8) } + [Array("".utf8), Array("a".utf8), Array("aa".utf8)]
        for (index, word) in words.enumerated() {
            #expect(table.value(of: word, 0..<word.count) == nil)
            table.insert(word, 0..<word.count, value: UInt32(index))
        }
        #expect(table.count == words.count)
        for (index, word) in words.enumerated() {
            #expect(table.value(of: word, 0..<word.count) == UInt32(index))
        }
    }

    @Test func aWordIsFoundByItsRangeInAnyText() {
        var table = WordIDs()
        let text = Array("the clerk and the council".utf8)
        table.insert(text, 4..<9, value: 7)
        #expect(table.value(of: Array("clerk".utf8), 0..<5) == 7)
        #expect(table.value(of: text, 4..<9) == 7)
        #expect(table.value(of: text, 4..<8) == nil)
        #expect(table.value(of: Array("clerks".utf8), 0..<6) == nil)
    }

    /// Words whose hashes fall in one slot are told apart by their bytes.
    @Test func wordsThatShareASlotAreToldApart() {
        var table = WordIDs()
        let words = (0..<3_000).map { Array(String($0, radix: 36).utf8) }
        for (index, word) in words.enumerated() { table.insert(word, 0..<word.count, value: UInt32(index)) }
        let slots = Set(words.map { WordIDs.hash($0, 0..<$0.count) & 0x3FF })
        #expect(slots.count < words.count)
        for (index, word) in words.enumerated() { #expect(table.value(of: word, 0..<word.count) == UInt32(index)) }
    }

    @Test func stemsAreSharedAcrossThreadsAndEqualTheStemmers() async {
        let stems = SharedStems()
        let words = ["councillors", "meeting", "meetings", "clerk", "running", "4.8", "1(k)"]
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { for word in words { _ = stems.stem(word) } } }
        }
        for word in words { #expect(stems.stem(word) == SearchText.stem(word), "\(word)") }
    }
}
