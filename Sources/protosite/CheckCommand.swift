import ArgumentParser
import Foundation
import ProtositeCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site project as 'build' would, writing nothing."
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "Diagnostics as 'text' (to standard error) or 'json' (an array, to standard output).")
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("The date review statuses are computed for.", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        guard DiagnosticPrinter.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be 'text' or 'json'")
        }
        _ = try project.today(today)
    }

    func run() throws {
        let plan: SiteBuilder.Plan
        do {
            plan = try SiteBuilder(fileSystem: .disk(root: project.rootURL.path), today: try project.today(today)).plan()
        } catch {
            DiagnosticPrinter.failure(String(describing: error))
            throw ExitCode(ExitStatus.failure)
        }
        let diagnostics = DiagnosticPrinter.applyingStrict(plan.diagnostics, strict: project.strict)
        DiagnosticPrinter.print(diagnostics, format: DiagnosticPrinter.Format(rawValue: format) ?? .text)
        let status = DiagnosticPrinter.status(diagnostics, strict: project.strict)
        if status != 0 { throw ExitCode(status) }
    }
}
