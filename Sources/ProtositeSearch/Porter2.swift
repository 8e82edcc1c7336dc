/// The Snowball English ("Porter2") stemmer, as published at snowballstem.org
/// (algorithms/english.sbl, with the 2025 exceptions: gener, commun, arsen,
/// past, univers, later, emerg, organ, inter; -ogist). Ported by hand, step
/// for step, in the same shape as assets/porter2.js: both are checked against
/// the Snowball vocabulary in Tests/vectors/porter2.tsv. Works on Unicode
/// scalars (JavaScript: code points), so both sides stem any word alike.
public enum Porter2 {
    typealias Word = [Unicode.Scalar]

    static func isV(_ c: Unicode.Scalar) -> Bool {
        c == "a" || c == "e" || c == "i" || c == "o" || c == "u" || c == "y"
    }
    /// Not a vowel, nor w, x or Y (a consonant y).
    static func isNonVWXY(_ c: Unicode.Scalar) -> Bool { !isV(c) && c != "w" && c != "x" && c != "Y" }
    static let validLI: Set<Unicode.Scalar> = ["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]

    /// Whole words with a stem of their own (Snowball's exception1).
    static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
        "only": "onli", "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
        "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
    /// Word starts whose R1 begins right after them (generate/general, …).
    static let regionPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"]
        .map { Word($0.unicodeScalars) }

    // Longest first, so the first that fits is the longest, as Snowball's `among`.
    static let step2: [(Word, Word)] = [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"), ("alism", "al"),
        ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("ogist", "og"), ("enci", "ence"),
        ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"),
        ("ogi", "og"), ("li", ""),
    ].map { (Word($0.0.unicodeScalars), Word($0.1.unicodeScalars)) }
    static let step3: [(Word, Word)] = [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ].map { (Word($0.0.unicodeScalars), Word($0.1.unicodeScalars)) }
    static let step4: [Word] = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
                                "ive", "ize", "ion", "al", "er", "ic"].map { Word($0.unicodeScalars) }
    static let step1bSuffixes: [Word] = ["eedly", "ingly", "edly", "eed", "ing", "ed"].map { Word($0.unicodeScalars) }
    static let step1bEnds: [Word] = ["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].map { Word($0.unicodeScalars) }

    static func ends(_ w: Word, _ suffix: Word) -> Bool {
        guard suffix.count <= w.count else { return false }
        return w[(w.count - suffix.count)...].elementsEqual(suffix)
    }
    static func ends(_ w: Word, _ suffix: String) -> Bool { ends(w, Word(suffix.unicodeScalars)) }
    static func replaceEnd(_ w: inout Word, _ length: Int, _ by: Word) {
        w.replaceSubrange((w.count - length)..., with: by)
    }

    /// A short syllable ends at `k`: consonant, vowel, consonant not w/x/Y; or a vowel then consonant opening the word; or "past".
    static func shortSyllable(_ w: Word, _ k: Int) -> Bool {
        if k >= 3, isNonVWXY(w[k - 1]), isV(w[k - 2]), !isV(w[k - 3]) { return true }
        if k == 2, !isV(w[1]), isV(w[0]) { return true }
        return k >= 4 && w[k - 4] == "p" && w[k - 3] == "a" && w[k - 2] == "s" && w[k - 1] == "t"
    }

    /// R1 and R2: where the region after the first (and second) vowel–consonant pair begins.
    static func regions(_ w: Word) -> (p1: Int, p2: Int) {
        let n = w.count
        func after(_ start: Int) -> Int {
            var i = start
            while i < n, !isV(w[i]) { i += 1 }
            if i >= n { return n }
            while i < n, isV(w[i]) { i += 1 }
            return i >= n ? n : i + 1
        }
        let p1 = regionPrefixes.first { w.starts(with: $0) }?.count ?? after(0)
        return (p1, p1 >= n ? n : after(p1))
    }

    static func step1a(_ w: inout Word) {
        for apostrophe in ["'s'", "'s", "'"] where ends(w, apostrophe) {
            w.removeLast(apostrophe.unicodeScalars.count)
            break
        }
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ied") || ends(w, "ies") {
            replaceEnd(&w, 3, w.count - 3 >= 2 ? ["i"] : ["i", "e"])
        } else if ends(w, "us") || ends(w, "ss") {
            return
        } else if ends(w, "s"), w.count >= 3 {
            // The letter before the s is skipped; a vowel must come before it.
            if w[0...(w.count - 3)].contains(where: isV) { w.removeLast() }
        }
    }

