import Foundation
import Testing
@testable import ProtositeCore

/// A rebuild after an edit makes only what the edit affects, and the site
/// it leaves is the one a build from nothing makes, byte for byte, with
/// the same warnings.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    static let names = ["Allotments", "Burial Ground", "Cemetery", "Complaints", "Data Protection", "Dignity at Work",
                        "Equality", "Grievance", "Grants", "Health and Safety", "Lone Working", "Media",
                        "Play Area", "Recording Meetings", "Risk Management", "Social Media", "Training", "Volunteers"]

    static func title(_ index: Int) -> String { names[index % names.count] + " Policy" }
    static func file(_ index: Int) -> String { HeadingSlug.make(names[index % names.count]) + ".md" }

    /// A council whose protocols cite each other by title, by clause, by
    /// citing word and by file link; one overdue, one in a sub-folder.
    static func project() -> [String: String] {
        var files: [String: String] = [:]
        for index in names.indices {
            let next = (index + 1) % names.count, after = (index + 2) % names.count, third = (index + 5) % names.count
            let review = index == 3 ? "2021-09" : "2028-0\(index % 9 + 1)"
            let body = """
            ## 1. Scope

            1.1 This policy applies to everyone. See clause 2.1 of the \(title(next)).

            1.2 As [the \(title(after))](\(file(after))#clause-1.1) says, and Regulation 2 requires, act *promptly*.

            ## 2. Duties

            2.1 The \(title(third)) also applies. See 1.1 above.

            2.2 Words for \(names[index].lowercased()) alone.

            """
            files["content/" + file(index)] = "---\ntitle: \(title(index))\ncouncil: Example Parish Council\nstatus: adopted\nadopted: 2020-01-0\(index % 9 + 1)\nreview: \(review)\n---\n\n" + body
        }
        // Names no protocol has yet: tests give them to one.
        files["content/" + file(0)]! += "2.3 As the Volunteers Policy Annex says.\n"
        files["content/" + file(6)]! += "2.3 As Stand*ing* Order 1.1 says.\n"
        files["content/finance/financial-regulations.md"] = """
        ---
        title: Financial Regulations
        council: Example Parish Council
        status: adopted
        adopted: 2019-05-01
        review: 2027-05
        cited_as: [regulation]
        aliases: [the Regulations]
        ---

        1. General

        1.1 These regulations govern money. The \(title(0)) is separate.

        2. Payments

        2.1 Payments need two signatures.

        """
        return files
    }

    /// A new folder holding `project()` (and `extra`), built once. The caller removes it.
    static func builtProject(extra: [String: String] = [:], environment: [String: String]? = nil) throws -> URL {
        let root = try TestSupport.temporaryFolder()
        try TestSupport.write(project().merging(extra) { $1 }.mapValues { Array($0.utf8) }, under: root)
        try build(root, environment: environment)
        return root
    }

    /// Builds `root` into `site` as it stands; returns stderr.
    @discardableResult
    static func build(_ root: URL, output: String = "site", fresh: Bool = false, environment: [String: String]? = nil) throws -> String {
        var arguments = ["build", "--root", root.path, "--output", root.appendingPathComponent(output).path, "--today", "2026-11-23", "--verbose"]
        if fresh { arguments.append("--fresh") }
        let result = try TestSupport.run(arguments, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stderr
    }

    static func warnings(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.contains(": warning:") || $0.contains(": error:") }.map(String.init).sorted()
    }

    static func made(_ stderr: String) -> Int? {
        guard let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix("made ") }) else { return nil }
        return Int(line.split(separator: " ")[1])
    }

    /// Builds, edits, rebuilds, and compares with a build from nothing.
    /// Returns how many files the rebuild made.
    static func rebuildMatchesFullBuild(_ edit: (URL) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try rebuildMatchesFullBuild(extra: [:], environment: nil, edit, sourceLocation: sourceLocation).made
    }

    /// The same, with more files and another environment; returns the
    /// count of files made and the paths of the site.
    static func rebuildMatchesFullBuild(extra: [String: String], environment: [String: String]?,
                                        _ edit: (URL) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> (made: Int, paths: [String]) {
        let root = try builtProject(extra: extra, environment: environment)
        defer { try? FileManager.default.removeItem(at: root) }
        // A second build after a small edit, so the next one has a spare to write over.
        let warmUp = root.appendingPathComponent("content/" + file(7))
        try (String(contentsOf: warmUp, encoding: .utf8) + "\n2.3 Added later.\n").write(to: warmUp, atomically: false, encoding: .utf8)
        try build(root, environment: environment)
        try edit(root)
        let incremental = try build(root, environment: environment)
        let full = try build(root, output: "fresh", fresh: true, environment: environment)
        let built = try TestSupport.snapshot(root.appendingPathComponent("site"))
        let expected = try TestSupport.snapshot(root.appendingPathComponent("fresh"))
        #expect(built.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in expected where built[path] != bytes {
            Issue.record("\(path) differs from a full build's", sourceLocation: sourceLocation)
        }
        #expect(warnings(incremental) == warnings(full), sourceLocation: sourceLocation)
        return (try #require(made(incremental), sourceLocation: sourceLocation), Array(built.keys))
    }

    static func replace(_ root: URL, _ path: String, _ old: String, _ new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) lacks '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
    }

    /// The site has this many files: pages, listings, theme, index.
    static var total: Int {
        get throws {
            let root = try builtProject()
            defer { try? FileManager.default.removeItem(at: root) }
            return try TestSupport.snapshot(root.appendingPathComponent("site")).count
        }
    }

    @Test func aChangeOfTextRemakesOnlyItsPageAndTheIndex() throws {
        let made = try Self.rebuildMatchesFullBuild { root in
            try Self.replace(root, "content/" + Self.file(4), "act *promptly*", "act *at once*")
        }
        // Its page and the search index; not the other pages or the listings.
        #expect(made == 2, "made \(made)")
    }

    @Test func aChangeOfATitleOthersCiteRelinksThem() throws {
        let made = try Self.rebuildMatchesFullBuild { root in
            try Self.replace(root, "content/" + Self.file(2), "title: Cemetery Policy", "title: Cemetery and Churchyard Policy")
        }
        #expect(made < (try Self.total) / 2, "made \(made)")
    }

    @Test func aDeletedFileLeavesNoPageAndNoLinksToIt() throws {
        let made = try Self.rebuildMatchesFullBuild { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent("content/" + Self.file(5)))
        }
        #expect(made < (try Self.total) / 2, "made \(made)")
    }

    @Test func aNewFileWhoseTitleOthersAlreadyMentionIsLinked() throws {
        _ = try Self.rebuildMatchesFullBuild { root in
            try TestSupport.write(["content/annex.md": Array(TestSupport.protocolFile("title: Volunteers Policy Annex\ncouncil: C\nreview: 2027-01", body: "1.1 Annex text.\n").utf8)], under: root)
        }
    }

    @Test func aClauseOthersCiteIsRemoved() throws {
        _ = try Self.rebuildMatchesFullBuild { root in
            try Self.replace(root, "content/" + Self.file(1), "2.1 The ", "The ")
        }
    }

    @Test func aCitingWordOrAliasChanges() throws {
        _ = try Self.rebuildMatchesFullBuild { root in
            try Self.replace(root, "content/finance/financial-regulations.md", "cited_as: [regulation]", "cited_as: [reg.]")
            try Self.replace(root, "content/finance/financial-regulations.md", "aliases: [the Regulations]", "aliases: [Money Rules]")
        }
    }

    @Test func aReviewDateChangesTheListingsAndSchedule() throws {
        let made = try Self.rebuildMatchesFullBuild { root in
            try Self.replace(root, "content/" + Self.file(3), "review: 2021-09", "review: 2027-09")
        }
        #expect(made < (try Self.total) / 2, "made \(made)")
    }

    @Test func emphasisInsideACitingWordStillRelinks() throws {
        _ = try Self.rebuildMatchesFullBuild { root in
            // A new citing word, which another protocol writes with emphasis inside it.
            try Self.replace(root, "content/" + Self.file(12), "council: Example Parish Council\n", "council: Example Parish Council\ncited_as: [standing order]\n")
        }
    }

    @Test func aChangeInASplitIndexKeepsTheOtherEntryChunks() throws {
        // Forty more protocols of ten clauses each: several chunks of 200 entries.
        var extra: [String: String] = [:]
        for number in 0..<40 {
            let clauses = (1...10).map { "1.\($0) Clause \($0) of annex \(number), about allotment number \($0 * number)." }.joined(separator: "\n\n")
            extra["content/annex-\(number).md"] = "---\ntitle: Annex \(number)\ncouncil: Example Parish Council\nreview: 2028-01\n---\n\n## 1. Annex\n\n" + clauses + "\n"
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PROTOSITE_SEARCH_SHARD_THRESHOLD"] = "10"
        let (made, paths) = try Self.rebuildMatchesFullBuild(extra: extra, environment: environment) { root in
            try Self.replace(root, "content/annex-20.md", "Clause 3 of annex 20", "Clause 3 of the twentieth annex")
        }
        let chunks = paths.filter { $0.hasPrefix("search/entries-") }.count
        let shards = paths.filter { $0.hasPrefix("search/terms-") }.count
        #expect(chunks >= 3)
        // The page, the entry point, the term shards and vocabulary, and the
        // chunk holding the changed entries (two if they straddle): no other chunk.
        #expect(made <= 3 + shards + 2, "made \(made) with \(shards) shards and \(chunks) chunks")
    }

    /// The search entries' fields wait in a file of the cache folder from
    /// page to index; where there is no cache folder to put it in, they
    /// wait in memory. Either way the same site comes out, and the file goes.
    @Test func searchEntriesSpooledToTheCacheMakeTheSameSiteAsEntriesHeld() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var files = Self.project()
        for number in 0..<12 {
            let clauses = (1...20).map { "1.\($0) Clause \($0) of schedule \(number), on hedge number \($0 * number)." }.joined(separator: "\n\n")
            files["content/schedule-\(number).md"] = "---\ntitle: Schedule \(number)\ncouncil: Example Parish Council\nreview: 2028-01\n---\n\n" + clauses + "\n"
        }
        try TestSupport.write(files.mapValues { Array($0.utf8) }, under: root)
        // No cache folder can be made for "held": a file stands where it would.
        try Data("not a folder".utf8).write(to: root.appendingPathComponent(".held.protosite-cache"))
        for threshold in ["10", "100000"] {
            var environment = ProcessInfo.processInfo.environment
            environment["PROTOSITE_SEARCH_SHARD_THRESHOLD"] = threshold
            try Self.build(root, output: "site", fresh: true, environment: environment)
            try Self.build(root, output: "held", fresh: true, environment: environment)
            let spooled = try TestSupport.snapshot(root.appendingPathComponent("site"))
            let held = try TestSupport.snapshot(root.appendingPathComponent("held"))
            #expect(spooled.keys.contains { $0.hasPrefix(threshold == "10" ? "search/entries-" : "search-index.json") })
            #expect(spooled == held)
            let cache = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".site.protosite-cache").path)
            #expect(cache.sorted() == ["records.pack", "state"])
            // The records stored from the spool serve the next build.
            try Self.replace(root, "content/schedule-3.md", "hedge number 6.", "hedge number six.")
            try Self.build(root, output: "site", environment: environment)
            try Self.build(root, output: "held", fresh: true, environment: environment)
            #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == TestSupport.snapshot(root.appendingPathComponent("held")))
            try Self.replace(root, "content/schedule-3.md", "hedge number six.", "hedge number 6.")
        }
    }

    /// A link standing where the cache folder goes is not followed: the
    /// search entries stay in memory and nothing is written where it points.
    @Test func aCacheFolderThatIsALinkIsNeitherSpooledIntoNorWritten() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(Self.project().mapValues { Array($0.utf8) }, under: root)
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(".site.protosite-cache"), withDestinationURL: elsewhere)
        try Self.build(root)
        try Self.build(root, output: "fresh", fresh: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == TestSupport.snapshot(root.appendingPathComponent("fresh")))
    }

    @Test func nothingChangedWritesNothing() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(Self.project().mapValues { Array($0.utf8) }, under: root)
        let first = try Self.build(root)
        let page = root.appendingPathComponent("site/" + Self.file(0).replacingOccurrences(of: ".md", with: "/index.html"))
        let before = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        let second = try Self.build(root)
        #expect(Self.made(second) == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date == before)
        #expect(Self.warnings(first) == Self.warnings(second))
    }

    @Test func aSiteEditedByHandIsMadeWholeAgain() throws {
        let root = try Self.builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try TestSupport.snapshot(root.appendingPathComponent("site"))
        try Data("edited".utf8).write(to: root.appendingPathComponent("site/index.html"))
        try Self.build(root)
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == expected)
    }

    // The records are the cache's bulk (150 MB at ten thousand protocols):
    // when the site was changed they are not read at all. Damaged here, a
    // read of them would say so.
    @Test func aSiteEditedByHandIsMadeWholeWithoutReadingTheLastBuildsRecords() throws {
        let root = try Self.builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try TestSupport.snapshot(root.appendingPathComponent("site"))
        try Data("edited".utf8).write(to: root.appendingPathComponent("site/index.html"))
        try Data(repeating: 0xFF, count: 64).write(to: root.appendingPathComponent(".site.protosite-cache/records.pack"))
        let stderr = try Self.build(root)
        #expect(stderr.contains("was changed since the last build"), "\(stderr)")
        #expect(!stderr.contains("damaged"), "\(stderr)")
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == expected)
    }

    @Test func manyRebuildsKeepTheCacheSmallAndTheSiteRight() throws {
        let root = try Self.builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        func packSize() throws -> Int {
            let pack = root.appendingPathComponent(".site.protosite-cache/records.pack")
            let attributes = try FileManager.default.attributesOfItem(atPath: pack.path)
            return try #require(attributes[.size] as? Int)
        }
        let first = try packSize()
        var largest = first, previous = first, shrank = false
        for round in 1...40 {
            let path = "content/" + Self.file(round % 3)
            let text = try #require(Self.project()[path]).replacingOccurrences(of: "2.2 Words", with: "2.2 Round \(round). Words")
            try TestSupport.write([path: Array(text.utf8)], under: root)
            #expect(Self.made(try Self.build(root)) ?? 0 < 10)
            let size = try packSize()
            largest = max(largest, size)
            if size < previous { shrank = true }
            previous = size
        }
        // Appended to while at most half stale, then written afresh.
        #expect(shrank)
        #expect(largest <= 2 * first + 4096, "pack grew to \(largest) from \(first)")
        try Self.build(root, output: "fresh", fresh: true)
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == TestSupport.snapshot(root.appendingPathComponent("fresh")))
    }

    @Test func theCacheAndSpareStandBesideTheOutputNotInTheProject() throws {
        let project = try TestSupport.temporaryFolder(), elsewhere = try TestSupport.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: project)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try TestSupport.write(Self.project().mapValues { Array($0.utf8) }, under: project)
        let output = elsewhere.appendingPathComponent("public")
        for round in 0..<2 {
            if round == 1 { try Self.replace(project, "content/" + Self.file(4), "act *promptly*", "act *at once*") }
            let result = try TestSupport.run(["build", "--root", project.path, "--output", output.path, "--today", "2026-11-23"])
            #expect(result.status == 0)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path) == ["content"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted() == [".public.protosite-cache", ".public.protosite-spare", "public"])
    }

    @Test func aDamagedCacheCostsOnlyAFullBuild() throws {
        let root = try Self.builtProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try TestSupport.snapshot(root.appendingPathComponent("site"))
        let cache = root.appendingPathComponent(".site.protosite-cache")
        let walker = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)
        var damaged = 0
        while let url = walker?.nextObject() as? URL {
            guard let bytes = FileManager.default.contents(atPath: url.path), bytes.count > 16 else { continue }
            try Data(bytes.prefix(bytes.count / 2) + Data(repeating: 0xFF, count: 9)).write(to: url)
            damaged += 1
        }
        #expect(damaged > 1)
        let stderr = try Self.build(root)
        #expect(Self.made(stderr) == expected.count)
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == expected)
        // Said under --verbose, not swallowed.
        #expect(stderr.contains("cache: ") && stderr.contains("damaged"), "\(stderr)")
    }

    @Test func aCacheThatCannotBeWrittenIsReportedUnderVerbose() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(Self.project().mapValues { Array($0.utf8) }, under: root)
        // A file where the cache folder goes: the site builds, and says why the next build will be a full one.
        try Data("not a folder".utf8).write(to: root.appendingPathComponent(".site.protosite-cache"))
        let stderr = try Self.build(root)
        #expect(stderr.contains("cache: ") && stderr.contains("the next build makes everything"), "\(stderr)")
        let quiet = try TestSupport.run(["build", "--root", root.path, "--today", "2026-11-23"])
        #expect(quiet.status == 0)
        #expect(!quiet.stderr.contains("cache: "), "only under --verbose")
    }
}

