import Foundation

/// How wide an export set its lines, and whether a line stopped short of
/// that width. A line wrapped by the export runs as far as the next word
/// allows; a line that stopped where the next word would still have fitted
/// was ended by its writer, so the next line begins something new.
enum LineWrap {
    /// Fewer wrapped lines than this say too little about the width.
    static let minimumEvidence = 3

    /// The width the export wrapped at: the median length of the lines
    /// whose sentence runs on into the next line (which starts with a
    /// small letter). The median, not the longest, so that a stray wide
    /// line does not make every line look short. Nil without evidence.
    static func width(of lines: [SourceLine]) -> Int? {
        var lengths: [Int] = []
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isBlank {
            guard let first = next.text.first(where: { $0 != " " && $0 != "\t" }), first.isLowercase else { continue }
            lengths.append(line.text.count)
        }
        guard lengths.count >= minimumEvidence else { return nil }
        return lengths.sorted()[lengths.count / 2]
    }

    /// A line of `length` characters stopped short of `width`: the next
    /// line's first word, after a space, would have fitted on it.
    static func endedEarly(length: Int, before next: Substring, width: Int) -> Bool {
        let word = next.prefix { $0 != " " && $0 != "\t" }
        return length + 1 + word.count <= width
    }
}
