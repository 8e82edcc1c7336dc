import ArgumentParser
import Foundation
import ProtositeCore

struct ReviewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "Show the review schedule: each protocol, its next review and its status, overdue first."
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "'text' (a table) or 'json' (an array).")
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("The date statuses are computed for.", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be 'text' or 'json'") }
        _ = try project.today(today)
    }

    func run() throws {
        let day = try project.today(today)
        let plan: SiteBuilder.Plan
        do {
            plan = try SiteBuilder(fileSystem: .disk(root: project.rootURL.path), today: day).plan()
        } catch {
            DiagnosticPrinter.failure(String(describing: error))
            throw ExitCode(ExitStatus.failure)
        }
        let errors = plan.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let site = plan.site else {
            DiagnosticPrinter.print(errors)
            throw ExitCode(ExitStatus.contentErrors)
        }
        let schedule = ReviewSchedule(site.protocols.map(\.document.metadata), today: day, warningDays: plan.config.reviewWarningDays)
        if format == "json" {
            print(schedule.json())
        } else {
            print(schedule.table().split(separator: "\n").map { TerminalSafe.text(String($0)) + "\n" }.joined(), terminator: "")
        }
    }
}
