/// A file as read from the site project, before anything is made of it.
public struct SourceFile: Sendable, Equatable {
    /// Path relative to the site root, with `/` separators (`content/finance/regulations.md`).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
