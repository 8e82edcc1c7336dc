/// HTML being written as UTF-8 bytes: markup copied whole from static
/// strings, text escaped on its way in. The body renderer, the page
/// writers and the clause decorator write with it; making the same HTML
/// by appending to and interpolating a `String` cost several times more.
public struct HTMLBytes: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup, as it is.
    @inlinable
    public mutating func put(_ markup: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// HTML already made, or text with nothing to escape, as it is.
    public mutating func raw(_ text: String) {
        HTMLEscaping.withUTF8(text) { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ html: [UInt8]) {
        bytes.append(contentsOf: html)
    }

    /// A whole number, in decimal.
    public mutating func raw(_ number: Int) {
        raw(String(number))
    }

    /// Text content or a double-quoted attribute value (`HTMLEscaping.escape`).
    public mutating func escaped(_ text: String) {
        HTMLEscaping.escape(text, into: &bytes)
    }

    /// A URL for an `href` (`HTMLEscaping.escapeURL`).
    public mutating func escapedURL(_ url: String) {
        HTMLEscaping.escapeURL(url, into: &bytes)
    }

    /// The HTML as a string, for what is kept or handed on as one.
    public var string: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
