import Foundation
import ProtositeCore

/// Prints diagnostics to standard error, as text or a JSON array.
enum DiagnosticPrinter {
    enum Format: String, CaseIterable {
        case text, json
    }

    static func print(_ diagnostics: [Diagnostic], format: Format = .text) {
        switch format {
        case .text:
            for diagnostic in diagnostics { standardError(coloured(diagnostic)) }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let data = (try? encoder.encode(diagnostics)) ?? Data("[]".utf8)
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }

    /// `path:line:column: error: message` with the severity in colour on a terminal.
    static func coloured(_ diagnostic: Diagnostic) -> String {
        guard Terminal.useColour else { return diagnostic.formatted }
        let word = diagnostic.severity.rawValue + ":"
        let painted = diagnostic.severity == .error ? Terminal.red(word) : Terminal.yellow(word)
        return diagnostic.formatted.replacingOccurrences(of: " " + word + " ", with: " " + painted + " ", options: [], range: nil)
    }

    /// A build's failure on standard error. A file failure already says
    /// where in the compiler form (`content/a.md: error: cannot read:
    /// Permission denied`, an editor jumps to it) and is printed as it is;
    /// any other message gets protosite's name in front.
    static func failure(_ message: String) {
        standardError(message.contains(": error: ") ? message : "protosite: error: \(message)")
    }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The exit status for what a build or check found.
    static func status(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        if diagnostics.hasErrors || (strict && diagnostics.hasWarnings) { return ExitStatus.contentErrors }
        return 0
    }

    /// Warnings become errors under --strict, so the printed word matches the outcome.
    static func applyingStrict(_ diagnostics: [Diagnostic], strict: Bool) -> [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map { var d = $0; d.severity = .error; return d }
    }
}
