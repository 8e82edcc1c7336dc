#if canImport(Glibc)
import Glibc
#endif
/// Words already met, by their lower-cased bytes, each with a number. Most
/// words of a text have been met before, so the look-up is the hot path of
/// preparing search entries: this one hashes the bytes with FNV-1a and
/// probes a flat table, where a `[String: UInt32]` made a `String` of every
/// word and ran SipHash over it.
struct WordIDs {
    /// Index into `words` plus one; 0 is an empty slot. Kept under half full.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)
    private var words: [Word] = []
    /// Every word's bytes, one after another.
    private var bytes: [UInt8] = []

    private struct Word {
        var start: Int32
        var length: Int32
        var hash: UInt32
        var value: UInt32
    }

    var count: Int { words.count }

    func value(of text: [UInt8], _ range: Range<Int>) -> UInt32? {
        let hash = Self.hash(text, range)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let word = words[entry - 1]
            if word.hash == hash, Int(word.length) == range.count, equal(word, text, range) { return word.value }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a word not yet in the table.
    mutating func insert(_ text: [UInt8], _ range: Range<Int>, value: UInt32) {
        if (words.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(text, range)
        words.append(Word(start: Int32(bytes.count), length: Int32(range.count), hash: hash, value: value))
        bytes.append(contentsOf: text[range])
        place(words.count - 1, hash: hash)
    }

    private func equal(_ word: Word, _ text: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            text.withUnsafeBufferPointer { given in
                memcmp(stored.baseAddress! + Int(word.start), given.baseAddress! + range.lowerBound, range.count) == 0
            }
        }
    }

    private mutating func place(_ index: Int, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for (index, word) in words.enumerated() { place(index, hash: word.hash) }
    }

    static func hash(_ text: [UInt8], _ range: Range<Int>) -> UInt32 {
        precondition(range.lowerBound >= 0 && range.upperBound <= text.count, "a word outside its text")
        return text.withUnsafeBufferPointer { buffer in
            var hash: UInt32 = 2_166_136_261
            for index in range {
                hash = (hash ^ UInt32(buffer[index])) &* 16_777_619
            }
            return hash
        }
    }
}
