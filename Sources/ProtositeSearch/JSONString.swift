/// JSON strings as every file protosite writes them: safe inside an HTML
/// `<script>` block too, so `<`, `>`, `&`, U+2028 and U+2029 are always
/// escaped. Shared by the search index and the build's other JSON.
public enum JSONString {
    public static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` quoted: the search index writes megabytes of these.
    public static func append(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        let table = Self.mayEscape
        text.withUTF8 { utf8 in table.withUnsafeBufferPointer { mayEscape in
            var start = 0
            var index = 0
            while index < utf8.count {
                // Most text has nothing to escape: step over it on a table
                // of the bytes that may need it before asking which.
                while index < utf8.count, mayEscape[Int(utf8[index])] == 0 { index += 1 }
                guard index < utf8.count else { break }
                let byte = utf8[index]
                let escape: StaticString?
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && utf8[index + 2] == 0xA8: escape = "\\u2028"
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && utf8[index + 2] == 0xA9: escape = "\\u2029"
                case 0..<0x20: escape = nil
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                    // U+2028 and U+2029 are three bytes long.
                    index += byte == 0xE2 ? 3 : 1
                } else {
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                    index += 1
                }
                start = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        } }
        out.append(0x22)
    }

    /// 1 for each byte `append` may escape: control characters, `"`, `\`,
    /// `<`, `>`, `&`, and the lead byte of U+2028 and U+2029.
    private static let mayEscape: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0..<0x20, 0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2: return 1
        default: return 0
        }
    }

    /// Appends a whole number in decimal.
    public static func append(_ number: Int, to out: inout [UInt8]) {
        if number < 0 {
            out.append(0x2D)
            append(-number, to: &out)
            return
        }
        // Most numbers written are postings' small differences and scores:
        // up to four digits are written without the general loop's buffer.
        if number < 10 {
            out.append(0x30 + UInt8(number))
            return
        }
        if number < 100 {
            out.append(0x30 + UInt8(number / 10))
            out.append(0x30 + UInt8(number % 10))
            return
        }
        if number < 1000 {
            out.append(0x30 + UInt8(number / 100))
            out.append(0x30 + UInt8(number / 10 % 10))
            out.append(0x30 + UInt8(number % 10))
            return
        }
        if number < 10000 {
            out.append(0x30 + UInt8(number / 1000))
            out.append(0x30 + UInt8(number / 100 % 10))
            out.append(0x30 + UInt8(number / 10 % 10))
            out.append(0x30 + UInt8(number % 10))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for offset in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[offset]) }
        }
    }
}
