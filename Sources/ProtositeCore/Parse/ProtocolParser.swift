import Foundation
import ProtositeMarkdown

/// The parse stage: a source file becomes a `ProtocolDocument`, or
/// diagnostics say why it cannot.
public struct ProtocolParser: Sendable {
    public var config: SiteConfig
    /// For an earlier version (`versions/SLUG/DATE.md`), whose front matter
    /// may be partial: the title when it gives none, and no warning about a
    /// council, which the current text names.
    public var earlierVersionOf: ProtocolMetadata?

    /// Larger files are refused before cmark-gfm sees them: its parser has
    /// inputs that take quadratic time, so size is bounded.
    public static let maximumBytes = 8 * 1024 * 1024

    public init(config: SiteConfig) {
        self.config = config
    }

    public func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> ProtocolDocument? {
        guard file.bytes.count <= Self.maximumBytes else {
            diagnostics.append(.error("the file is \(file.bytes.count / 1_048_576) MB; protocols over 8 MB are not built (split it into several files)", in: file.path, line: 1, column: 1))
            return nil
        }
        guard let text = UTF8Check.decode(file.bytes, path: file.path, diagnostics: &diagnostics) else { return nil }
        let split: SplitSource
        switch FrontMatterSplitter.split(text, path: file.path) {
        case .success(let value): split = value
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let reader = FrontMatterReader(path: file.path, firstLine: split.yamlFirstLine)
        guard let reading = reader.read(split.yaml, diagnostics: &diagnostics) else { return nil }
        var resolver = MetadataResolver(path: file.path, defaultSlug: earlierVersionOf?.slug ?? SlugRules.slug(forContentPath: file.path), config: config)
        resolver.current = earlierVersionOf
        guard let metadata = resolver.resolve(reading, diagnostics: &diagnostics) else { return nil }
        if earlierVersionOf == nil, reading.frontMatter.slug == nil, let problem = SlugRules.problem(with: metadata.slug) {
            diagnostics.append(.error("this file's name gives the page address '\(metadata.slug)', which cannot be used (\(problem)); rename the file or add 'slug: …' to the front matter", in: file.path, line: 1, column: 1))
            return nil
        }

        if let refusal = MarkdownLimits.check(split.body) {
            diagnostics.append(.error(refusal.message, in: file.path, line: refusal.line + split.bodyFirstLine - 1, column: 1))
            return nil
        }
        let tree: MarkdownDocument
        do throws(MarkdownParser.Failure) {
            tree = try MarkdownParser.parse(split.body)
        } catch {
            guard case .nestedTooDeep(let line, _) = error else { return nil }
            diagnostics.append(.error("lists, quotes or emphasis are nested more than \(MarkdownParser.maximumDepth) levels deep here; protocols do not need that many", in: file.path, line: line + split.bodyFirstLine - 1, column: 1))
            return nil
        }
        if !config.unsafeHTML {
            diagnostics += RawHTMLCheck.warnings(in: tree, path: file.path, bodyFirstLine: split.bodyFirstLine)
        }
        let finder = ClauseFinder(path: file.path, bodyFirstLine: split.bodyFirstLine)
        let found = finder.find(in: NumberedLineSplitter.split(tree), diagnostics: &diagnostics)
        var reviewPosition = (line: 1, column: 1)
        if reading.frontMatter.review != nil {
            reviewPosition = reading.positions.position(of: "review")
        } else if let rows = reading.frontMatter.history, !rows.isEmpty {
            reviewPosition = reading.positions.position(ofHistoryRow: rows.count - 1, key: "review")
        }
        var document = ProtocolDocument(
            path: file.path,
            metadata: metadata,
            body: found.document,
            bodyFirstLine: split.bodyFirstLine,
            clauses: found.clauses,
            headings: found.headings
        )
        (document.reviewLine, document.reviewColumn) = reviewPosition
        return document
    }
}

/// Checks that bytes are UTF-8, naming the line and column of the first
/// byte that is not.
enum UTF8Check {
    static func decode(_ bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> String? {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                diagnostics.append(.error(String(format: "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8 text", bytes[index]), in: path, line: line, column: column))
                return nil
            }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        diagnostics.append(.error("the file is not valid UTF-8; save it as UTF-8 text", in: path, line: line, column: column))
        return nil
    }

    /// The length of a well-formed UTF-8 sequence at `index`, or 0.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let slice = Array(bytes[index..<index + length])
        return String(validating: slice, as: UTF8.self) == nil ? 0 : length
    }
}
