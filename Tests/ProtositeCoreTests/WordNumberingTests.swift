import Foundation
import Testing
@testable import ProtositeImport

/// Word's numbering read as Word reads it, one rule at a time, on
/// numbering.xml and styles.xml written inline.
@Suite("Word numbering rules")
struct WordNumberingTests {
    static let ns = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    static func numbering(_ body: String) -> WordNumbering {
        WordNumbering(XMLTreeBuilder.parse(Data("<w:numbering \(ns)>\(body)</w:numbering>".utf8)))
    }

    static func styles(_ body: String) -> WordStyles {
        WordStyles(XMLTreeBuilder.parse(Data("<w:styles \(ns)>\(body)</w:styles>".utf8)))
    }

    static func level(_ index: Int, _ format: String, _ text: String, extra: String = "") -> String {
        #"<w:lvl w:ilvl="\#(index)"><w:start w:val="1"/><w:numFmt w:val="\#(format)"/>\#(extra)<w:lvlText w:val="\#(text)"/></w:lvl>"#
    }

    static func paragraph(_ inner: String) -> XMLElementNode {
        XMLTreeBuilder.parse(Data("<w:p \(ns)><w:pPr>\(inner)</w:pPr></w:p>".utf8))!
    }

    /// Labels of (numId, ilvl) paragraphs in order.
    static func labels(_ numbering: WordNumbering, _ paragraphs: [(String, Int)]) -> [String] {
        var counter = WordListCounter(numbering)
        return paragraphs.map { counter.next(numID: $0.0, level: $0.1)?.text ?? "" }
    }

    @Test func lettersRunPastZAsWordRepeatsThem() {
        #expect(WordNumberText.write(9, as: .lowerLetter) == "i")
        #expect(WordNumberText.write(26, as: .lowerLetter) == "z")
        #expect(WordNumberText.write(27, as: .lowerLetter) == "aa")
        #expect(WordNumberText.write(54, as: .upperLetter) == "BBB")
        #expect(WordNumberText.write(14, as: .lowerRoman) == "xiv")
        #expect(WordNumberText.write(1990, as: .upperRoman) == "MCMXC")
        #expect(WordNumberText.write(5, as: .decimalZero) == "05")
    }

