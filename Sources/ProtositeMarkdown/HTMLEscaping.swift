/// Escaping for the contexts protosite writes text into. Each has a byte
/// path, for HTML written as bytes (the body renderer, the page writers),
/// and a `String` form built on it.
public enum HTMLEscaping {
    /// Text content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape, and is returned as it is after
        // one pass over its bytes.
        let escaped: [UInt8]? = withUTF8(text) { bytes in
            guard bytes.contains(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            append(escaping: bytes, to: &out)
            return out
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// `escape(text)`'s bytes, appended to `out`.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        withUTF8(text) { append(escaping: $0, to: &out) }
    }

    /// On bytes: the five are ASCII, and apostrophes make escaping the
    /// common path, not the rare one. Runs between them are copied whole.
    private static func append(escaping bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard needsEscape(byte) else { continue }
            if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            append(entityFor: byte, to: &out)
            start = index + 1
        }
        if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }

    private static func append(entityFor byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x26: out.append(contentsOf: "&amp;".utf8)
        case 0x3C: out.append(contentsOf: "&lt;".utf8)
        case 0x3E: out.append(contentsOf: "&gt;".utf8)
        case 0x22: out.append(contentsOf: "&quot;".utf8)
        default: out.append(contentsOf: "&#39;".utf8)
        }
    }

    /// `& < > " '`: all below 64, one bit each of a 64-bit mask.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 64 && escapeMask & (1 &<< UInt64(byte)) != 0
    }

    private static let escapeMask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    /// A URL for an `href`: percent-encodes what may not stand in a URL
    /// (spaces, quotes, non-ASCII), keeps what may, then escapes for HTML.
    public static func escapeURL(_ url: String) -> String {
        // Most URLs need no percent-encoding: told by their bytes, only
        // HTML-escaped.
        if url.utf8.allSatisfy(isURLSafe) { return escape(url) }
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count + 16)
        escapeURL(url, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escapeURL(url)`'s bytes, appended to `out`. Percent-encoding
    /// leaves none of the five but `&` and `'`, and makes none, so each
    /// byte is encoded and escaped in one step.
    public static func escapeURL(_ url: String, into out: inout [UInt8]) {
        withUTF8(url) { bytes in
            for byte in bytes {
                if !isURLSafe(byte) {
                    out.append(UInt8(ascii: "%"))
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                } else if needsEscape(byte) {
                    append(entityFor: byte, to: &out)
                } else {
                    out.append(byte)
                }
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// A byte `escapeURL` keeps as it is.
    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        // -_.!~*'();/?:@&=+$,#%[]
        case 0x2D, 0x5F, 0x2E, 0x21, 0x7E, 0x2A, 0x27, 0x28, 0x29, 0x3B, 0x2F, 0x3F, 0x3A, 0x40, 0x26, 0x3D, 0x2B, 0x24, 0x2C, 0x23, 0x25, 0x5B, 0x5D:
            return true
        default:
            return false
        }
    }

    /// True for URLs that would run script or embed data when followed
    /// (`javascript:`, `vbscript:`, `data:`, `file:`), after the browser's own
    /// leniency with case, spaces and control characters.
    public static func isDangerousURL(_ url: String) -> Bool {
        let folded = String(url.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }).lowercased()
        for scheme in ["javascript:", "vbscript:", "data:", "file:"] where folded.hasPrefix(scheme) {
            return true
        }
        return false
    }

    /// The string's UTF-8, from its own storage when it has some (a
    /// bridged string may not).
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
