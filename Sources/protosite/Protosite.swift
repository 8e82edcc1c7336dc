import ArgumentParser
import Foundation
import ProtositeCore

/// The `protosite` command: thin, it parses options and calls ProtositeCore.
struct Protosite: AsyncParsableCommand {
    static let version = protositeVersion

    static let configuration = CommandConfiguration(
        commandName: "protosite",
        abstract: "Build a searchable website from a council's protocols and policies, written in Markdown.",
        discussion: """
        A site project is a folder with content/ (one Markdown file per protocol), an optional \
        protosite.yml and an optional templates/ folder. 'protosite build' writes the site to site/.
        """,
        version: version,
        subcommands: [BuildCommand.self, CheckCommand.self, ReviewsCommand.self, InitCommand.self, NewCommand.self, ArchiveCommand.self, ServeCommand.self, ImportCommand.self]
    )
}

/// Exit statuses of SPEC §3.
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 2
    static let failure: Int32 = 3
}

/// Options shared by the commands that read a site project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site project folder.", valueName: "DIR"))
    var root: String = "."

    @Flag(name: .long, help: "Treat warnings as errors (exit status 1).")
    var strict = false

    var rootURL: URL {
        URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// `--output`, relative to the working folder, else ROOT/site.
    func outputURL(_ output: String?) -> URL {
        guard let output else { return rootURL.appendingPathComponent("site") }
        return URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// `--today`, else SOURCE_DATE_EPOCH, else the clock; a bad value is a usage error.
    func today(_ option: String?) throws -> CalendarDay {
        do {
            return try TodayResolver.resolve(option: option)
        } catch {
            throw ValidationError(String(describing: error))
        }
    }
}
