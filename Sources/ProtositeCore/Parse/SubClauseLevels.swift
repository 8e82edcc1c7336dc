/// The open sub-clause levels of one clause, as its labels are met in
/// reading order (SPEC §4 "Sub-clauses"). A label of the same kind as an
/// open level continues that level (closing the levels below it); a label
/// of another kind opens a level under the deepest. This is what lets
/// `a. … j. (i) (ii) k.` read as `1(a)`…`1(j)`, `1(j)(i)`, `1(j)(ii)`, `1(k)`
/// without the author saying which level each label is on.
struct SubClauseLevels: Sendable {
    enum Kind: Sendable, Equatable {
        case letter
        /// `aa`, `bb`: a level of its own (model codes put `(aa)` under
        /// `(ix)`), unless it carries on from `z`.
        case doubledLetter
        case roman
        case digits
    }

    struct Level: Sendable, Equatable {
        var kind: Kind
        var isUppercase: Bool
        /// The last label's letter ordinal, numeral or number, to tell
        /// whether the next label follows it.
        var position: Int
        var key: String
    }

    private(set) var levels: [Level] = []

    /// Places a label and returns the labels of its whole path (`["j",
    /// "ii"]`), or nil when it would nest deeper than a clause number may.
    mutating func place(_ label: SubClauseLabel) -> [String]? {
        let (kind, position) = reading(of: label)
        let index = continuedLevel(kind: kind, isUppercase: label.isUppercase, position: position)
        let level = Level(kind: kind, isUppercase: label.isUppercase, position: position, key: label.key)
        var next = levels
        if let index {
            next.removeSubrange((index + 1)...)
            // `aa` after `z` carries the letters on as doubled letters.
            next[index] = Level(kind: next[index].kind == .letter && kind == .doubledLetter ? .doubledLetter : kind,
                                isUppercase: label.isUppercase, position: position, key: label.key)
        } else {
            next.append(level)
        }
        guard next.count <= ClauseNumber.maximumLabels else { return nil }
        levels = next
        return levels.map(\.key)
    }

    /// Letter or numeral? `i`, `v`, `x`, `ii`, `xx` are letters only when
    /// they follow the last label of an open letter level (`h` → `i`);
    /// otherwise numerals (`(i)` under `j.` starts a roman level).
    private func reading(of label: SubClauseLabel) -> (Kind, Int) {
        if let digits = label.digitValue { return (.digits, digits) }
        let roman = label.romanValue
        guard let ordinal = label.letterOrdinal else { return (.roman, roman ?? 0) }
        let letterKind: Kind = ordinal > 26 ? .doubledLetter : .letter
        guard let roman else { return (letterKind, ordinal) }
        let followsALetter = levels.contains { level in
            (level.kind == .letter || level.kind == .doubledLetter) && level.position + 1 == ordinal
        }
        return followsALetter ? (letterKind, ordinal) : (.roman, roman)
    }

    /// The open level this label carries on, if any: the deepest of its
    /// kind and case; else the deepest of its kind in the other case that
    /// it follows (`b.` then `C.`); else, for `aa`, a letter level at `z`.
    private func continuedLevel(kind: Kind, isUppercase: Bool, position: Int) -> Int? {
        if let index = levels.lastIndex(where: { $0.kind == kind && $0.isUppercase == isUppercase }) { return index }
        if let index = levels.lastIndex(where: { $0.kind == kind && $0.position + 1 == position }) { return index }
        if kind == .doubledLetter, let index = levels.lastIndex(where: { $0.kind == .letter && $0.position + 1 == position }) { return index }
        return nil
    }
}
