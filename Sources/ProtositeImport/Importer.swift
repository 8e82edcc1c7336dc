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

    public var description: String {
        switch self {
        case .unsupported(let path): return "\(path): protosite imports Word documents (.docx) and plain-text exports (.txt)"
        case .unreadable(let path): return "\(path): cannot be read as UTF-8 text"
        }
    }
}

/// Turns exports of Word documents and PDFs into protocol Markdown.
public enum Importer {
    public static func importFile(at path: String) throws -> ImportResult {
        if path.lowercased().hasSuffix(".docx") {
            guard let data = FileManager.default.contents(atPath: path) else { throw ImportError.unreadable(path) }
            return try importDocx(data)
        }
        guard path.lowercased().hasSuffix(".txt") else { throw ImportError.unsupported(path) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ImportError.unreadable(path)
        }
        return importText(text)
    }

    /// A Word document (.docx).
    public static func importDocx(_ data: Data) throws -> ImportResult {
        var importer = try DocxImporter(data)
        return try importer.run()
    }

    /// Plain text as Word's "Save as plain text" or pdftotext write it.
    public static func importText(_ text: String) -> ImportResult {
        var importer = TextImporter(text)
        return importer.run()
    }
}
