import ArgumentParser
import Foundation
import ProtositeCore
import ProtositeServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1, and rebuild and reload when a source changes."
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The port to listen on.")
    var port: UInt16 = 8000

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/site).", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The date review statuses are computed for.", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        _ = try project.today(today)
    }

    func run() async throws {
        let build = BuildRun(root: project.rootURL, output: project.outputURL(output), today: try project.today(today), strict: project.strict)
        let server = PreviewServer(build: build, port: port)
        let signals = StopSignals()
        defer { signals.finish() }
        let task = Task {
            try await server.run { event in
                switch event {
                case .listening(let url):
                    DiagnosticPrinter.standardError("serving \(build.output.path) at \(url.absoluteString) — press Ctrl-C to stop")
                case .built(let result):
                    DiagnosticPrinter.print(result.diagnostics)
                    switch result.outcome {
                    case .built(let count):
                        DiagnosticPrinter.standardError(String(format: "built %d protocol%@ in %.2f s", count, count == 1 ? "" : "s", result.seconds))
                    case .contentErrors:
                        DiagnosticPrinter.standardError("the site was not built: the page shows why")
                    case .refused(let message):
                        DiagnosticPrinter.standardError("protosite: error: \(message)")
                    case .failed(let message):
                        DiagnosticPrinter.failure(message)
                    }
                }
            }
        }
        signals.stop(task)
        do {
            try await task.value
        } catch let failure as PreviewServer.Failure {
            DiagnosticPrinter.standardError("protosite: error: \(failure)")
            throw ExitCode(ExitStatus.usage)
        } catch where task.isCancelled {
            // Whatever the server threw as it was stopped, stopping was asked for.
        }
        if signals.wasRequested { DiagnosticPrinter.standardError("stopped") }
    }
}
