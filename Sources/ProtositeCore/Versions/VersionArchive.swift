import Foundation

/// `protosite archive content/FILE.md`: keeps the current text of a
/// protocol as an earlier version before the clerk amends it, at
/// `versions/SLUG/ADOPTED.md`. It never replaces a different file of that
/// name: an archived text is a record of what the council adopted.
public enum VersionArchive {
    public enum Outcome: Equatable, Sendable {
        /// Copied to this path (relative to the root).
        case archived(String)
        /// The same text is already there.
        case alreadyArchived(String)
        /// Nothing written; the diagnostic says why.
        case refused(Diagnostic)
    }

    /// Archives one protocol file. `path` is the file's path relative to
    /// `root` (as diagnostics show it).
    public static func archive(_ path: String, root: URL, config: SiteConfig) -> Outcome {
        let source = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: source.path) else {
            return .refused(.error("cannot read the file", in: path, line: 1, column: 1))
        }
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: path, bytes: Array(data))
        guard let document = ProtocolParser(config: config).parse(file, diagnostics: &diagnostics) else {
            return .refused(diagnostics.first { $0.severity == .error } ?? .error("the file cannot be read as a protocol", in: path, line: 1, column: 1))
        }
        guard case .day(let adopted)? = document.metadata.adopted else {
            let problem = document.metadata.adopted == nil ? "has no 'adopted' date" : "gives only a month for 'adopted'"
            return .refused(.error("the protocol \(problem); an earlier version is filed under the day it was adopted (add 'adopted: YYYY-MM-DD' first)", in: path, line: 1, column: 1))
        }
        let relative = "\(VersionSources.folder)/\(document.metadata.slug)/\(adopted).md"
        let target = root.appendingPathComponent(relative)
        if let existing = FileManager.default.contents(atPath: target.path) {
            if existing == data { return .alreadyArchived(relative) }
            return .refused(.error("\(relative) already exists with other text; it was not replaced (an archived version is the text the council adopted on \(adopted.longForm): if this file is a newer text, set its 'adopted' date to the day it was adopted)", in: path, line: 1, column: 1))
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Never replaces a file, even one that appeared a moment ago.
            try data.write(to: target, options: .withoutOverwriting)
        } catch {
            return .refused(.error("cannot write \(relative): \(error.localizedDescription)", in: path, line: 1, column: 1))
        }
        return .archived(relative)
    }
}
