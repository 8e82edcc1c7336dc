import ProtositeMarkdown

/// One protocol after parsing: its metadata, its syntax tree with clause and
/// heading ids in place, and its outline.
public struct ProtocolDocument: Sendable {
    /// The source path relative to the root (`content/code-of-conduct.md`).
    public var path: String
    public var metadata: ProtocolMetadata
    public var body: MarkdownDocument
    /// File line of the body's first line: body positions plus this, minus
    /// one, are file positions.
    public var bodyFirstLine: Int
    public var clauses: [Clause]
    public var headings: [HeadingEntry]
    /// Where the next review date is written (the `review:` key, else the
    /// `history` table), for review warnings; line 1 when it is not.
    public var reviewLine: Int = 1
    public var reviewColumn: Int = 1

    /// The page's URL path relative to the site root: `code-of-conduct/`.
    public var urlPath: String { metadata.slug + "/" }

    /// The sections' text, as search entries and version comparisons read
    /// it (lines are file lines). Worked out from the tree when asked, not
    /// kept beside it: held from parse to page, it was a second copy of
    /// every protocol's text (a tenth of the heap at its peak). Linking
    /// leaves the text as it was, so the linked tree gives the same.
    public var sections: [DocumentSection] {
        SectionWalker.sections(of: body, title: metadata.title).map { section in
            var section = section
            section.line += bodyFirstLine - 1
            return section
        }
    }
}