@Suite("Name keys")
struct NameKeysTests {
    static let summary = LinkSummary(path: "content/finance/financial-regulations.md", slug: "financial-regulations", title: "Financial Regulations",
                                     aliases: ["Money Rules"], citedAs: ["reg."], anchors: [], clauses: [])

    @Test(arguments: [
        "See the financial regulations.", "FINANCIAL   REGULATIONS", "the *Fin*ancial Regulations", "per reg. 4", "regs 2 and 3",
        "[link](../finance/financial-regulations.md#clause-1)", "&#70;inancial", "money rules apply",
    ])
    func aTextThatMayNameTheDocumentIsCaught(_ text: String) {
        #expect(NameKeys.mayName(Array(text.utf8), anyOf: NameKeys.of(Self.summary)))
    }

    @Test(arguments: ["Nothing relevant here.", "financial planning", "rules for spending"])
    func aTextThatCannotNameItIsNot(_ text: String) {
        #expect(!NameKeys.mayName(Array(text.utf8), anyOf: NameKeys.of(Self.summary)))
    }
}

/// Earlier versions in rebuilds: a version file is an input of the build's
/// key (any change under versions/ is a full build), and a protocol's
/// version pages are made again with its own page.
@Suite("Incremental builds with earlier versions")
struct IncrementalVersionTests {
    static let version = "---\nadopted: 2019-06-01\n---\n\n## 1. Scope\n\n1.1 This policy applies to staff. See clause 2.1 of the Burial Ground Policy.\n\n## 2. Duties\n\n2.1 Words for allotments.\n"
    static let extra = ["versions/allotments/2019-06-01.md": version]

