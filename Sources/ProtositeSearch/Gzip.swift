import CGzip

/// gzip (RFC 1952) by the system zlib: the split index's files are gzip
/// files that the browser opens with `DecompressionStream("gzip")`. The
/// header carries no name and no time, so the same bytes in give the same
/// bytes out.
enum Gzip {
    /// Level 1, the fastest: on the split index of 1,000 generated
    /// protocols (20.0 MB of JSON) it writes 6.5 MB in a seventh of the time
    /// zlib's default, level 6, takes to write 5.1 MB; both are far under
    /// the Markdown's 13.0 MB, and the build's time is what a large site
    /// waits for.
    static func compress(_ input: [UInt8], level: Int32 = 1) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper around the deflate data.
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            fatalError("zlib: deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var input = input
        let result = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        // deflateBound is an upper bound: one call always finishes.
        precondition(result == Z_STREAM_END, "zlib: deflate returned \(result)")
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// The bytes of a gzip file, or nil if it is not one (tests read the
    /// index back with it).
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
