import Foundation

/// Word's automatic numbering as `word/numbering.xml` defines it: the
/// abstract definitions (`w:abstractNum`, nine `w:lvl` each) and the
/// instances paragraphs point at (`w:num`, with `w:lvlOverride`). Read
/// once into values; `WordListCounter` walks the paragraphs with it.
/// Clause numbers in Word are not in the text, so this is where a council's
/// `1.1`, `(a)` and `(ii)` come from.
struct WordNumbering {
    /// Word has nine levels (`w:ilvl` 0 … 8); anything deeper in a file is
    /// ignored, so a hostile definition costs no more than a real one.
    static let maximumLevels = 9
    /// Word refuses start values above 32767; clamping keeps counters far
    /// from overflow however many paragraphs follow.
    static let maximumStart = 32767

    enum Format: Equatable {
        case decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
        /// A format protosite does not draw (`ordinalText`, `chineseCounting`…):
        /// written in digits, with a warning.
        case other(String)

        init(_ value: String?) {
            switch value ?? "decimal" {
            case "decimal": self = .decimal
            case "decimalZero": self = .decimalZero
            case "lowerLetter": self = .lowerLetter
            case "upperLetter": self = .upperLetter
            case "lowerRoman": self = .lowerRoman
            case "upperRoman": self = .upperRoman
            case "bullet": self = .bullet
            case "none": self = .none
            case let other: self = .other(other)
            }
        }
    }

    /// One `w:lvl`.
    struct Level: Equatable {
        var start = 1
        var format = Format.decimal
        /// `w:lvlText`: `%1.%2`, `(%3)`; `%n` is level n's number.
        var text = ""
        /// `w:lvlRestart`, one-based: the level whose use restarts this one;
        /// 0 never; nil (absent) means any level above it.
        var restartAfter: Int?
        /// `w:isLgl`: every number this level shows is written in digits.
        var isLegal = false
        /// `w:pStyle`: the paragraph style this level belongs to.
        var style: String?
    }

    /// One `w:num`: an abstract definition and what it overrides.
    struct Instance: Equatable {
        var abstractID: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
        var hasOverrides: Bool { !startOverrides.isEmpty || !levelOverrides.isEmpty }
    }

    var abstracts: [String: [Int: Level]] = [:]
    var instances: [String: Instance] = [:]
    /// Style id → the list and level whose `w:pStyle` names it: Word and
    /// LibreOffice number a Heading 1 that a level claims even when the
    /// style itself carries no `w:numPr`.
    private(set) var styleLinks: [String: (numID: String, level: Int)] = [:]

    init() {}

    /// Reads numbering.xml; a missing or unreadable part is no numbering.
    init(_ root: XMLElementNode?) {
        guard let root else { return }
        for abstract in root.children where abstract.name == "w:abstractNum" {
            guard let id = abstract.attribute("abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for element in abstract.children where element.name == "w:lvl" {
                guard let (index, level) = Self.level(element) else { continue }
                if levels[index] == nil { levels[index] = level }
            }
            if abstracts[id] == nil { abstracts[id] = levels }
        }
        for num in root.children where num.name == "w:num" {
            guard let id = num.attribute("numId"), let abstractID = num.child("w:abstractNumId")?.attribute("val") else { continue }
            var instance = Instance(abstractID: abstractID)
            for override in num.children where override.name == "w:lvlOverride" {
                guard let index = override.attribute("ilvl").flatMap(Int.init), (0..<Self.maximumLevels).contains(index) else { continue }
                if let start = override.child("w:startOverride")?.attribute("val").flatMap(Int.init) {
                    instance.startOverrides[index] = Self.clampStart(start)
                }
                if let element = override.child("w:lvl"), let (_, level) = Self.level(element, index: index) {
                    instance.levelOverrides[index] = level
                }
            }
            if instances[id] == nil { instances[id] = instance }
        }
        // The first instance (by number) of a definition carries its styles.
        for (id, instance) in instances.sorted(by: { (Int($0.key) ?? .max, $0.key) < (Int($1.key) ?? .max, $1.key) }) {
            for (index, level) in abstracts[instance.abstractID] ?? [:] {
                guard let style = level.style, styleLinks[style] == nil || styleLinks[style]!.numID == id else { continue }
                if styleLinks[style].map({ index < $0.level }) ?? true { styleLinks[style] = (id, index) }
            }
        }
    }

    /// The level a paragraph numbered `numID`/`ilvl` shows, or nil when
    /// the instance or its definition is missing.
    func level(numID: String, index: Int) -> Level? {
        guard (0..<Self.maximumLevels).contains(index), let instance = instances[numID] else { return nil }
        if let level = instance.levelOverrides[index] { return level }
        return abstracts[instance.abstractID]?[index]
    }

    /// The level whose `w:pStyle` names a style: the level a paragraph of
    /// that style takes when the style gives a numbering but no level.
    func levelIndex(numID: String, style: String) -> Int? {
        guard let instance = instances[numID], let levels = abstracts[instance.abstractID] else { return nil }
        return levels.filter { $0.value.style == style }.map(\.key).min()
    }

    private static func clampStart(_ value: Int) -> Int { min(max(value, 0), maximumStart) }

    private static func level(_ element: XMLElementNode, index given: Int? = nil) -> (Int, Level)? {
        guard let index = given ?? element.attribute("ilvl").flatMap(Int.init), (0..<maximumLevels).contains(index) else { return nil }
        var level = Level()
        level.start = clampStart(element.child("w:start")?.attribute("val").flatMap(Int.init) ?? 1)
        level.format = Format(element.child("w:numFmt")?.attribute("val"))
        level.text = element.child("w:lvlText")?.attribute("val") ?? ""
        level.restartAfter = element.child("w:lvlRestart")?.attribute("val").flatMap(Int.init)
        if let legal = element.child("w:isLgl") { level.isLegal = !["0", "false", "off"].contains(legal.attribute("val") ?? "1") }
        level.style = element.child("w:pStyle")?.attribute("val")
        return (index, level)
    }
}
