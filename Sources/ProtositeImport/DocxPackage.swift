import Foundation
import ZIPFoundation

/// The parts of a Word document (a ZIP of XML files) the importer reads.
struct DocxPackage {
    var document: Data
    var styles: Data?
    var numbering: Data?
    var footnotes: Data?

    init(_ data: Data) throws {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ImportError.unreadable("not a Word document (.docx is a ZIP archive)")
        }
        // Counted as it is decompressed, whatever the entry's header claims.
        var budget = Importer.maximumExpandedBytes
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var out = Data()
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                budget -= chunk.count
                guard budget >= 0 else { throw ImportError.expandsTooFar(part: path) }
                out.append(chunk)
            }
            return out
        }
        guard let document = try part("word/document.xml") else {
            throw ImportError.unreadable("the document has no word/document.xml")
        }
        self.document = document
        styles = try part("word/styles.xml")
        numbering = try part("word/numbering.xml")
        footnotes = try part("word/footnotes.xml")
    }
}
