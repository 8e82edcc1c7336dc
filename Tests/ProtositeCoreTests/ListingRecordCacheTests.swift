import Foundation
import Testing
@testable import ProtositeCore

/// A protocol's listing survives the cache as it was, every field and a
/// date's precision with it; equal listings have equal bytes and unequal
/// ones differ, so the next build can tell a changed listing by its bytes;
/// damaged bytes are refused, not trusted and not a crash.
@Suite("Listings in the build cache")
struct ListingRecordCacheTests {
    static func roundTrip(_ listing: ProtocolListing) -> ProtocolListing? {
        record(DocumentRecord.encodeListing(listing)).decodeListing()
    }

    static func record(_ listing: [UInt8]) -> DocumentRecord {
        DocumentRecord(path: "content/a.md", sourceHash: 1,
                       summary: LinkSummary(path: "content/a.md", slug: "a", title: "A", aliases: [], citedAs: [], anchors: [], clauses: []),
                       references: [], diagnostics: [], listing: listing, search: [])
    }

    static func day(_ text: String) -> ProtocolDate {
        guard case .success(let date) = DateParser.parse(text) else { fatalError("not a date: \(text)") }
        return date
    }

    /// Every optional field present, several history rows, versions with changes.
    static let full = ProtocolListing(
        path: "content/finance/regulations.md",
        metadata: ProtocolMetadata(
            title: "Financial Regulations – “2024” édition", slug: "financial-regulations", council: "Little Snoring Parish Council",
            status: .superseded, adopted: day("2019-05-14"), reviewed: day("2024-03"), review: day("29 February 2028"),
            version: "3.1", aliases: ["Fin Regs", "the Regulations"], citedAs: ["regulation", "financial regulation"],
            summary: "How the council spends, banks and accounts.\nTwo lines.", tags: ["finance", "audit", ""],
            history: [
                HistoryEntry(date: day("2019-05-14"), version: "1.0", change: "Adopted.", review: day("2020-05")),
                HistoryEntry(date: day("2021-06"), version: nil, change: "Thresholds raised.", review: nil),
                HistoryEntry(date: nil, version: "3.1", change: nil, review: day("2024-03-31")),
                HistoryEntry(date: nil, version: nil, change: nil, review: nil),
            ]),
        clauseCount: 42,
        versions: VersionListing(
            dates: ["2019-05-14", "2021-06-01"],
            changes: [
                VersionListing.Change(from: "2021-06-01", to: nil, clauses: [
                    VersionListing.Clause(kind: "changed", clause: "4.2", was: "4.1"),
                    VersionListing.Clause(kind: "added", clause: "4.3(a)", was: nil),
                ]),
                VersionListing.Change(from: "2019-05-14", to: "2021-06-01", clauses: [VersionListing.Clause(kind: "removed", clause: "9", was: nil)]),
                VersionListing.Change(from: "2018-01-01", to: "2019-05-14", clauses: []),
            ]))

    /// Every optional field absent, every list empty.
    static let bare = ProtocolListing(path: "content/a.md", metadata: ProtocolMetadata(title: "", slug: "a"), clauseCount: 0)

    @Test func aListingWithEveryFieldComesBackAsItWas() throws {
        #expect(Self.full.metadata.adopted != nil && Self.full.metadata.council != nil && Self.full.versions.changes.count == 3)
        #expect(Self.roundTrip(Self.full) == Self.full)
    }

    @Test func aListingWithNothingOptionalComesBackAsItWas() throws {
        #expect(Self.roundTrip(Self.bare) == Self.bare)
    }

    @Test(arguments: ProtocolStatus.allCases)
    func everyStatusComesBackAsItWas(status: ProtocolStatus) throws {
        var listing = Self.full
        listing.metadata.status = status
        #expect(Self.roundTrip(listing) == listing)
    }

    /// A month is due at its end, a day on the day: `2024-03` must not come
    /// back as `2024-03-01`, nor the other way round.
    @Test func aMonthStaysAMonthAndADayStaysADay() throws {
        for text in ["2024-03", "2024-03-01", "2024-03-31", "0001-01", "9999-12-31"] {
            var listing = Self.bare
            listing.metadata.review = Self.day(text)
            listing.metadata.history = [HistoryEntry(date: Self.day(text), version: nil, change: nil, review: Self.day(text))]
            let back = try #require(Self.roundTrip(listing))
            #expect(back == listing)
            #expect(back.metadata.review?.description == text)
        }
    }

