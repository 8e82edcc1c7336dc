import ArgumentParser
import Foundation
import ProtositeCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a protocol file in content/ with complete front matter."
    )

    @Argument(help: "The protocol's title, in quotes.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The site project folder.", valueName: "DIR"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Today's date for the new file.", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the title cannot be empty") }
    }

    func run() throws {
        let day: CalendarDay
        do { day = try TodayResolver.resolve(option: today) } catch { throw ValidationError(String(describing: error)) }
        let fm = FileManager.default
        let rootURL = URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: fm.currentDirectoryPath)).standardizedFileURL
        var diagnostics: [Diagnostic] = []
        let configFile = (try? Data(contentsOf: rootURL.appendingPathComponent("protosite.yml"))).map { SourceFile(path: "protosite.yml", bytes: Array($0)) }
        let config = ConfigReader.read(configFile, diagnostics: &diagnostics)
        let name = ProjectScaffold.fileName(forTitle: title)
        let file = rootURL.appendingPathComponent("content").appendingPathComponent(name)
        if fm.fileExists(atPath: file.path) {
            DiagnosticPrinter.standardError("protosite: error: content/\(name) already exists; it was not changed (choose another title, or edit that file)")
            throw ExitCode(ExitStatus.contentErrors)
        }
        do {
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = ProjectScaffold.protocolFile(title: title.trimmingCharacters(in: .whitespaces), council: config.council, today: day)
            // Never replaces a file, even one that appeared a moment ago.
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            DiagnosticPrinter.standardError("protosite: error: cannot write \(file.path): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.failure)
        }
        print("created content/\(name)")
    }
}
