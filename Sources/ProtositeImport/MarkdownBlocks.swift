import Foundation

/// One block of the Markdown the importer writes, with the line of the
/// source file it came from, so that anything the build would say about it
/// can be reported at the clerk's line, not the generated one.
struct MarkdownBlock {
    enum Kind: Equatable {
        case heading(level: Int)
        case paragraph
        case bullet(indent: String)
        /// A top-level ordered-list item showing `number` (a Word list's `1.`).
        case ordered(number: Int)
        case footnote(label: String)
    }

    var kind: Kind
    /// The inline Markdown of the block, without its `##` or `- ` marker.
    var text: String
    /// Its line in the source file.
    var line: Int
    /// How many times the build check has made it plainer.
    var demotions = 0

    var markdown: String {
        switch kind {
        case .heading(let level): return String(repeating: "#", count: level) + " " + text
        case .paragraph: return text
        case .bullet(let indent): return indent + "- " + text
        case .ordered(let number): return "\(number). " + text
        case .footnote(let label): return "[^\(label)]: " + text
        }
    }

    var isBullet: Bool {
        if case .bullet = kind { return true }
        return false
    }

    var orderedNumber: Int? {
        if case .ordered(let number) = kind { return number }
        return nil
    }
}

/// A front-matter key and its value as written, with the source line it
/// was read from (0 when it comes from no one line).
struct FrontMatterField {
    var key: String
    /// The YAML value, already quoted or a flow list.
    var value: String
    var line: Int
}

/// Writes a protocol file: front matter, then blocks separated by blank
/// lines (the bullets of one list, and ordered items that count on by one,
/// by single newlines), and says on which line of the file each block
/// starts. Markdown numbers a list's items from its first, so an ordered
/// item that does not follow on from the item before it starts a list of
/// its own: it takes the other delimiter (`3)` after `1.`), which CommonMark
/// reads as a new list that shows its own number.
enum MarkdownWriter {
    struct Written {
        var text: String
        /// Line of the file each field is on, in order.
        var fieldLines: [Int]
        /// Line of the file each block starts on, in order.
        var blockLines: [Int]
        /// Line of the `---` that closes the front matter.
        var closingLine: Int
    }

    static func write(_ fields: [FrontMatterField], _ blocks: [MarkdownBlock]) -> Written {
        var text = "---\n"
        var line = 2
        var fieldLines: [Int] = []
        for field in fields {
            // A block value (`history:` rows) starts on the next line.
            text += field.key + ":" + (field.value.hasPrefix("\n") ? "" : " ") + field.value + "\n"
            fieldLines.append(line)
            line += 1 + field.value.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
        text += "---\n\n"
        let closingLine = line
        line += 2
        var blockLines: [Int] = []
        var delimiter = "."
        // Read once, before the loop: the release compiler (Swift 6.3.1)
        // crashed optimising this loop when it read them from each block.
        let numbers = blocks.map(\.orderedNumber)
        let bullets = blocks.map(\.isBullet)
        for index in blocks.indices {
            let previous = index > 0 ? numbers[index - 1] : nil
            let number = numbers[index]
            if let number {
                if let previous {
                    if number != previous + 1 { delimiter = delimiter == "." ? ")" : "." }
                } else {
                    delimiter = "."
                }
            }
            if index > 0 {
                let countsOn = number != nil && number == previous.map { $0 + 1 }
                let sameList = (bullets[index] && bullets[index - 1]) || countsOn
                text += sameList ? "\n" : "\n\n"
                line += sameList ? 1 : 2
            }
            blockLines.append(line)
            let markdown = number.map { "\($0)\(delimiter) " + blocks[index].text } ?? blocks[index].markdown
            text += markdown
            line += markdown.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
        text += "\n"
        return Written(text: text, fieldLines: fieldLines, blockLines: blockLines, closingLine: closingLine)
    }
}
