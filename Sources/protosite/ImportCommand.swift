import ArgumentParser
import Foundation
import ProtositeCore
import ProtositeImport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert plain-text exports of Word documents and PDFs to protocol Markdown, one .md per input."
    )

    @Argument(help: ArgumentHelp("The exported files (.txt).", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The folder to write to (default: the current folder).", valueName: "DIR"))
    var output: String = "."

    @Flag(name: .long, help: "Replace Markdown files that already exist.")
    var force = false

    func run() throws {
        let fm = FileManager.default
        let folder = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: fm.currentDirectoryPath)).standardizedFileURL
        try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var failed = false
        for path in files {
            let result: ImportResult
            do {
                result = try Importer.importFile(at: path)
            } catch {
                DiagnosticPrinter.standardError(TerminalSafe.text("\(path): error: \(error)"))
                failed = true
                continue
            }
            for warning in result.warnings {
                DiagnosticPrinter.standardError(TerminalSafe.text("\(path):\(warning.line):\(warning.column): warning: \(warning.message)"))
            }
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".md"
            let target = folder.appendingPathComponent(name)
            do {
                try Data(result.markdown.utf8).write(to: target, options: force ? [.atomic] : [.withoutOverwriting])
                print("wrote \(target.path)")
            } catch {
                DiagnosticPrinter.standardError("\(target.path): error: not written (\(fm.fileExists(atPath: target.path) ? "it exists; use --force to replace it" : error.localizedDescription))")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.contentErrors) }
    }
}
