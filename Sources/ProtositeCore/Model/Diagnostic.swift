/// A message about a source file, printed the way compilers print them so
/// editors can jump to it: `path:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, Comparable, Codable {
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    /// Path relative to the site root (`content/code-of-conduct.md`).
    public var path: String
    /// 1-based line in the whole file (front matter included); 0 when the
    /// message is about the file as a whole.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, in path: String, line: Int = 0, column: Int = 0) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .error, message: message)
    }

    public static func warning(_ message: String, in path: String, line: Int = 0, column: Int = 0) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .warning, message: message)
    }

    /// `path:line:column: severity: message`, leaving out unknown positions,
    /// with control characters from the content shown escaped.
    public var formatted: String {
        var location = TerminalSafe.text(path)
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(TerminalSafe.text(message))"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.message) < (b.path, b.line, b.column, b.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var hasWarnings: Bool { contains { $0.severity == .warning } }
}
