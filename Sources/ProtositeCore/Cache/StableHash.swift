/// A 64-bit hash of bytes that is the same in every process (Swift's own
/// `Hasher` is seeded per run), for telling whether a file changed since
/// the last build. Not for adversaries: a clerk's own files only.
public enum StableHash {
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    public static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        // Eight bytes a step, each mixed by multiply and shift: a few
        // gigabytes a second, so the 60 MB of a large site costs little.
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count)
        let words = buffer.count / 8
        for index in 0..<words {
            let word = buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = mix(hash ^ word)
        }
        var tail: UInt64 = 0
        for offset in (words * 8)..<buffer.count {
            tail = (tail << 8) | UInt64(buffer[offset])
        }
        return mix(hash ^ tail ^ 0xFF)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}
