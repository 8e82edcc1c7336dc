import ArgumentParser
import Foundation
import ProtositeCore

// A write past a file-size limit (or a full quota) should fail as an error
// the build reports, not kill the process and leave a half-written folder.
signal(SIGXFSZ, SIG_IGN)

// swift-argument-parser exits 64 on usage errors; SPEC §3 says 2.
do {
    var command = try Protosite.parseAsRoot()
    // An async command's synchronous `run` only prints help: dispatch to the
    // async one.
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch {
    let code = Protosite.exitCode(for: error)
    if code == .success {
        Protosite.exit(withError: error)
    }
    if let exit = error as? ExitCode {
        Foundation.exit(exit.rawValue)
    }
    let message = Protosite.fullMessage(for: error)
    if !message.isEmpty { FileHandle.standardError.write(Data((message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.text(String($0)) }.joined(separator: "\n") + "\n").utf8)) }
    Foundation.exit(code == .validationFailure ? ExitStatus.usage : (code.rawValue == 0 ? 0 : ExitStatus.failure))
}

private func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}