    static func rebuild(_ edit: (URL) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> (made: Int, paths: [String]) {
        try IncrementalBuildTests.rebuildMatchesFullBuild(extra: extra, environment: nil, edit, sourceLocation: sourceLocation)
    }

    @Test func anEditedVersionFileRebuildsInFullAndEqualsAFullBuild() throws {
        let result = try Self.rebuild { root in
            try IncrementalBuildTests.replace(root, "versions/allotments/2019-06-01.md", "applies to staff", "applies to councillors")
        }
        #expect(result.paths.contains("allotments/versions/2019-06-01/index.html"))
    }

    @Test func aRemovedVersionFileTakesItsPagesAway() throws {
        let result = try Self.rebuild { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent("versions/allotments/2019-06-01.md"))
        }
        #expect(!result.paths.contains { $0.hasPrefix("allotments/versions/") || $0.hasPrefix("allotments/changes/") })
    }

    @Test func anEditedCurrentTextRemakesItsChangesPage() throws {
        let result = try Self.rebuild { root in
            try IncrementalBuildTests.replace(root, "content/allotments.md", "act *promptly*", "act *at once*")
        }
        // Its page, its version page and changes page, the listings (its changes are in protocols.json) and the index.
        #expect(result.made < 20, "made \(result.made)")
    }

