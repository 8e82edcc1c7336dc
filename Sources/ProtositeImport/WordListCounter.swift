import Foundation

/// What Word draws before one paragraph: its label (`1.2`, `(c)`), the
/// level and the format of that level, so the writer can tell a clause
/// number from a lettered sub-clause or a bullet.
struct WordLabel: Equatable {
    var text: String
    var level: Int
    var format: WordNumbering.Format
    var isBullet: Bool { format == .bullet }
}

/// Word's counters, paragraph by paragraph in document order. A list
/// continues across headings, tables and other paragraphs until Word
/// restarts it: a level restarts when a level above it is used (or only
/// the one `w:lvlRestart` names, or never for 0), and an instance with a
/// `w:startOverride` starts that level again at its first paragraph.
struct WordListCounter {
    let numbering: WordNumbering
    /// Counters per list. Instances of one abstract definition share
    /// counters, as Word's do; an instance with overrides has its own.
    private var counters: [String: [Int?]] = [:]
    private var startedInstances: Set<String> = []

    init(_ numbering: WordNumbering) {
        self.numbering = numbering
    }

    /// Advances the list `numID` at `index` and returns the label Word
    /// shows; nil when the paragraph has no numbering to show.
    mutating func next(numID: String, level index: Int) -> WordLabel? {
        guard let instance = numbering.instances[numID], let level = numbering.level(numID: numID, index: index) else { return nil }
        let key = instance.hasOverrides ? "num:" + numID : "abstract:" + instance.abstractID
        var values = counters[key] ?? Array(repeating: nil, count: WordNumbering.maximumLevels)
        if !startedInstances.contains(numID) {
            startedInstances.insert(numID)
            for overridden in instance.startOverrides.keys { values[overridden] = nil }
        }
        func start(_ at: Int) -> Int {
            instance.startOverrides[at] ?? numbering.level(numID: numID, index: at)?.start ?? 1
        }
        if let current = values[index] {
            values[index] = min(current + 1, Int(Int32.max))
        } else {
            values[index] = start(index)
        }
        for deeper in (index + 1)..<WordNumbering.maximumLevels {
            let restart = numbering.level(numID: numID, index: deeper)?.restartAfter
            // lvlRestart is one-based: `1` restarts after level 0 only.
            if restart == nil || (restart! > 0 && index < restart!) { values[deeper] = nil }
        }
        counters[key] = values
        guard level.format != .bullet else { return WordLabel(text: level.text, level: index, format: .bullet) }
        var text = ""
        var characters = level.text.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { text.append(character); continue }
            guard let digit = characters.next() else { break }
            guard let shown = digit.wholeNumberValue, (1...WordNumbering.maximumLevels).contains(shown) else { continue }
            let at = shown - 1
            // A level below this one has no number here; Word leaves it out.
            guard at <= index else { continue }
            let value = values[at] ?? start(at)
            let format = level.isLegal ? .decimal : (numbering.level(numID: numID, index: at)?.format ?? .decimal)
            text += WordNumberText.write(value, as: format)
        }
        return WordLabel(text: text, level: index, format: level.format)
    }
}
