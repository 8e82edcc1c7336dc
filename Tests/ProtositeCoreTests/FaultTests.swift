import Foundation
import Testing
@testable import ProtositeCore

/// Builds that are killed, or cannot write, leave the previous site whole.
@Suite("Faults", .serialized)
struct FaultTests {
    /// A project big enough that a build takes a noticeable moment.
    func project(protocols: Int, word: String) throws -> URL {
        let root = try TestSupport.temporaryFolder()
        var files: [String: [UInt8]] = [:]
        for index in 0..<protocols {
            var body = "\n## 1. Scope\n\n"
            for clause in 1...40 { body += "1.\(clause) \(word) text, item \(clause) in file \(index), see paragraph 1.\(max(clause - 1, 1)).\n\n" }
            files["content/p\(index).md"] = Array(TestSupport.protocolFile("title: Protocol \(index)\ncouncil: C\nreview: 2027-06", body: body).utf8)
        }
        try TestSupport.write(files, under: root)
        return root
    }

    func build(_ root: URL) throws -> TestSupport.RunResult {
        try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23"])
    }

    @Test func killedAtRandomMomentsTheSiteIsAlwaysWhole() throws {
        let root = try project(protocols: 150, word: "Old")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try build(root).status == 0)
        let site = root.appendingPathComponent("site")
        let old = try TestSupport.snapshot(site)

        // The site the new sources give, built elsewhere for comparison.
        let changed = try project(protocols: 150, word: "New")
        defer { try? FileManager.default.removeItem(at: changed) }
        #expect(try build(changed).status == 0)
        let new = try TestSupport.snapshot(changed.appendingPathComponent("site"))
        for index in 0..<150 {
            try FileManager.default.removeItem(at: root.appendingPathComponent("content/p\(index).md"))
            try FileManager.default.copyItem(at: changed.appendingPathComponent("content/p\(index).md"), to: root.appendingPathComponent("content/p\(index).md"))
        }

        // How long a full build takes here, so kills land all through it.
        let started = Date()
        #expect(try TestSupport.run(["build", "--root", root.path, "--output", root.appendingPathComponent("timing").path, "--today", "2026-11-23"]).status == 0)
        let duration = max(Date().timeIntervalSince(started), 0.05)

        var sawOld = 0, sawNew = 0
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let process = Process()
            process.executableURL = TestSupport.binary
            process.arguments = ["build", "--root", root.path, "--today", "2026-11-23"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double.random(in: 0...(duration * 1.1), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try TestSupport.snapshot(site)
            #expect(now == old || now == new, "the site was neither the old one nor the new one")
            if now == old { sawOld += 1 } else if now == new { sawNew += 1 }
            // Put the old site back for the next trial.
            if now == new {
                try FileManager.default.removeItem(at: site)
                try TestSupport.write(old.mapValues { Array($0) }, under: site)
            }
        }
        // The next build is clean: right output, no staging folders left.
        #expect(try build(root).status == 0)
        #expect(try TestSupport.snapshot(site) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("protosite-new") || $0.contains("protosite-old") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        print("kill trials: site old \(sawOld), new \(sawNew) of 50")
    }

    @Test func aFullDiskFailsTheBuildAndKeepsThePreviousSite() throws {
        let root = try project(protocols: 20, word: "Old")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try build(root).status == 0)
        let site = root.appendingPathComponent("site")
        let before = try TestSupport.snapshot(site)
        try TestSupport.write(["content/p0.md": Array(TestSupport.protocolFile("title: Changed\ncouncil: C\nreview: 2027-06", body: "Changed.\n").utf8)], under: root)
        // A file-size limit of 8 KB stands in for a full disk: writes fail with EFBIG.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 16; exec \"$0\" build --root \"$1\" --today 2026-11-23", TestSupport.binary.path, root.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3, "\(message)")
        #expect(message.contains("error:"))
        #expect(try TestSupport.snapshot(site) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("protosite-new") || $0.contains("protosite-old") }
        #expect(leftovers.isEmpty)
    }

    @Test func anOutputThatCannotBeCreatedIsAnError() throws {
        let root = try project(protocols: 1, word: "Old")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["afile": [1]], under: root)
        let result = try TestSupport.run(["build", "--root", root.path, "--output", root.appendingPathComponent("afile/site").path])
        #expect(result.status == 3 || result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("error:"))
    }
}