    @Test func aLevelRestartsWhenALevelAboveItIsUsed() {
        let numbering = Self.numbering(#"<w:abstractNum w:abstractNumId="0">\#(Self.level(0, "decimal", "%1."))\#(Self.level(1, "lowerLetter", "(%2)"))</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#)
        #expect(Self.labels(numbering, [("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1)]) == ["1.", "(a)", "(b)", "2.", "(a)"])
    }

    @Test func lvlRestartNamesTheOnlyLevelThatRestartsIt() {
        let numbering = Self.numbering(#"<w:abstractNum w:abstractNumId="0">\#(Self.level(0, "decimal", "%1."))\#(Self.level(1, "decimal", "%1.%2"))\#(Self.level(2, "lowerRoman", "(%3)", extra: #"<w:lvlRestart w:val="1"/>"#))\#(Self.level(3, "lowerLetter", "%4)", extra: #"<w:lvlRestart w:val="0"/>"#))</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#)
        let labels = Self.labels(numbering, [("1", 0), ("1", 1), ("1", 2), ("1", 1), ("1", 2), ("1", 3), ("1", 0), ("1", 2), ("1", 3)])
        #expect(labels == ["1.", "1.1", "(i)", "1.2", "(ii)", "a)", "2.", "(i)", "b)"])
    }

    @Test func aLegalLevelWritesEveryNumberInDigits() {
        let numbering = Self.numbering(#"<w:abstractNum w:abstractNumId="0">\#(Self.level(0, "upperRoman", "%1."))\#(Self.level(1, "decimal", "%1.%2", extra: "<w:isLgl/>"))\#(Self.level(2, "decimal", "%1.%2"))</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#)
        #expect(Self.labels(numbering, [("1", 0), ("1", 0), ("1", 1), ("1", 2)]) == ["I.", "II.", "2.1", "II.1"])
    }

    @Test func instancesOfOneDefinitionContinueUnlessOneOverridesItsStart() {
        let numbering = Self.numbering(#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="10"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#)
        #expect(Self.labels(numbering, [("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0)]) == ["10.", "11.", "12.", "1.", "2."])
    }

    @Test func numIdZeroSwitchesOffTheNumberingAStyleGives() {
        let numbering = Self.numbering(#"<w:abstractNum w:abstractNumId="0">\#(Self.level(0, "decimal", "%1."))</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#)
        let styles = Self.styles(#"<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/><w:basedOn w:val="Base"/></w:style>"#)
        var numbers = WordParagraphNumbers(styles: styles, numbering: numbering)
        #expect(numbers.label(of: Self.paragraph(#"<w:pStyle w:val="Clause"/>"#), line: 1)?.text == "1.")
        #expect(numbers.label(of: Self.paragraph(#"<w:pStyle w:val="Clause"/><w:numPr><w:numId w:val="0"/></w:numPr>"#), line: 2) == nil)
        #expect(numbers.label(of: Self.paragraph(#"<w:pStyle w:val="Clause"/>"#), line: 3)?.text == "2.")
    }

    @Test func aBasedOnLoopEndsWithAWarningInsteadOfHanging() {
        var body = ""
        for index in 0..<2_000 {
            body += #"<w:style w:type="paragraph" w:styleId="S\#(index)"><w:name w:val="S\#(index)"/><w:basedOn w:val="S\#((index + 1) % 2_000)"/></w:style>"#
        }
        let styles = Self.styles(body)
        let chain = styles.chain("S0")
        #expect(chain.looped)
        #expect(chain.styles.count == WordStyles.maximumChain)
        var numbers = WordParagraphNumbers(styles: styles, numbering: WordNumbering())
        #expect(numbers.label(of: Self.paragraph(#"<w:pStyle w:val="S5"/>"#), line: 4) == nil)
        #expect(numbers.warnings.contains { $0.line == 4 && $0.message.contains("based on itself") })
    }

    @Test func tenThousandLevelsAreReadAsWordsNine() {
        var levels = ""
        for index in 0..<10_000 { levels += Self.level(index, "decimal", "%\(index % 9 + 1).") }
        let started = Date()
        let numbering = Self.numbering(#"<w:abstractNum w:abstractNumId="0">\#(levels)</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#)
        #expect(numbering.abstracts["0"]?.count == WordNumbering.maximumLevels)
        #expect(Self.labels(numbering, [("1", 8), ("1", 9), ("1", 9_999)]) == ["1.", "", ""])
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aHugeStartIsClampedAsWordClampsIt() {
        let numbering = Self.numbering(#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="9223372036854775807"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#)
        #expect(Self.labels(numbering, [("1", 0), ("1", 0)]) == ["32767.", "32768."])
    }

    @Test func anUndrawnFormatIsWrittenInDigitsWithAWarning() {
        let numbering = Self.numbering(#"<w:abstractNum w:abstractNumId="0">\#(Self.level(0, "ordinalText", "%1"))</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#)
        var numbers = WordParagraphNumbers(styles: WordStyles(), numbering: numbering)
        #expect(numbers.label(of: Self.paragraph(#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#), line: 3)?.text == "1")
        #expect(numbers.warnings.contains { $0.line == 3 && $0.message.contains("ordinalText") })
    }

    @Test func aMissingNumberingIsAWarningAndNoLabel() {
        var numbers = WordParagraphNumbers(styles: WordStyles(), numbering: WordNumbering())
        #expect(numbers.label(of: Self.paragraph(#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>"#), line: 2) == nil)
        #expect(numbers.warnings.contains { $0.line == 2 && $0.message.contains("numbering 7") })
    }

    @Test(arguments: [
        ("1.", 0, "P text", MarkdownBlock.Kind.ordered(number: 1), "P text"),
        ("3.", 1, "P text", .paragraph, "3\\. P text"),
        ("2)", 1, "P text", .paragraph, "(2) P text"),
        ("1.2.", 1, "P text", .paragraph, "1.2. P text"),
        ("(iv)", 2, "P text", .paragraph, "(iv) P text"),
        ("a)", 1, "P text", .paragraph, "a) P text"),
    ])
    func labelsAreWrittenInTheFormsTheBuildReads(label: String, level: Int, text: String, kind: MarkdownBlock.Kind, written: String) {
        let block = WordLabelMarkdown.block(label: WordLabel(text: label, level: level, format: .decimal), headingLevel: nil, text: text, line: 1)
        #expect(block.kind == kind)
        #expect(block.text == written)
    }

    @Test func aNumberedHeadingKeepsItsLabel() {
        let block = WordLabelMarkdown.block(label: WordLabel(text: "2.", level: 0, format: .decimal), headingLevel: 1, text: "Fees", line: 1)
        #expect(block.markdown == "## 2. Fees")
    }
}
