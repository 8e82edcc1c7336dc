import ArgumentParser
import Foundation
import ProtositeCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site project with settings and an example protocol."
    )

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "DIR"))
    var directory: String

    @Option(name: .long, help: "The council's name.")
    var council: String = "Example Parish Council"

    @Option(name: .long, help: ArgumentHelp("The date for the example's adoption.", valueName: "YYYY-MM-DD"))
    var today: String?

    func run() throws {
        let day: CalendarDay
        do { day = try TodayResolver.resolve(option: today) } catch { throw ValidationError(String(describing: error)) }
        let fm = FileManager.default
        let root = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: fm.currentDirectoryPath)).standardizedFileURL
        if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.filter({ !$0.hasPrefix(".") }).isEmpty {
            DiagnosticPrinter.standardError("protosite: error: \(root.path) already has files in it; choose a new or empty folder")
            throw ExitCode(ExitStatus.contentErrors)
        }
        do {
            try fm.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
            try ProjectScaffold.config(council: council).write(to: root.appendingPathComponent("protosite.yml"), atomically: true, encoding: .utf8)
            try ProjectScaffold.exampleProtocol(council: council, today: day).write(to: root.appendingPathComponent("content/councillor-and-clerk-protocol.md"), atomically: true, encoding: .utf8)
            try ProjectScaffold.gitignore.write(to: root.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        } catch {
            DiagnosticPrinter.standardError("protosite: error: cannot write \(root.path): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.failure)
        }
        print("""
        Created \(root.path):
          protosite.yml                               the site's settings (open it: every line is explained)
          content/councillor-and-clerk-protocol.md    an example protocol

        Next:
          cd \(directory)
          protosite new "Complaints Procedure"    a new protocol in content/
          protosite serve                          preview at http://127.0.0.1:8000/ while you edit
          protosite build                          the finished site in site/, ready to upload
        """)
    }
}
