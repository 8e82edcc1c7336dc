import Foundation

/// What an import produced: protocol Markdown with front matter, and the
/// guesses the importer was unsure of.
public struct ImportResult: Sendable {
    public var markdown: String
    public var warnings: [ImportWarning]
}

/// An unsure guess, at its line of the source file.
public struct ImportWarning: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

public enum ImportError: Error, CustomStringConvertible {
    case unsupported(String)
    case unreadable(String)
    case tooLarge(String, bytes: Int)
    /// A Word part that decompresses past `Importer.maximumExpandedBytes`.
    case expandsTooFar(part: String)

    public var description: String {
        switch self {
        case .unsupported(let path): return "\(path): protosite imports Word documents (.docx) and plain-text exports (.txt)"
        case .unreadable(let path): return "\(path): cannot be read as UTF-8 text"
        case .tooLarge(let path, let bytes):
            let megabytes = String(format: "%.1f", Double(bytes) / 1_048_576)
            return "\(path): \(megabytes) MB is more than the \(Importer.maximumTextBytes / 1_048_576) MB of text a protocol can be imported from; split the document and import each part"
        case .expandsTooFar(let part):
            return "\(part) in this Word document expands to more than \(Importer.maximumExpandedBytes / 1_048_576) MB; a protocol's text is far smaller, so the file is refused"
        }
    }
}

/// Turns exports of Word documents and PDFs into protocol Markdown.
public enum Importer {
    /// Plain text over this size is refused: the build refuses protocols
    /// over `ProtocolParser.maximumBytes` (8 MB), the Markdown is a little
    /// longer than the text, and every step stays fast below it.
    public static let maximumTextBytes = 4 * 1024 * 1024
    /// A Word file is compressed; its text is checked again after reading.
    public static let maximumDocxBytes = 32 * 1024 * 1024
    /// The parts read from a Word file, decompressed, all told: a ZIP entry
    /// can expand a thousandfold, so a 30 KB file could fill the memory.
    public static let maximumExpandedBytes = 64 * 1024 * 1024

    public static func importFile(at path: String) throws -> ImportResult {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".md"
        if path.lowercased().hasSuffix(".docx") {
            guard size <= maximumDocxBytes else { throw ImportError.tooLarge(path, bytes: size) }
            guard let data = FileManager.default.contents(atPath: path) else { throw ImportError.unreadable(path) }
            return try importDocx(data, fileName: name)
        }
        guard path.lowercased().hasSuffix(".txt") else { throw ImportError.unsupported(path) }
        guard size <= maximumTextBytes else { throw ImportError.tooLarge(path, bytes: size) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ImportError.unreadable(path)
        }
        return try importText(text, fileName: name)
    }

    /// A Word document (.docx). `fileName` is the name the Markdown will
    /// have: the build check reads it under that name, as the build will.
    public static func importDocx(_ data: Data, fileName: String = "imported.md") throws -> ImportResult {
        var importer = try DocxImporter(data, fileName: fileName)
        return try importer.run()
    }

    /// Plain text as Word's "Save as plain text" or pdftotext write it.
    /// `fileName` is the name the Markdown will have (`standing-orders.md`):
    /// the build check reads it under that name, as the build will.
    public static func importText(_ text: String, fileName: String = "imported.md") throws -> ImportResult {
        guard text.utf8.count <= maximumTextBytes else { throw ImportError.tooLarge(fileName, bytes: text.utf8.count) }
        var importer = TextImporter(text, fileName: fileName)
        return importer.run()
    }
}
