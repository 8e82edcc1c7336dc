import Foundation
import ProtositeImport
import Testing
@testable import ProtositeCore

/// SPEC §3: "`protosite build` on imported files gives no error, ever."
/// Hundreds of documents put together at random from what real exports
/// hold — page numbers, `Page N of M`, labels run together, contents lists
/// with dot leaders, numbers used twice, stray brackets, lines of only
/// labels, capital headings, roman numerals, long lines, Markdown
/// characters — each import is read by the build's parser: no errors.
@Suite("Imported exports always build")
struct ImportPropertyTests {
    static let words = ["council", "meeting", "the", "clerk", "chair", "motion", "may", "not", "be", "moved", "and", "or", "of", "a",
                        "member", "public", "notice", "given", "vote", "item", "budget", "£25,000", "2019", "4.1", "1(a)", "(iii)",
                        "standing", "order", "regulation", "I", "A", "x", "ii", "e.g.", "http://example.org/x", "*", "_", "`", "<b>", "#", "|", "[", "]", "¹"]
    static let labels = ["a.", "b.", "c)", "(d)", "(i)", "(ii)", "(iv)", "(x)", "A", "B", "C.", "(1)", "(2)", "3)", "iv.", "(aa)", "h.", "i.", "(", ")", "(a", "a)"]

    static func sentence(_ random: inout SplitMix64, long: Bool = false) -> String {
        let count = long ? 60 + random.below(200) : 3 + random.below(14)
        var out: [String] = []
        for _ in 0..<count { out.append(random.pick(words)) }
        return out.joined(separator: " ") + random.pick([".", ";", ":", "", ",", "; and", "; or"])
    }

    static func line(_ random: inout SplitMix64, clause: Int) -> String {
        switch random.below(24) {
        case 0: return ""
        case 1: return String(repeating: " ", count: random.below(60)) + "\(1 + random.below(40))"
        case 2: return String(repeating: " ", count: random.below(60)) + "Page \(1 + random.below(9)) of \(9 + random.below(9))"
        case 3: return "- \(1 + random.below(9)) -"
        case 4:
            var text = sentence(&random) + "."
            for _ in 0..<(1 + random.below(4)) { text += " " + random.pick(labels) + String(repeating: " ", count: 1 + random.below(5)) + sentence(&random) }
            return text
        case 5: return "CONTENTS"
        case 6: return "\(1 + random.below(6)). " + sentence(&random).uppercased() + " " + String(repeating: ".", count: 3 + random.below(30)) + " \(random.below(20))"
        case 7: return "\(clause).\(1 + random.below(4)) " + sentence(&random)
        case 8: return "\(1 + random.below(6)). " + random.pick(["RULES OF DEBATE", "MEETINGS", "FINANCE", "CONDUCT", "MEETINGS GENERALLY"])
        case 9: return random.pick(labels)
        case 10: return random.pick(labels) + String(repeating: " ", count: 1 + random.below(8)) + sentence(&random)
        case 11: return "        " + sentence(&random)
        case 12: return sentence(&random, long: true)
        case 13: return random.pick(["(", ")", "(a", "((", "))", "[^1]:", "---", "***", "> >", "```", "~~~", "<!--", "| a | b |", "=====", "# x", "1) one", "- - - - - -"])
        case 14: return "        " + random.pick(["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)"]) + "     " + sentence(&random)
        case 15: return random.pick(["Adopted by Council 25th September 2019", "Next review: May 2027", "Dated 31st February 2020", "To be reviewed annually", "Adopted on 9th May 2023. Next review May 2027", "These Standing Orders were adopted on 2024-13-40"])
        case 16: return "\u{0C}" + random.pick(["Brookfield Parish Council", "Standing Orders – May 2023", "Page \(random.below(9))"])
        case 17: return "• " + sentence(&random)
        case 18: return String(repeating: "- ", count: random.below(80)) + "deep"
        case 19: return String(repeating: "[", count: random.below(150)) + "x" + String(repeating: "*", count: random.below(150))
        case 20: return "\(clause). " + sentence(&random).uppercased()
        case 21: return "Date\tVersion\tChange\n" + "\(random.below(40))/\(random.below(14))/2024\t\(random.below(3))\tx"
        default: return sentence(&random)
        }
    }

    static func document(seed: UInt64) -> String {
        var random = SplitMix64(state: seed)
        var lines: [String] = []
        if random.chance(70) { lines.append(random.pick(["BROOKFIELD PARISH COUNCIL", "Example Town Council", "(a)", "1.", ""])) }
        if random.chance(80) { lines.append(random.pick(["STANDING ORDERS", "Financial Regulations", "Grants Policy", "---", "# Title"])) }
        let count = 10 + random.below(70)
        var clause = 1
        for _ in 0..<count {
            if random.chance(8) { clause += 1 }
            lines.append(line(&random, clause: clause))
        }
        return lines.joined(separator: random.chance(20) ? "\r\n" : "\n")
    }

    @Test func everyRandomExportImportsToMarkdownTheBuildReadsWithoutError() throws {
        var failures: [String] = []
        var demoted = 0
        for seed in UInt64(1)...300 {
            let text = Self.document(seed: seed)
            let result = try Importer.importText(text, fileName: "doc-\(seed).md")
            let diagnostics = ImportTestSupport.diagnostics(result.markdown, path: "content/doc-\(seed).md")
            let problems = diagnostics.filter { $0.severity == .error || $0.message.contains("twice") }
            if !problems.isEmpty {
                failures.append("seed \(seed): \(problems.map(\.formatted))")
            }
            // Nothing is indented into a code block.
            let indented = ImportTestSupport.body(result.markdown).split(separator: "\n").filter { $0.hasPrefix("    ") || $0.hasPrefix("\t") }
            if !indented.isEmpty { failures.append("seed \(seed): indented \(indented.prefix(2))") }
            demoted += result.warnings.filter { $0.message.hasPrefix("written as plain text") }.count
            for warning in result.warnings where warning.line < 1 {
                failures.append("seed \(seed): warning without a source line: \(warning.message)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // The documents do hold what would not build: the check had work to do.
        #expect(demoted > 100, "\(demoted) blocks made plain text")
    }

    @Test func theSameDocumentImportsToTheSameBytes() throws {
        for seed in UInt64(1000)...1020 {
            let text = Self.document(seed: seed)
            #expect(try Importer.importText(text).markdown == Importer.importText(text).markdown)
        }
    }
}
