/// Escaping for the contexts protosite writes text into.
public enum HTMLEscaping {
    /// Text content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Read from the string's own storage: most text has nothing to
        // escape, and is returned as it is after one pass over its bytes.
        let escaped = text.utf8.withContiguousStorageIfAvailable { escape(bytes: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { escape(bytes: $0) }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The escaped bytes, or nil when none of the five characters occurs.
    /// On bytes: the five are ASCII, and apostrophes make escaping the
    /// common path, not the rare one.
    private static func escape(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var first = 0
        while first < bytes.count, !needsEscape[Int(bytes[first])] { first += 1 }
        guard first < bytes.count else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<first]))
        var start = first
        for index in first..<bytes.count {
            let byte = bytes[index]
            guard needsEscape[Int(byte)] else { continue }
            if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            default: out.append(contentsOf: "&#39;".utf8)
            }
            start = index + 1
        }
        if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        return out
    }

    /// `& < > " '`, by byte.
    private static let needsEscape: [Bool] = (0..<256).map { [0x26, 0x3C, 0x3E, 0x22, 0x27].contains($0) }

    /// A URL for an `href`: percent-encodes what may not stand in a URL
    /// (spaces, quotes, non-ASCII), keeps what may, then escapes for HTML.
    public static func escapeURL(_ url: String) -> String {
        // Most URLs need no percent-encoding: told by their bytes, only
        // HTML-escaped.
        if url.utf8.allSatisfy(isURLSafe) { return escape(url) }
        var out = ""
        out.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if isURLSafe(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return escape(out)
    }

    /// A byte `escapeURL` keeps as it is.
    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.!~*'();/?:@&=+$,#%[]".utf8.contains(byte)
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
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
