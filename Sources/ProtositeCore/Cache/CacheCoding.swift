/// The byte layout of protosite's cache files: little-endian integers,
/// strings and arrays prefixed by their length. Hand-written because a
/// build reads tens of thousands of search entries back in milliseconds,
/// which Codable's coders do not (measured: 1,000 listings alone took
/// 50 ms with JSONDecoder).
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func raw(_ value: [UInt8]) {
        int(value.count)
        bytes += value
    }

    mutating func string(_ value: String) { raw(Array(value.utf8)) }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func u32s(_ values: [UInt32]) {
        int(values.count)
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `CacheWriter` wrote; any damage (a short or altered file)
/// throws, and the build then starts afresh.
struct CacheReader {
    struct Damaged: Error {}

    /// Offsets count from the slice's start.
    private let bytes: ArraySlice<UInt8>
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes[...] }
    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func u64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try u64())) }

    /// A count of things each at least `unit` bytes long, checked against
    /// what is left, so a damaged count cannot ask for terabytes.
    mutating func count(unit: Int = 1) throws -> Int {
        let value = try int()
        guard value >= 0, value <= (bytes.count - offset) / max(unit, 1) else { throw Damaged() }
        return value
    }

    mutating func bool() throws -> Bool { try byte() != 0 }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[bytes.startIndex + offset]
    }

    mutating func raw() throws -> [UInt8] {
        Array(try slice())
    }

    /// Bytes without a copy: the slice shares the buffer being read.
    mutating func slice() throws -> ArraySlice<UInt8> {
        let length = try count()
        defer { offset += length }
        return bytes[(bytes.startIndex + offset)..<(bytes.startIndex + offset + length)]
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)]), as: UTF8.self) }
    }

    mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws -> [String] {
        let count = try count(unit: 8)
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func u32s() throws -> [UInt32] {
        let count = try count(unit: 4)
        let start = offset
        offset += count * 4
        return bytes.withUnsafeBytes { buffer in
            [UInt32](unsafeUninitializedCapacity: count) { values, initialized in
                #if _endian(little)
                UnsafeMutableRawBufferPointer(values).copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count * 4)]))
                #else
                for index in 0..<count { values[index] = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: start + index * 4, as: UInt32.self)) }
                #endif
                initialized = count
            }
        }
    }

    mutating func array<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try count(unit: 1)
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
