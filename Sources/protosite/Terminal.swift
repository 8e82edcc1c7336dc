import Foundation
import ProtositeCore

/// What standard error is connected to: colour and an updating progress
/// line only on a terminal, and never colour when NO_COLOR is set.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) != 0

    static let useColour: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isInteractive
    }()

    static func red(_ text: String) -> String { useColour ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text }
    static func yellow(_ text: String) -> String { useColour ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }
    static func bold(_ text: String) -> String { useColour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}

/// Shows a build's stages: every stage with --verbose; otherwise, once the
/// build has taken more than a second, one line that updates in place on a
/// terminal (plain lines elsewhere); nothing with --quiet.
final class BuildProgress: @unchecked Sendable {

    private let verbose: Bool
    private let quiet: Bool
    private let started = Date()
    private let lock = NSLock()
    private var lineOpen = false
    /// The process's CPU time when the last stage ended, for --verbose.
    private var cpuBefore = BuildProgress.cpuSeconds()

    init(verbose: Bool, quiet: Bool) {
        self.verbose = verbose
        self.quiet = quiet
    }

    func stageFinished(_ stage: BuildStage, seconds: Double) {
        lock.withLock {
            let number = (BuildStage.allCases.firstIndex(of: stage) ?? 0) + 1
            let line = String(format: "[%d/%d] %@ %.3f s", number, BuildStage.allCases.count, stage.rawValue, seconds)
            if verbose {
                // CPU time beside the wall time says how well a stage used the cores.
                let cpu = Self.cpuSeconds()
                let used = String(format: ", CPU %.3f s", cpu - cpuBefore)
                cpuBefore = cpu
                DiagnosticPrinter.standardError(line + used + Self.memory())
            } else if !quiet, Date().timeIntervalSince(started) > 1 {
                if Terminal.isInteractive {
                    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
                    lineOpen = true
                } else {
                    DiagnosticPrinter.standardError(line)
                }
            }
        }
    }

    /// User and system time of every thread so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The process's resident memory now and at its peak, as Linux counts
    /// them (`/proc/self/status`), for --verbose; empty elsewhere.
    static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func megabytes(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 / 1024 }
        }
        guard let now = megabytes("VmRSS"), let peak = megabytes("VmHWM") else { return "" }
        return ", \(now) MB resident (peak \(peak) MB)"
    }

    /// Ends the updating line before other output.
    func finish() {
        lock.withLock {
            if lineOpen { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            lineOpen = false
        }
    }
}
