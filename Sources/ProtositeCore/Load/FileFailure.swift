import Foundation

/// A file or folder the build could not read or write: which one, and the
/// system's reason (strerror). It prints the way diagnostics do, so the
/// clerk, and an editor, see where: `content/a.md: error: cannot read:
/// Permission denied`. It is a `LocalizedError` because on Linux the
/// `localizedDescription` of any other error is a generic sentence that
/// names neither the file nor the reason.
public struct FileFailure: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public enum Operation: String, Sendable {
        case read = "cannot read"
        case write = "cannot write"
        case list = "cannot list the folder"
    }

    /// Relative to the project root for the sources; absolute for
    /// protosite's own files beside the site.
    public var path: String
    public var operation: Operation
    public var reason: String

    public init(_ operation: Operation, _ path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// The failure of the last system call, by its `errno`.
    static func system(_ operation: Operation, _ path: String, errno code: Int32) -> FileFailure {
        FileFailure(operation, path, reason: String(cString: strerror(code)))
    }

    /// As a diagnostic: the file, then what could not be done and why.
    public var diagnostic: Diagnostic {
        .error("\(operation.rawValue): \(reason)", in: path)
    }

    public var description: String { diagnostic.formatted }

    public var errorDescription: String? { description }
}
