import ArgumentParser
import Foundation
import ProtositeCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content/, templates/ and protosite.yml."
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/site).", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The date review statuses are computed for (default: SOURCE_DATE_EPOCH, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Flag(name: .long, help: "Make every page afresh, ignoring what the last build left in .site.protosite-cache/ (beside the output).")
    var fresh = false

    @Flag(name: .long, help: "Print each stage and its time.")
    var verbose = false

    @Flag(name: .long, help: "Print errors only: no warnings, progress or summary.")
    var quiet = false

    func validate() throws {
        _ = try project.today(today)
    }

    func run() throws {
        let progress = BuildProgress(verbose: verbose, quiet: quiet)
        let build = BuildRun(
            root: project.rootURL,
            output: project.outputURL(output),
            today: try project.today(today),
            strict: project.strict,
            fresh: fresh,
            onStage: { stage, seconds in progress.stageFinished(stage, seconds: seconds) }
        )
        let result = build.run()
        progress.finish()
        if verbose { for note in result.notes { DiagnosticPrinter.standardError(note) } }
        DiagnosticPrinter.print(quiet ? result.diagnostics.filter { $0.severity == .error } : result.diagnostics)
        switch result.outcome {
        case .built(let count):
            if quiet { return }
            if let warning = NotFoundPage.warning(root: project.rootURL) { DiagnosticPrinter.print([warning]) }
            if verbose {
                DiagnosticPrinter.standardError("made \(result.made) file\(result.made == 1 ? "" : "s"), kept \(result.kept) from the last build")
            }
            DiagnosticPrinter.standardError(String(format: "built %d protocol%@ into %@ in %.2f s", count, count == 1 ? "" : "s", build.output.path, result.seconds))
        case .contentErrors:
            DiagnosticPrinter.standardError("protosite: the site was not built; \(build.output.path) is unchanged")
            throw ExitCode(ExitStatus.contentErrors)
        case .refused(let message):
            DiagnosticPrinter.standardError("protosite: error: \(message)")
            throw ExitCode(ExitStatus.usage)
        case .failed(let message):
            DiagnosticPrinter.failure(message)
            throw ExitCode(ExitStatus.failure)
        }
    }
}
