import ArgumentParser
import CAllocator
import Foundation
import ProtositeCore

// A write past a file-size limit (or a full quota) should fail as an error
// the build reports, not kill the process and leave a half-written folder.
signal(SIGXFSZ, SIG_IGN)

// A build's large buffers (the site's listings, the search index's files,
// a batch's pages) come and go. glibc serves the first from mappings it
// gives back, then, as each is freed, raises the size it maps from, so the
// later ones come from the heap, where what they leave behind stays
// resident: at ten thousand protocols that was a tenth of the peak
// (399 -> 361 MB). Fixed, every buffer of 256 KB or more is mapped.
_ = protosite_map_large_allocations(256 << 10)

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