    /// Listings that differ anywhere, even only in an absent value against
    /// an empty one or in how a list is split, have different bytes.
    @Test func unequalListingsHaveUnequalBytesAndEqualOnesEqual() throws {
        var variants = [Self.full, Self.bare]
        func variant(_ change: (inout ProtocolListing) -> Void) {
            var listing = Self.full
            change(&listing)
            variants.append(listing)
        }
        variant { $0.path += "x" }
        variant { $0.metadata.title = "Financial Regulations" }
        variant { $0.metadata.council = nil }
        variant { $0.metadata.council = "" }
        variant { $0.metadata.status = .withdrawn }
        variant { $0.metadata.adopted = nil }
        variant { $0.metadata.reviewed = Self.day("2024-03-01") }
        variant { $0.metadata.review = Self.day("2028-02") }
        variant { $0.metadata.version = nil }
        variant { $0.metadata.aliases = ["Fin RegsThe Regulations"] }
        variant { $0.metadata.aliases = ["Fin Regs"] }
        variant { $0.metadata.citedAs.reverse() }
        variant { $0.metadata.summary = nil }
        variant { $0.metadata.tags.removeLast() }
        variant { $0.metadata.history[1].review = Self.day("2021-06") }
        variant { $0.metadata.history[2].version = "" }
        variant { $0.metadata.history.removeLast() }
        variant { $0.clauseCount = 0 }
        variant { $0.versions.dates.removeFirst() }
        variant { $0.versions.changes[0].to = "2021-06-01" }
        variant { $0.versions.changes[0].clauses[1].was = "" }
        variant { $0.versions.changes[1].clauses[0].kind = "changed" }
        variant { $0.versions.changes.removeLast() }
        let bytes = variants.map(DocumentRecord.encodeListing)
        for (index, listing) in variants.enumerated() {
            #expect(DocumentRecord.encodeListing(listing) == bytes[index], "the same listing, the same bytes")
            for other in variants.indices where other > index {
                #expect((bytes[index] == bytes[other]) == (listing == variants[other]), "variants \(index) and \(other)")
            }
        }
    }

    // MARK: Corpora

