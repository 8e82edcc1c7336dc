import Testing
@testable import ProtositeSearch

/// The split index's files are gzip, made by the system zlib.
@Suite("Gzip")
struct GzipTests {
    @Test func gzipFilesCarryNoTimeAndTheSameBytesGiveTheSameFile() throws {
        let text = Array(String(repeating: "The clerk keeps the minutes. ", count: 500).utf8)
        let packed = Gzip.compress(text)
        #expect(packed.count < text.count / 10)
        #expect(Array(packed.prefix(3)) == [0x1F, 0x8B, 8])
        #expect(Array(packed[4..<8]) == [0, 0, 0, 0], "no modification time")
        #expect(Gzip.decompress(packed) == text)
        #expect(Gzip.compress(text) == packed)
        #expect(Gzip.decompress(Gzip.compress([])) == [])
        #expect(Gzip.decompress(Array(text.prefix(40))) == nil, "not gzip")
    }
}
