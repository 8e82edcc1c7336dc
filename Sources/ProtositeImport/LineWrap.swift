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

    /// A line of text longer than this, with no tab stop's gap in it, was
    /// not wrapped: no page is this wide.
    static let unwrappedLength = 120

    /// The export kept each paragraph on one line, as Word's plain text
    /// does: at least `minimumEvidence` lines of prose run past any page's
    /// width, and they outnumber the lines whose sentence runs on into the
    /// next line. In such an export a line break ends a paragraph.
    static func isUnwrapped(_ lines: [SourceLine]) -> Bool {
        let long = lines.count { line in
            let text = line.text.trimmingCharacters(in: .whitespaces)
            return text.count > unwrappedLength && !text.contains("   ") && !text.contains("\t")
        }
        let runOn = zip(lines, lines.dropFirst()).count { !$0.isBlank && continues($0.text, into: $1.text) }
        return long >= minimumEvidence && long > runOn
    }

    /// `… the advice of the` over `parish tree warden …`: a sentence the
    /// line break cut, which the next line carries on in small letters.
    static func continues(_ text: String, into next: String) -> Bool {
        guard let first = next.first(where: { $0 != " " && $0 != "\t" }), first.isLowercase else { return false }
        return !TextImporter.endsClause(text)
    }

    /// A line of `length` characters stopped short of `width`: the next
    /// line's first word, after a space, would have fitted on it.
    static func endedEarly(length: Int, before next: Substring, width: Int) -> Bool {
        let word = next.prefix { $0 != " " && $0 != "\t" }
        return length + 1 + word.count <= width
    }
}