    /// Every protocol's listing as the build makes it, versions included.
    static func listings(_ root: URL, today: CalendarDay) throws -> [ProtocolListing] {
        let fileSystem = FileSystem.disk(root: root.path)
        let plan = try SiteBuilder(fileSystem: fileSystem, today: today).plan()
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        var diagnostics: [Diagnostic] = []
        let versionFiles = try SiteLoader(fileSystem: fileSystem).load(diagnostics: &diagnostics).versionFiles
        return try #require(plan.site).protocols.map { linked in
            let document = linked.document
            let files = VersionSources.files(versionFiles, of: document.metadata.slug)
            guard !files.isEmpty else { return ProtocolListing(document) }
            let earlier = VersionSources.parse(files, current: document.metadata, config: plan.config, diagnostics: &diagnostics)
            return ProtocolListing(document, versions: VersionHistory(current: document, earlier: earlier).listing)
        }
    }

    static func expectEachComesBack(_ listings: [ProtocolListing], atLeast count: Int) {
        #expect(listings.count >= count)
        for listing in listings {
            #expect(roundTrip(listing) == listing, "\(listing.path)")
        }
    }

    @Test func everyExampleListingComesBackAsItWas() throws {
        let listings = try Self.listings(TestSupport.packageRoot, today: ProtocolPageWriterTests.today)
        Self.expectEachComesBack(listings, atLeast: 4)
        #expect(listings.contains { !$0.versions.changes.isEmpty }, "the example's earlier versions are listed")
    }

    @Test(.enabled(if: ListingPageWriterTests.sharedCorpora.allSatisfy { TestSupport.hasShared($0.0) },
                   "../shared/corpus, corpus-numbering or corpus-versions is not beside the checkout"),
          arguments: ListingPageWriterTests.sharedCorpora)
    func everySharedCorpusListingComesBackAsItWas(root: URL, today: CalendarDay) throws {
        let listings = try Self.listings(root, today: today)
        Self.expectEachComesBack(listings, atLeast: 1)
        if root == TestSupport.versionsRoot {
            #expect(listings.contains { !$0.versions.changes.isEmpty }, "corpus-versions lists its changes")
        }
    }

    /// The listings a build keeps are the ones made here, byte for byte.
    @Test func theBuildKeepsEachListingsBytes() throws {
        let target = StateKeepingTarget()
        _ = try SiteBuilder(fileSystem: .disk(root: TestSupport.packageRoot.path), today: ProtocolPageWriterTests.today).build(into: target)
        let records = try #require(target.state).documents
        let listings = try Self.listings(TestSupport.packageRoot, today: ProtocolPageWriterTests.today)
        #expect(records.map(\.listing) == listings.map(DocumentRecord.encodeListing))
    }

    // MARK: Damage

    @Test func aListingCutShortAnywhereOrWithAByteMoreIsRefused() throws {
        for listing in [Self.full, Self.bare] {
            let bytes = DocumentRecord.encodeListing(listing)
            for length in 0..<bytes.count {
                #expect(Self.record(Array(bytes[..<length])).decodeListing() == nil, "cut to \(length) of \(bytes.count) bytes")
            }
            #expect(Self.record(bytes + [0]).decodeListing() == nil)
        }
    }

    /// Each byte in turn set to values a damaged file might hold: whatever
    /// comes back, nothing traps.
    @Test func anyByteAlteredNeverCrashes() throws {
        let bytes = DocumentRecord.encodeListing(Self.full)
        var refused = 0
        for index in bytes.indices {
            for value: UInt8 in [0, 1, 2, 3, 0x7F, 0x80, 0xFF] where value != bytes[index] {
                var damaged = bytes
                damaged[index] = value
                if Self.record(damaged).decodeListing() == nil { refused += 1 }
            }
        }
        #expect(refused > 0)
    }

    /// Values the date parser never gives are damage, not dates to trap on
    /// later (`ProtocolDate.lastDay` unwraps the day it makes).
    @Test func anImpossibleDateOrStatusIsRefused() throws {
        var out = CacheWriter()
        out.string("content/a.md")
        out.string("A")
        out.string("a")
        out.optionalString(nil)
        let head = out.bytes
        // The rest of a bare listing after its status and adopted date.
        let tail: [UInt8] = [0, 0] + [0] + ints(0, 0) + [0] + ints(0, 0, 0, 0, 0)
        let whole = head + [1] + [2] + ints(2024, 2) + tail
        let back = try #require(Self.record(whole).decodeListing(), "the undamaged bytes are a listing")
        #expect(back.metadata.status == .adopted && back.metadata.adopted == .month(year: 2024, month: 2))
        let damaged: [(status: UInt8, adopted: [UInt8])] = [
            (9, [0]), (0, [3]), (0, [2] + ints(2024, 13)), (0, [2] + ints(0, 1)), (0, [2] + ints(10_000, 1)),
            (0, [1] + ints(2023, 2, 29)), (0, [1] + ints(2024, 4, 31)), (0, [1] + ints(2024, 0, 1)),
        ]
        for (status, adopted) in damaged {
            #expect(Self.record(head + [status] + adopted + tail).decodeListing() == nil, "status \(status), adopted \(adopted)")
        }
        var negative = CacheWriter()
        negative.int(-1)
        let clauseCountAt = whole.count - 24
        #expect(Self.record(Array(whole[..<clauseCountAt]) + negative.bytes + whole[(clauseCountAt + 8)...]).decodeListing() == nil,
                "a negative clause count")
    }

    private func ints(_ values: Int...) -> [UInt8] {
        var out = CacheWriter()
        for value in values { out.int(value) }
        return out.bytes
    }
}

/// Keeps the site in memory, and the state a build leaves for the next.
private final class StateKeepingTarget: BuildTarget {
    let collector = OutputCollector()
    var state: BuildState?
    func previous(for sources: SiteSources) -> BuildState? { nil }
    func open() -> OutputSink { collector }
    var spool: EntrySpool? { nil }
    func finish(kept: [String], state: BuildState) { self.state = state }
}
