import Foundation
import ProtositeSearch

/// One content file after the parse stage.
struct ParsedProtocol: Sendable {
    var source: SourceFile
    var sourceHash: UInt64
    /// The last build's record of the file at this path, if any.
    var last: DocumentRecord?
    /// Whether the file is new or its bytes differ from the last build's.
    /// An unchanged file is parsed only if it must be linked again.
    var isChanged: Bool
    /// The document, for a changed file that parsed (unless the site is too
    /// large to keep every tree until linking: see `BuildContext.defaultTreeBudget`),
    /// packed in a large site (`BuildContext.packBudget`).
    var document: KeptDocument?
    /// Whether a changed file parsed.
    var parsed = false
    /// What parsing said, review warnings included (an unchanged file's
    /// are in its record).
    var diagnostics: [Diagnostic]
    /// What linking the other documents needs of it; nil when it did not parse.
    var summary: LinkSummary?

    /// The last build's record, when the file is unchanged.
    var unchanged: DocumentRecord? { isChanged ? nil : last }
}

/// The parse stage's output: every content file, in path order.
struct ParsedSite: Sendable {
    var protocols: [ParsedProtocol]
    /// False for a site above the tree budget: no stage keeps every tree,
    /// and each file is parsed again where a tree is needed.
    var keepsTrees = true
    /// Whether kept trees are packed (a site above the pack budget).
    var packsTrees = false

    /// Whether a changed file failed to parse (its diagnostics say why).
    var failed: Bool { protocols.contains { $0.isChanged && !$0.parsed } }
}

/// A document as the parser left it, with what it had to say.
struct ParseResult: Sendable {
    var document: ProtocolDocument?
    var diagnostics: [Diagnostic]
}

extension BuildContext {
    /// Markdown, in bytes, above which no stage keeps every tree: each file
    /// is parsed when it is linked, and parsed and linked again when its page
    /// is made. Trees take about four times their Markdown's size; keeping
    /// none saved a quarter of the peak at ten thousand generated protocols
    /// (0.95 -> 0.71 GB) but cost half as much time again, so only a site
    /// larger than that (about 18,000 such protocols) pays it. A council's
    /// few dozen protocols stay far below.
    static let defaultTreeBudget = 256 << 20

    /// Markdown, in bytes, above which kept trees are packed
    /// (`KeptDocument`) from the parse stage to the page.
    static let defaultPackBudget = 32 << 20

    /// The parse stage: parses each file whose bytes differ from the last
    /// build's record of it (every file, when there is no last build).
    func parse(_ files: [SourceFile], previous: BuildState?) -> ParsedSite {
        var files = files
        return parse(&files, previous: previous)
    }

    /// The same, letting go of each file's bytes in `files` as its tree is
    /// kept, in a build from nothing (which never parses a file twice):
    /// at ten thousand protocols the files are 130 MB, held beside the
    /// trees until the last was parsed.
    func parse(_ files: inout [SourceFile], previous: BuildState?) -> ParsedSite {
        let records = Dictionary(previous?.documents.map { ($0.path, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        var protocols = files.map { file in
            let hash = StableHash.of(file.bytes)
            let record = records[file.path]
            let isChanged = record?.sourceHash != hash
            return ParsedProtocol(source: file, sourceHash: hash, last: record, isChanged: isChanged, document: nil, diagnostics: [],
                                  summary: isChanged ? nil : record?.summary)
        }
        let changed = protocols.indices.filter { protocols[$0].isChanged }
        let changedBytes = changed.reduce(0) { $0 + files[$1].bytes.count }
        let keepTrees = changedBytes <= treeBudget, packTrees = changedBytes > packBudget
        let parser = self.parser
        for start in stride(from: 0, to: changed.count, by: Self.batchSize) {
            let batch = Array(changed[start..<min(changed.count, start + Self.batchSize)])
            // Parsed and packed in one step on one core, the tree still in
            // its cache (see `linkAgain`).
            let batchFiles = batch.map { files[$0] }
            let slots = ResultSlots<ParsedFile>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { slot in
                let result = parseOne(batchFiles[slot], parser: parser)
                slots.set(slot, ParsedFile(document: keepTrees ? result.document.map { KeptDocument($0, packing: packTrees) } : nil,
                                           parsed: result.document != nil, diagnostics: result.diagnostics,
                                           summary: result.document.map(LinkSummary.init)))
            }
            for (position, result) in zip(batch, slots.values) {
                protocols[position].parsed = result.parsed
                protocols[position].document = result.document
                protocols[position].diagnostics = result.diagnostics
                protocols[position].summary = result.summary
                // With its tree kept, a changed file is never parsed again,
                // so its bytes go now rather than at the link stage: at ten
                // thousand protocols that is 130 MB not held beside the trees.
                if keepTrees, result.parsed {
                    protocols[position].source.bytes = []
                    if previous == nil { files[position].bytes = [] }
                }
            }
        }
        return ParsedSite(protocols: protocols, keepsTrees: keepTrees, packsTrees: keepTrees && packTrees)
    }

    /// One changed file after parsing, as the parse stage keeps it.
    private struct ParsedFile: Sendable {
        var document: KeptDocument?
        var parsed: Bool
        var diagnostics: [Diagnostic]
        var summary: LinkSummary?
    }

    /// Every document that parsed, parsed again where its tree was not kept.
    func documents(_ site: ParsedSite) -> [ProtocolDocument] {
        let again = site.protocols.filter { $0.parsed && $0.document == nil }
        var reparsed = parseEach(again.map(\.source)).compactMap(\.document)[...]
        return site.protocols.compactMap { $0.document?.document ?? ($0.parsed ? reparsed.popFirst() : nil) }
    }

    /// Parses on all cores (cmark-gfm itself is serialised inside
    /// `MarkdownParser`), keeping the files' order. A document's
    /// diagnostics include its review warnings, which depend on it alone.
    func parseEach(_ files: [SourceFile]) -> [ParseResult] {
        let parser = self.parser
        let slots = ResultSlots<ParseResult>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            slots.set(index, parseOne(files[index], parser: parser))
        }
        return slots.values
    }

    /// One file, parsed (`parser` is made once for many).
    func parseOne(_ file: SourceFile, parser: ProtocolParser) -> ParseResult {
        var local: [Diagnostic] = []
        let document = parser.parse(file, diagnostics: &local)
        if let document { local += ReviewWarnings.for([document], today: today, warningDays: config.reviewWarningDays) }
        return ParseResult(document: document, diagnostics: local)
    }
}
