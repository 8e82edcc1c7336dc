import Foundation
import ProtositeTheme
import Testing
@testable import ProtositeCore

/// The default theme lives in the top-level `templates/` (issue #17): the
/// binary carries exactly those files, and the repository root, which is
/// the example site project, reads the same folder as its overrides without
/// a word and with the same site as a build without it.
@Suite("templates/ at the top of the repository")
struct TemplateFolderTests {
    static let root = TestSupport.packageRoot
    static let disk = FileSystem.disk(root: root.path)

    /// The example project as it would be without its `templates/`.
    static var withoutTemplates: FileSystem {
        var hidden = disk
        hidden.list = { folder in folder == "templates" ? [] : try disk.list(folder) }
        return hidden
    }

    static func plan(_ fileSystem: FileSystem) throws -> SiteBuilder.Plan {
        try SiteBuilder(fileSystem: fileSystem, today: TestSupport.today).plan()
    }

    /// Fails when the plugin embeds from anywhere else, or when an edit,
    /// addition or removal in templates/ did not rebuild the theme.
    @Test func theBinaryCarriesEveryFileOfTemplatesAsItIsNow() throws {
        var onDisk: [String: String] = [:]
        for path in try Self.disk.list("templates") where !path.contains("/.") {
            onDisk[String(path.dropFirst("templates/".count))] = String(decoding: try #require(try Self.disk.read(path)), as: UTF8.self)
        }
        #expect(onDisk.count >= 10)
        #expect(onDisk.keys.sorted() == EmbeddedTheme.files.keys.sorted())
        for (name, text) in onDisk {
            #expect(EmbeddedTheme.files[name] == text, "templates/\(name) is not what the binary carries")
        }
    }

    @Test func theExampleReadsItsTemplatesAsOverridesSilentlyAndBuildsTheSameSite() throws {
        var loadDiagnostics: [Diagnostic] = []
        let sources = try SiteLoader(fileSystem: Self.disk).load(diagnostics: &loadDiagnostics)
        #expect(sources.templateOverrides.count == EmbeddedTheme.files.count, "the example's templates/ is read as its overrides")

        let with = try Self.plan(Self.disk)
        let without = try Self.plan(Self.withoutTemplates)
        #expect(!with.diagnostics.contains { $0.path.hasPrefix("templates") }, "\(with.diagnostics.map(\.formatted))")
        #expect(with.diagnostics == without.diagnostics)
        #expect(with.outputs.map(\.path) == without.outputs.map(\.path))
        for (a, b) in zip(with.outputs, without.outputs) where a.bytes != b.bytes {
            Issue.record("\(a.path) differs when the example's templates/ is read")
        }
    }

    @Test func aProjectFileStillReplacesTheBuiltInOneFileByFile() throws {
        var edited = Self.disk
        edited.read = { path in
            path == "templates/assets/site.css" ? Array("/* the council's own */\n".utf8) : try Self.disk.read(path)
        }
        let plan = try Self.plan(edited)
        let css = try #require(plan.outputs.first { $0.path == "assets/site.css" })
        #expect(String(decoding: css.bytes, as: UTF8.self) == "/* the council's own */\n")
        let script = try #require(plan.outputs.first { $0.path == "assets/site.js" })
        #expect(String(decoding: script.bytes, as: UTF8.self) == EmbeddedTheme.files["assets/site.js"])
    }
}
