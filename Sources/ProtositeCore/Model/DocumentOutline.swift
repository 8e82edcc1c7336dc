/// A numbered clause of a protocol.
public struct Clause: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// `## 4.0 THE RELATIONSHIP`
        case heading(level: Int)
        /// `2.1 The respective roles…`
        case paragraph
        /// `- 1.1 The relationship…`, or an item of a top-level ordered list.
        case listItem
        /// `1. (1) In this code…`: a label that starts its clause's own text,
        /// anchored on the label itself.
        case label
    }

    public var number: ClauseNumber
    public var form: Form
    /// The line of the whole file where the clause starts.
    public var line: Int
    public var column: Int

    public var anchor: String { number.anchor }
}

/// A heading of a protocol, for the table of contents.
public struct HeadingEntry: Sendable, Equatable {
    public var level: Int
    /// The heading's text, its clause number (if any) left out.
    public var text: String
    public var anchor: String
    public var clause: ClauseNumber?
}

/// A stretch of a protocol from one anchored element (a clause or a
/// heading) to the next: the unit of search results and of "referred to
/// from". Text before the first anchor is the preamble (`anchor` nil).
public struct DocumentSection: Sendable, Equatable {
    public var anchor: String?
    public var clause: ClauseNumber?
    /// The nearest heading's text (number left out); the protocol's title for the preamble.
    public var heading: String
    /// Plain text of the section (headings excluded), footnotes excluded.
    public var text: String
    public var line: Int
}
