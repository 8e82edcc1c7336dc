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

    @Flag(name: .long, help: "Print each stage and its time.")
    var verbose = false

    func validate() throws {
        if let today { _ = try parsedToday(today) }
    }

    private func parsedToday(_ text: String?) throws -> CalendarDay {
        do {
            return try TodayResolver.resolve(option: text)
        } catch {
            throw ValidationError(String(describing: error))
        }
    }

    func run() throws {
        let started = Date()
        let rootURL = URL(fileURLWithPath: project.root).standardizedFileURL
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
            ?? rootURL.appendingPathComponent("site")
        let verbose = self.verbose
        let builder = SiteBuilder(
            fileSystem: .disk(root: rootURL.path),
            today: try parsedToday(today),
            onStage: { name, seconds in
                if verbose { DiagnosticPrinter.standardError(String(format: "[%@] %.3f s", name, seconds)) }
            }
        )
        let writer = SiteWriter(output: outputURL)
        do {
            try writer.checkTarget(root: rootURL)
        } catch {
            DiagnosticPrinter.standardError("protosite: error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        let plan: SiteBuilder.Plan
        do {
            plan = try builder.plan()
        } catch {
            DiagnosticPrinter.standardError("protosite: error: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.failure)
        }
        let diagnostics = DiagnosticPrinter.applyingStrict(plan.diagnostics, strict: project.strict)
        DiagnosticPrinter.print(diagnostics)
        let status = DiagnosticPrinter.status(diagnostics, strict: project.strict)
        guard status == 0 else {
            DiagnosticPrinter.standardError("protosite: the site was not built; \(outputURL.path) is unchanged")
            throw ExitCode(status)
        }
        do {
            try writer.write(plan.outputs)
        } catch {
            DiagnosticPrinter.standardError("protosite: error: \(error)")
            throw ExitCode(ExitStatus.failure)
        }
        let count = plan.site?.protocols.count ?? 0
        let seconds = Date().timeIntervalSince(started)
        DiagnosticPrinter.standardError(String(format: "built %d protocol%@ into %@ in %.2f s", count, count == 1 ? "" : "s", outputURL.path, seconds))
    }
}
