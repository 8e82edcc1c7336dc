import Foundation
import ProtositeSearch
@testable import ProtositeCore

/// Paths and helpers shared by the core tests.
enum TestSupport {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the checkout (CI has it there).
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static let corpusRoot = shared.appendingPathComponent("corpus")

    /// The model-style Standing Orders with lettered and roman sub-clauses.
    static let numberingRoot = shared.appendingPathComponent("corpus-numbering")

    /// A protocol with two earlier versions and what changed between them.
    static let versionsRoot = shared.appendingPathComponent("corpus-versions")

    /// True when a folder of ../shared is there: tests that read it are
    /// skipped, with a message, in a clone that stands on its own.
    static func hasShared(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.path)
    }

    /// The `protosite` binary built beside the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("protosite")
    }

    static let today = CalendarDay(year: 2026, month: 11, day: 23)!

    /// Builds a site from files in memory; returns the plan.
    static func plan(_ files: [String: String], today: CalendarDay = today) throws -> SiteBuilder.Plan {
        try SiteBuilder(fileSystem: .memory(files), today: today).plan()
    }

    static func plan(bytes files: [String: [UInt8]]) throws -> SiteBuilder.Plan {
        try SiteBuilder(fileSystem: .memory(bytes: files), today: today).plan()
    }

    /// A protocol file with the given front matter lines and body.
    static func protocolFile(_ frontMatter: String = "title: Test Protocol\ncouncil: Example Parish Council\nreview: 2027-06", body: String = "Some text.\n") -> String {
        "---\n\(frontMatter)\n---\n\(body)"
    }

    /// The text of an output, by path, with the accessible names of
    /// reference links left out, so that tests of where references lead
    /// read them as a sighted reader sees them (`ReferenceLabelTests` checks
    /// the names, through `rawText`).
    static func text(_ plan: SiteBuilder.Plan, _ path: String) -> String? {
        rawText(plan, path).map { $0.replacingOccurrences(of: #"(<a class="xref[^"]*" href="[^"]*") aria-label="[^"]*""#, with: "$1", options: .regularExpression) }
    }

    /// The text of an output, by path, exactly as written.
    static func rawText(_ plan: SiteBuilder.Plan, _ path: String) -> String? {
        plan.outputs.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    struct RunResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built binary as a user would.
    static func run(_ arguments: [String], in directory: URL? = nil, executable: URL? = nil, environment: [String: String]? = nil) throws -> RunResult {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: a child that fills one while we
        // wait on the other would never finish.
        let errors = ResultSlots<Data>(count: 1)
        let done = DispatchSemaphore(value: 0)
        Thread {
            errors.set(0, err.fileHandleForReading.readDataToEndOfFile())
            done.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        let errData = errors.values.first ?? Data()
        return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("protosite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes files (path → text or bytes) under a folder.
    static func write(_ files: [String: [UInt8]], under root: URL) throws {
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// Every file under a folder with its bytes, by relative path.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }
}
