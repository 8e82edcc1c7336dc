import Dispatch
import Testing
@testable import ProtositeSearch

/// The split index's files are gzip, written by libdeflate and read back
/// here by zlib (`Gzip.decompress`), a reader that did not write them.
@Suite("Gzip")
struct GzipTests {
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(state: seed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            withUnsafeBytes(of: random.next().littleEndian) { bytes += $0 }
        }
        return Array(bytes.prefix(count))
    }

    /// Index-like JSON: words from a small vocabulary and numbers, several MB.
    static func compressibleText(_ count: Int, seed: UInt64) -> [UInt8] {
        let words = ["clerk", "council", "minutes", "meeting", "\"chair\"", "motion", "budget", "[12,", "3],", "{\"terms\":", "the", "of"]
        var random = SplitMix64(state: seed)
        var text: [UInt8] = []
        text.reserveCapacity(count + 16)
        while text.count < count {
            text += Array(words[Int(random.next() % UInt64(words.count))].utf8)
            text.append(random.next() % 7 == 0 ? UInt8(ascii: "\n") : UInt8(ascii: " "))
        }
        return Array(text.prefix(count))
    }

    /// A gzip file's fixed header: magic, deflate, no flags (so no name, no
    /// comment, no extra field) and no modification time; and its trailer's
    /// length.
    static func expectPlainGzip(_ packed: [UInt8], of input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(packed.count >= 18, sourceLocation: sourceLocation)
        guard packed.count >= 18 else { return }
        #expect(Array(packed.prefix(3)) == [0x1F, 0x8B, 8], "gzip, deflate", sourceLocation: sourceLocation)
        #expect(packed[3] == 0, "no name, comment or extra field", sourceLocation: sourceLocation)
        #expect(Array(packed[4..<8]) == [0, 0, 0, 0], "no modification time", sourceLocation: sourceLocation)
        let size = packed.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(size == UInt32(truncatingIfNeeded: input.count), "ISIZE", sourceLocation: sourceLocation)
    }

    @Test func gzipFilesCarryNoTimeAndTheSameBytesGiveTheSameFile() throws {
        let text = Array(String(repeating: "The clerk keeps the minutes. ", count: 500).utf8)
        let packed = Self.roundTrip(text)
        #expect(packed.count < text.count / 10)
        #expect(Gzip.decompress(Gzip.compress([])) == [])
        #expect(Gzip.decompress(Array(text.prefix(40))) == nil, "not gzip")
    }

    /// Compresses `input` and checks the file: a plain gzip header, zlib
    /// reads the input back, and a second compression gives the same bytes.
    static func roundTrip(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8] {
        let packed = Gzip.compress(input)
        expectPlainGzip(packed, of: input, sourceLocation: sourceLocation)
        #expect(Gzip.decompress(packed) == input, sourceLocation: sourceLocation)
        #expect(Gzip.compress(input) == packed, sourceLocation: sourceLocation)
        return packed
    }

    @Test(arguments: [0, 1, 2, 57, 64 * 1024 + 3])
    func smallInputsRoundTrip(count: Int) {
        _ = Self.roundTrip(Self.randomBytes(count, seed: UInt64(count) + 1))
    }

    @Test func aLargeIncompressibleInputRoundTripsAndBarelyGrows() {
        let input = Self.randomBytes(5 << 20, seed: 2026)
        // Stored blocks: a few bytes per block of at most 64 KB, and the header.
        let packed = Self.roundTrip(input)
        #expect(packed.count <= input.count + input.count / 1000 + 64, "\(packed.count)")
    }

    @Test func aLargeCompressibleInputRoundTripsAndShrinks() {
        let input = Self.compressibleText(8 << 20, seed: 7)
        let packed = Self.roundTrip(input)
        #expect(packed.count < input.count / 3, "\(packed.count) of \(input.count)")
    }

    /// The index compresses its files on all cores at once: each call has
    /// its own compressor, so the bytes are those of one call alone.
    @Test func compressingOnManyThreadsAtOnceGivesTheSameBytes() {
        let inputs = (0..<16).map { Self.compressibleText(200_000 + $0 * 1_000, seed: UInt64($0)) }
        let alone = inputs.map { Gzip.compress($0) }
        let together = ResultSlots<[UInt8]>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { together.set($0, Gzip.compress(inputs[$0])) }
        #expect(together.values == alone)
    }

    /// gzip files libdeflate did not write: GNU gzip's, one with the file's
    /// name and time in its header, one with neither.
    @Test func decompressReadsOtherWritersGzip() {
        let text = Array("The clerk keeps the minutes.\n".utf8)
        let named: [UInt8] = [
            0x1F, 0x8B, 0x08, 0x08, 0xA5, 0x35, 0x57, 0x69, 0x00, 0x03, 0x6D, 0x69, 0x6E, 0x75, 0x74, 0x65, 0x73, 0x2E, 0x74, 0x78,
            0x74, 0x00, 0x0B, 0xC9, 0x48, 0x55, 0x48, 0xCE, 0x49, 0x2D, 0xCA, 0x56, 0xC8, 0x4E, 0x4D, 0x2D, 0x28, 0x56, 0x28, 0x01,
            0xF2, 0x73, 0x33, 0xF3, 0x4A, 0x4B, 0x52, 0x8B, 0xF5, 0xB8, 0x00, 0x31, 0x63, 0x10, 0x62, 0x1D, 0x00, 0x00, 0x00,
        ]
        let plain: [UInt8] = [
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x0B, 0xC9, 0x48, 0x55, 0x48, 0xCE, 0x49, 0x2D, 0xCA, 0x56,
            0xC8, 0x4E, 0x4D, 0x2D, 0x28, 0x56, 0x28, 0x01, 0xF2, 0x73, 0x33, 0xF3, 0x4A, 0x4B, 0x52, 0x8B, 0xF5, 0xB8, 0x00, 0x31,
            0x63, 0x10, 0x62, 0x1D, 0x00, 0x00, 0x00,
        ]
        #expect(Gzip.decompress(named) == text)
        #expect(Gzip.decompress(plain) == text)
    }

    /// Damaged or foreign bytes are refused (nil), never trapped on.
    @Test func decompressRefusesWhatIsNotAWholeGzipFile() {
        let input = Self.compressibleText(300_000, seed: 11)
        let packed = Gzip.compress(input)
        #expect(Gzip.decompress([]) == nil, "empty")
        #expect(Gzip.decompress([0x1F, 0x8B]) == nil, "a header cut short")
        #expect(Gzip.decompress(Self.randomBytes(100_000, seed: 3)) == nil, "random bytes")
        #expect(Gzip.decompress(Array(input.prefix(1_000))) == nil, "plain text")
        for cut in [10, 11, packed.count / 2, packed.count - 8, packed.count - 1] {
            #expect(Gzip.decompress(Array(packed.prefix(cut))) == nil, "cut to \(cut) of \(packed.count) bytes")
        }
        #expect(Gzip.decompress(packed + [0]) == nil, "a byte after the end")
        var badCRC = packed
        badCRC[packed.count - 6] ^= 0x01
        #expect(Gzip.decompress(badCRC) == nil, "a wrong CRC")
        var badSize = packed
        badSize[packed.count - 2] ^= 0x01
        #expect(Gzip.decompress(badSize) == nil, "a wrong length")
        var badMethod = packed
        badMethod[2] = 7
        #expect(Gzip.decompress(badMethod) == nil, "not deflate")
        // Flipped bytes in the deflate data (not its last byte, whose padding bits
        // are read by no one): refused, never trapped on or read as the input.
        var random = SplitMix64(state: 99)
        for _ in 0..<200 {
            var damaged = packed
            damaged[10 + Int(random.next() % UInt64(packed.count - 19))] ^= UInt8(1 + random.next() % 255)
            #expect(Gzip.decompress(damaged) == nil)
        }
    }
}