    @Test func anEditElsewhereKeepsTheVersionPages() throws {
        let result = try Self.rebuild { root in
            try IncrementalBuildTests.replace(root, "content/" + IncrementalBuildTests.file(4), "act *promptly*", "act *at once*")
        }
        #expect(result.made == 2, "made \(result.made)")
        #expect(result.paths.contains("allotments/changes/index.html"))
    }
}

/// A site too large to keep its parsed trees until linking parses each
/// file again when it links it; what it makes is the same.
@Suite("Sites too large to keep their trees")
struct TreeBudgetTests {
    static func plans(_ files: [String: String]) throws -> (kept: SiteBuilder.Plan, reparsed: SiteBuilder.Plan) {
        let kept = try SiteBuilder(fileSystem: .memory(files), today: TestSupport.today).plan()
        var builder = SiteBuilder(fileSystem: .memory(files), today: TestSupport.today)
        builder.treeBudget = 0
        return (kept, try builder.plan())
    }

    /// Under the budget a parsed file is never parsed again, so its tree
    /// is all that is kept of it; over it the bytes stay to be parsed again.
    @Test func aFileWhoseTreeIsKeptKeepsNoBytesBesideIt() throws {
        var diagnostics: [Diagnostic] = []
        let sources = try SiteLoader(fileSystem: .memory(IncrementalBuildTests.project())).load(diagnostics: &diagnostics)
        var context = BuildContext(sources, today: TestSupport.today, diagnostics: &diagnostics)
        let kept = context.parse(sources.contentFiles, previous: nil)
        #expect(kept.keepsTrees && !kept.protocols.isEmpty)
        #expect(kept.protocols.allSatisfy { $0.document != nil && $0.source.bytes.isEmpty })
        context.treeBudget = 0
        let reparsed = context.parse(sources.contentFiles, previous: nil)
        #expect(!reparsed.keepsTrees)
        #expect(reparsed.protocols.allSatisfy { $0.document == nil && !$0.source.bytes.isEmpty })
    }

