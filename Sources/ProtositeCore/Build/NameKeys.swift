import Foundation

/// A quick and cautious test of whether a document's text may name another
/// document, so an incremental build links again only the documents that
/// could link differently. It may say yes wrongly (that costs time), never
/// no wrongly: a document can only cite another by one of its names, its
/// citing words or its file name, so each of those must appear in its
/// source, give or take case and inline markup.
enum NameKeys {
    /// For each name (title, alias, citing word) its words, lower case;
    /// and the file's own name as a name of one word.
    static func of(_ summary: LinkSummary) -> [[[UInt8]]] {
        var keys: [[[UInt8]]] = []
        for name in [summary.title] + summary.aliases + summary.citedAs {
            let bytes = lowered(Array(name.utf8))
            let words = bytes.split { !isWordByte($0) }.map(Array.init)
            if !words.isEmpty {
                keys.append(words)
            } else {
                // A name of punctuation only (`§`): the whole of it.
                let trimmed = bytes.filter { $0 != 0x20 }
                if !trimmed.isEmpty { keys.append([trimmed]) }
            }
        }
        let file = summary.path.split(separator: "/").last.map(String.init) ?? summary.path
        keys.append([lowered(Array(file.utf8))])
        return keys
    }

    /// Whether the source holds every word of one of the names.
    static func mayName(_ source: [UInt8], anyOf names: [[[UInt8]]]) -> Bool {
        // Inline markup can split a word in the source (`Regu*lation*`), and
        // a character reference can spell one (`&#82;egulation`).
        var text: [UInt8] = []
        text.reserveCapacity(source.count)
        var previous: UInt8 = 0
        for byte in source {
            if previous == 0x26, isWordByte(byte) || byte == 0x23 { return true }
            previous = byte
            switch byte {
            case 0x2A, 0x5F, 0x60, 0x7E, 0x5C: continue // * _ ` ~ \
            case 0x41...0x5A: text.append(byte + 32)
            default: text.append(byte)
            }
        }
        return text.withUnsafeBytes { haystack in
            names.contains { words in
                words.allSatisfy { word in word.withUnsafeBytes { contains(haystack, $0) } }
            }
        }
    }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let start = haystack.baseAddress, let first = needle.first else { return needle.isEmpty }
        var offset = 0
        while offset + needle.count <= haystack.count {
            guard let found = memchr(start + offset, Int32(first), haystack.count - needle.count - offset + 1) else { return false }
            let at = start.distance(to: UnsafeRawPointer(found))
            if memcmp(start + at, needle.baseAddress!, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }

    private static func lowered(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
    }

    /// Letters, digits and any byte of a non-ASCII character.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte >= 0x80
    }
}