    static func step1b(_ w: inout Word, _ p1: Int) {
        guard let suffix = step1bSuffixes.first(where: { ends(w, $0) }) else { return }
        let s = w.count - suffix.count
        let before = String(String.UnicodeScalarView(w[0..<s]))
        let name = String(String.UnicodeScalarView(suffix))
        if name == "eed" || name == "eedly" {
            if s >= p1, !["proc", "exc", "succ"].contains(before) { replaceEnd(&w, suffix.count, ["e", "e"]) }
            return
        }
        if name == "ing" {
            // dying → die, lying → lie; inning, outing, … are left alone.
            if s == 2, w[1] == "y", !isV(w[0]) { replaceEnd(&w, 4, ["i", "e"]); return }
            if ["inn", "out", "cann", "herr", "earr", "even"].contains(before) { return }
        }
        guard w[0..<s].contains(where: isV) else { return }
        w.removeLast(suffix.count)
        if let end = step1bEnds.first(where: { ends(w, $0) }) {
            if end[0] != end[1] {
                w.append("e") // at, bl, iz
            } else if !(w.count == 3 && (w[0] == "a" || w[0] == "e" || w[0] == "o")) {
                w.removeLast()
            }
            return
        }
        if s == p1, shortSyllable(w, w.count) { w.append("e") }
    }

    static func step1c(_ w: inout Word) {
        let n = w.count
        if n >= 3, w[n - 1] == "y" || w[n - 1] == "Y", !isV(w[n - 2]) { w[n - 1] = "i" }
    }

    static func step2(_ w: inout Word, _ p1: Int) {
        guard let (suffix, by) = step2.first(where: { ends(w, $0.0) }) else { return }
        let s = w.count - suffix.count
        guard s >= p1 else { return }
        if suffix == ["o", "g", "i"], w[s - 1] != "l" { return }
        if suffix == ["l", "i"], !validLI.contains(w[s - 1]) { return }
        replaceEnd(&w, suffix.count, by)
    }

    static func step3(_ w: inout Word, _ p1: Int, _ p2: Int) {
        guard let (suffix, by) = step3.first(where: { ends(w, $0.0) }) else { return }
        let s = w.count - suffix.count
        guard s >= p1, !(suffix == Word("ative".unicodeScalars) && s < p2) else { return }
        replaceEnd(&w, suffix.count, by)
    }

    static func step4(_ w: inout Word, _ p2: Int) {
        guard let suffix = step4.first(where: { ends(w, $0) }) else { return }
        let s = w.count - suffix.count
        guard s >= p2 else { return }
        if suffix == ["i", "o", "n"], w[s - 1] != "s", w[s - 1] != "t" { return }
        w.removeLast(suffix.count)
    }

    static func step5(_ w: inout Word, _ p1: Int, _ p2: Int) {
        let s = w.count - 1
        guard s >= 1 else { return }
        if w[s] == "e" {
            if s >= p2 || (s >= p1 && !shortSyllable(w, s)) { w.removeLast() }
        } else if w[s] == "l" {
            if s >= p2, w[s - 1] == "l" { w.removeLast() }
        }
    }

    /// The Snowball English stem of a folded word.
    public static func stem(_ word: String) -> String {
        if let exception = exceptions[word] { return exception }
        var w = Word(word.unicodeScalars)
        guard w.count >= 3 else { return word }
        if w[0] == "'" { w.removeFirst() }
        if w.first == "y" { w[0] = "Y" }
        if w.count > 1 {
            for i in 1..<w.count where w[i] == "y" && isV(w[i - 1]) { w[i] = "Y" }
        }
        let (p1, p2) = regions(w)
        step1a(&w)
        step1b(&w, p1)
        step1c(&w)
        step2(&w, p1)
        step3(&w, p1, p2)
        step4(&w, p2)
        step5(&w, p1, p2)
        return String(String.UnicodeScalarView(w.map { $0 == "Y" ? "y" : $0 }))
    }
}