    @Test func aSiteParsedTwiceMakesTheSameFilesAndSaysTheSame() throws {
        let (kept, reparsed) = try Self.plans(IncrementalBuildTests.project())
        #expect(!kept.outputs.isEmpty)
        #expect(kept.outputs == reparsed.outputs)
        #expect(kept.diagnostics == reparsed.diagnostics)
        #expect(kept.site?.protocols.count == reparsed.site?.protocols.count)
    }

    /// Trees parsed again where needed, or packed between stages: the same example.
    @Test(arguments: [false, true])
    func theExampleWithItsEarlierVersionsIsTheSameParsedAgainOrPacked(packed: Bool) throws {
        let disk = FileSystem.disk(root: TestSupport.packageRoot.path)
        let kept = try SiteBuilder(fileSystem: disk, today: TestSupport.today).plan()
        var builder = SiteBuilder(fileSystem: disk, today: TestSupport.today)
        if packed { builder.packBudget = 0 } else { builder.treeBudget = 0 }
        let reparsed = try builder.plan()
        #expect(kept.outputs.contains { $0.path.contains("/versions/") })
        #expect(kept.outputs == reparsed.outputs)
        #expect(kept.diagnostics == reparsed.diagnostics)
    }

    @Test func withAnErrorTheOthersWarningsAreStillReported() throws {
        var files = IncrementalBuildTests.project()
        files["content/broken.md"] = "---\ntitle: [unclosed\n---\nText\n"
        let (kept, reparsed) = try Self.plans(files)
        #expect(kept.diagnostics.hasErrors)
        #expect(kept.diagnostics == reparsed.diagnostics)
        #expect(kept.diagnostics.contains { $0.severity == .warning })
    }
}

