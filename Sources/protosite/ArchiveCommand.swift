import ArgumentParser
import Foundation
import ProtositeCore

/// `protosite archive content/FILE.md…`: the first step of amending a
/// protocol (archive, edit, set the new 'adopted', build).
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Copy each protocol's current text to versions/SLUG/ADOPTED-DATE.md before it is amended.",
        discussion: """
        Run it before editing a protocol for a new adoption: the text the council adopted is kept as an \
        earlier version, shown on the site with what changed. An existing file of that name with other \
        text is never replaced.
        """
    )

    @Argument(help: ArgumentHelp("Protocol files, such as content/code-of-conduct.md.", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The site project folder.", valueName: "DIR"))
    var root: String = "."

    func run() throws {
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        let rootURL = URL(fileURLWithPath: root, relativeTo: cwd).standardizedFileURL
        var diagnostics: [Diagnostic] = []
        let configFile = fm.contents(atPath: rootURL.appendingPathComponent("protosite.yml").path).map { SourceFile(path: "protosite.yml", bytes: Array($0)) }
        let config = ConfigReader.read(configFile, diagnostics: &diagnostics)
        var failed = false
        for file in files {
            let absolute = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL.path
            let prefix = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
            guard absolute.hasPrefix(prefix) else {
                DiagnosticPrinter.standardError("protosite: error: \(file) is not inside the site project \(rootURL.path) (use --root)")
                failed = true
                continue
            }
            switch VersionArchive.archive(String(absolute.dropFirst(prefix.count)), root: rootURL, config: config) {
            case .archived(let path): print("archived \(file) as \(path)")
            case .alreadyArchived(let path): print("\(path) already holds this text; nothing to do")
            case .refused(let diagnostic):
                DiagnosticPrinter.standardError(diagnostic.formatted)
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.contentErrors) }
    }
}
