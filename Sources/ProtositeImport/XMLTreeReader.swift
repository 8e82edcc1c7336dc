import Foundation

/// Reads the XML parts of a .docx into `XMLElementNode`s.
///
/// Our own, rather than Foundation's XMLParser: XMLParser lives in
/// FoundationXML, which needs libxml2, and a static libxml2 brings static ICU
/// (some 30 MB) while a shared one makes libxml2 and ICU run-time
/// dependencies of the package. WordprocessingML needs little of XML:
/// elements, attributes and text, the five named entities and character
/// references. It reads what XMLParser reported to the importer: qualified
/// names (`w:p`), decoded attribute values, character data (CDATA sections,
/// comments, processing instructions and the DOCTYPE are skipped, as the
/// importer never asked XMLParser for them), and nil for XML that is not
/// well-formed. No entity is ever defined or expanded beyond the predefined
/// ones, so no document can make it fetch a file or grow without bound.
enum XMLTreeBuilder {
    static func parse(_ data: Data) -> XMLElementNode? {
        var reader = XMLTreeReader(bytes: [UInt8](data))
        return reader.document()
    }
}

struct XMLTreeReader {
    private let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func document() -> XMLElementNode? {
        let root = XMLElementNode(name: "#root", attributes: [:])
        var stack = [root]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a UTF-8 byte-order mark
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                guard let text = Self.decode(bytes[start..<index], attribute: false) else { return nil }
                stack[stack.count - 1].text += text
                continue
            }
            if skipMarkup(opening: "<?", closing: "?>") || skipMarkup(opening: "<!--", closing: "-->")
                || skipMarkup(opening: "<![CDATA[", closing: "]]>") || skipMarkup(opening: "<!", closing: ">") {
                continue
            }
            if starts(with: "</") {
                index += 2
                let name = readName()
                skipSpace()
                guard consume(">"), stack.count > 1, stack[stack.count - 1].name == name else { return nil }
                stack.removeLast()
                continue
            }
            guard let (node, closed) = readStartTag() else { return nil }
            guard stack.count > 1 || root.children.isEmpty else { return nil }  // one root element
            stack[stack.count - 1].children.append(node)
            if !closed { stack.append(node) }
        }
        guard stack.count == 1 else { return nil }  // an element left open
        return root.children.first
    }

    /// `<name a="1" b='2'>` or `<name/>`; the second value says it closed itself.
    private mutating func readStartTag() -> (XMLElementNode, Bool)? {
        index += 1
        let name = readName()
        guard !name.isEmpty else { return nil }
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            if consume("/>") { return (XMLElementNode(name: name, attributes: attributes), true) }
            if consume(">") { return (XMLElementNode(name: name, attributes: attributes), false) }
            let attribute = readName()
            guard !attribute.isEmpty else { return nil }
            skipSpace()
            guard consume("=") else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[index]
            let start = index + 1
            guard let end = bytes[start...].firstIndex(of: quote) else { return nil }
            guard let value = Self.decode(bytes[start..<end], attribute: true) else { return nil }
            attributes[attribute] = value
            index = end + 1
        }
    }

    private mutating func readName() -> String {
        let start = index
        while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"):
            return true
        default:
            return false
        }
    }

    private mutating func skipSpace() {
        while index < bytes.count, [9, 10, 13, 32].contains(bytes[index]) { index += 1 }
    }

    private func starts(with text: String) -> Bool {
        bytes[index...].starts(with: text.utf8)
    }

    private mutating func consume(_ text: String) -> Bool {
        guard starts(with: text) else { return false }
        index += text.utf8.count
        return true
    }

    /// Skips `opening … closing` if it starts here. An unclosed one runs to
    /// the end, and the open element then makes the document fail.
    private mutating func skipMarkup(opening: String, closing: String) -> Bool {
        guard starts(with: opening) else { return false }
        index += opening.utf8.count
        while index < bytes.count, !starts(with: closing) { index += 1 }
        index = min(bytes.count, index + closing.utf8.count)
        return true
    }

    /// Character data with entities replaced, line ends made `\n` (in an
    /// attribute, whitespace made spaces), as an XML parser must; nil for an
    /// entity XML does not predefine or a reference to no character.
    static func decode(_ slice: ArraySlice<UInt8>, attribute: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = slice.startIndex
        while i < slice.endIndex {
            let byte = slice[i]
            if byte == UInt8(ascii: "\r") {
                out.append(attribute ? 32 : 10)
                i += (i + 1 < slice.endIndex && slice[i + 1] == 10) ? 2 : 1
                continue
            }
            if attribute, byte == 9 || byte == 10 {
                out.append(32)
                i += 1
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                i += 1
                continue
            }
            guard let semicolon = slice[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
            let name = String(decoding: slice[(i + 1)..<semicolon], as: UTF8.self)
            guard let replacement = entity(name) else { return nil }
            out.append(contentsOf: replacement.utf8)
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
    }
}