@Suite("Sites large enough to pack their trees")
struct PackBudgetTests {
    @Test func aPackedSiteMakesTheSameFilesAndSaysTheSame() throws {
        let files = IncrementalBuildTests.project()
        let plain = try SiteBuilder(fileSystem: .memory(files), today: TestSupport.today).plan()
        var builder = SiteBuilder(fileSystem: .memory(files), today: TestSupport.today)
        builder.packBudget = 0
        let packed = try builder.plan()
        #expect(!plain.outputs.isEmpty && !plain.diagnostics.isEmpty)
        #expect(packed.outputs == plain.outputs)
        #expect(packed.diagnostics == plain.diagnostics)
    }

    @Test func overTheBudgetEveryKeptTreeIsPacked() throws {
        var diagnostics: [Diagnostic] = []
        let sources = try SiteLoader(fileSystem: .memory(IncrementalBuildTests.project())).load(diagnostics: &diagnostics)
        var context = BuildContext(sources, today: TestSupport.today, diagnostics: &diagnostics)
        let plain = context.parse(sources.contentFiles, previous: nil)
        #expect(!plain.packsTrees && plain.protocols.allSatisfy { if case .tree? = $0.document { true } else { false } })
        context.packBudget = 0
        var packed = context.parse(sources.contentFiles, previous: nil)
        #expect(packed.packsTrees && packed.protocols.allSatisfy { if case .packed? = $0.document { true } else { false } })
        let linked = context.link(&packed, changes: ChangeSet(packed, previous: nil))
        #expect(linked.entries.allSatisfy { if case .packed? = $0.document { true } else { false } })
    }
}
