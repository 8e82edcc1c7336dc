import CDeflate
import CGzip

/// gzip (RFC 1952): the split index's files are gzip files that the
/// browser opens with `DecompressionStream("gzip")`. They are written by
/// libdeflate (made for whole buffers, as these are) and read back by the
/// system zlib (an independent reader, and one for any gzip file). The
/// header carries no name and no time, so the same bytes in give the same
/// bytes out.
enum Gzip {
    /// libdeflate's level 1, the fastest: on the split index of 1,000
    /// generated protocols (270 files, 20.0 MB of JSON) it writes 5.77 MB
    /// in 0.11 s of one core here, where zlib's level 1 wrote 6.47 MB in
    /// 0.22 s and zlib's default, level 6, 5.05 MB in 1.4 s; all are far
    /// under the Markdown's 13.0 MB, and the build's time is what a large
    /// site waits for. A compressor is made for each call (as fast here as
    /// one kept for all): the index's files are compressed on several
    /// threads at once, and one compressor must not be used by two at a
    /// time.
    static func compress(_ input: [UInt8], level: Int32 = 1) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            fatalError("libdeflate: no compressor for level \(level)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_gzip_compress_bound(compressor, input.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { target, written in
            written = input.withUnsafeBytes { source in
                libdeflate_gzip_compress(compressor, source.baseAddress, source.count, target.baseAddress, target.count)
            }
            // The bound is an upper bound: 0 (the output did not fit) cannot happen.
            precondition(written > 0, "libdeflate: gzip_compress wrote nothing into \(bound) bytes")
        }
    }

    /// The bytes of a gzip file, or nil if it is not one (tests read the
    /// index back with it), by zlib: not libdeflate's decompressor, which
    /// wants the output's size before it starts.
    static func decompress(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = input
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let (result, produced) = buffer.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    return (result, target.count - Int(stream.avail_out))
                }
                output += buffer[0..<produced]
                if result == Z_STREAM_END { return stream.avail_in == 0 ? output : nil }
                if result != Z_OK { return nil }
            }
        }
    }
}
