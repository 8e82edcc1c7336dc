import Testing
@testable import ProtositeCore

/// Clauses are matched across versions by their text, not only their
/// number (SPEC §4 "Earlier versions").
@Suite struct ClauseAlignmentTests {
    static func clauses(_ list: [(String, String)]) -> [VersionClause] {
        list.map { VersionClause(number: ClauseNumber(cited: $0.0)!, text: $0.1) }
    }

    /// Each listed change as `kind clause [was]`, in the alignment's order.
    static func changes(_ older: [(String, String)], _ newer: [(String, String)]) -> [String] {
        ClauseAlignment(older: clauses(older), newer: clauses(newer)).changes.map { pair in
            let number = (pair.newer ?? pair.older)!.number.description
            return "\(pair.kind.rawValue) \(number)" + (pair.was.map { " was \($0)" } ?? "")
        }
    }

    static let apples = "Members must declare any interest in apples before the meeting starts."
    static let pears = "The chair may adjourn the meeting when order cannot be kept by other means."
    static let plums = "Minutes are signed at the next meeting after they have been approved."

    @Test func identicalVersionsListNoChange() {
        let text = [("1", "Scope"), ("1.1", Self.apples), ("1.2", Self.pears)]
        #expect(Self.changes(text, text).isEmpty)
    }

    @Test func reorderedClausesAreRenumberingsNotChanges() {
        #expect(Self.changes([("1.1", Self.apples), ("1.2", Self.pears)], [("1.1", Self.pears), ("1.2", Self.apples)])
                == ["renumbered 1.1 was 1.2", "renumbered 1.2 was 1.1"])
    }

    @Test func aClauseInsertedBeforeOthersIsAnAdditionAndTheRestMove() {
        // The trap of corpus-versions: the new 4.1 is new text; the old 4.1 moved to 5.1.
        let older = [("4", "Appeals"), ("4.1", Self.apples), ("4.2", Self.pears)]
        let newer = [("4", "Informal resolution"), ("4.1", Self.plums), ("5", "Appeals"), ("5.1", Self.apples), ("5.2", Self.pears)]
        #expect(Self.changes(older, newer) == ["added 4", "added 4.1", "renumbered 5 was 4", "renumbered 5.1 was 4.1", "renumbered 5.2 was 4.2"])
    }

    @Test func aClauseSplitInTwoIsAChangeAndAnAddition() {
        let older = [("2.1", "The clerk keeps the minutes of every meeting and publishes them on the website within a month.")]
        let newer = [("2.1", "The clerk keeps the minutes of every meeting."), ("2.2", "The clerk publishes them on the website within a month.")]
        #expect(Self.changes(older, newer) == ["changed 2.1", "added 2.2"])
    }

    @Test func twoClausesMergedAreAChangeAndARemoval() {
        let older = [("2.1", "The clerk keeps the minutes of every meeting."), ("2.2", "The clerk publishes them on the website within a month."), ("2.3", Self.plums)]
        let newer = [("2.1", "The clerk keeps the minutes of every meeting and publishes them on the website within a month."), ("2.2", Self.plums)]
        #expect(Self.changes(older, newer) == ["changed 2.1", "removed 2.2", "renumbered 2.2 was 2.3"])
    }

    @Test func aClauseEditedAndMovedIsOneChangeThatNamesItsOldNumber() {
        let older = [("3.1", Self.apples), ("3.2", Self.pears)]
        let newer = [("3.1", Self.plums), ("3.2", Self.apples), ("3.3", "The chair may adjourn the meeting when order cannot be kept by any other means.")]
        #expect(Self.changes(older, newer) == ["added 3.1", "renumbered 3.2 was 3.1", "changed 3.3 was 3.2"])
    }

    @Test func subClausesMoveWithTheirRenumberedClause() {
        let older = [("4", "Meetings"), ("4(a)", Self.apples), ("4(b)", Self.pears), ("4(b)(i)", Self.plums)]
        let newer = [("4", "Notices"), ("4(a)", "Notices are posted on the notice board."), ("5", "Meetings"), ("5(a)", Self.apples), ("5(b)", Self.pears), ("5(b)(i)", Self.plums)]
        #expect(Self.changes(older, newer) == ["added 4", "added 4(a)", "renumbered 5 was 4", "renumbered 5(a) was 4(a)", "renumbered 5(b) was 4(b)", "renumbered 5(b)(i) was 4(b)(i)"])
    }

    @Test func aRemovalIsListedWhereTheClauseStood() {
        let older = [("4.1", Self.apples), ("4.2", Self.pears), ("4.3", Self.plums)]
        let newer = [("4.1", Self.apples), ("4.2", Self.plums)]
        #expect(Self.changes(older, newer) == ["removed 4.2", "renumbered 4.2 was 4.3"])
    }

    @Test func unrelatedTextAtTheSameNumberIsAnAdditionAndARemoval() {
        #expect(Self.changes([("6.1", Self.apples)], [("6.1", Self.plums)]) == ["added 6.1", "removed 6.1"])
    }

    @Test func bareNumberedHeadingsMatchByNumberOnly() {
        #expect(Self.changes([("1", ""), ("2", "")], [("1", ""), ("2", ""), ("3", "")]) == ["added 3"])
    }

    @Test func similarityIgnoresCaseAndPunctuation() {
        #expect(WordBag("The Clerk, acting alone.").similarity(to: WordBag("the clerk acting alone")) == 1)
        #expect(WordBag("apples").similarity(to: WordBag("pears")) == 0)
    }
}

/// A changed clause shows the words deleted and inserted, worked out by
/// the standard library's CollectionDifference.
@Suite struct WordRedlineTests {
    @Test func aReplacedWordIsADeletionThenAnInsertion() {
        let redline = WordRedline(from: "within ten working days.", to: "within five working days.")
        #expect(redline.runs == [.init(kind: .kept, text: "within", spaceBefore: false), .init(kind: .deleted, text: "ten"),
                                 .init(kind: .inserted, text: "five"), .init(kind: .kept, text: "working days.")])
    }

    @Test func insertedWordsAreOneRun() {
        let redline = WordRedline(from: "made in writing to the Clerk.", to: "made in writing or by email to the Clerk.")
        #expect(redline.inserted == ["or by email"])
        #expect(redline.deleted.isEmpty)
    }

    @Test func eachSideReadsBackAsItsText() {
        let old = "The council meets in May, and again in September when asked.", new = "The council meets in June and again in September if asked by two members."
        let redline = WordRedline(from: old, to: new)
        func side(_ without: WordRedline.Kind) -> String {
            redline.runs.filter { $0.kind != without }.map { ($0.spaceBefore ? " " : "") + $0.text }.joined().trimmingCharacters(in: .whitespaces)
        }
        #expect(side(.inserted) == old)
        #expect(side(.deleted) == new)
    }

    @Test func punctuationIsATokenOfItsOwnSoWordsBesideItAreKept() {
        let redline = WordRedline(from: "Write by letter, saying what went wrong.", to: "Write by letter or email, saying what went wrong and why.")
        #expect(redline.inserted == ["or email", "and why"])
        #expect(redline.deleted.isEmpty)
        #expect(WordRedline(from: "the council's clerk", to: "the council's officer").runs.first?.text == "the council's")
    }

    @Test func emptyTextsGiveOnlyTheOtherSide() {
        #expect(WordRedline(from: "", to: "new words").runs == [.init(kind: .inserted, text: "new words", spaceBefore: false)])
        #expect(WordRedline(from: "old words", to: "").runs == [.init(kind: .deleted, text: "old words", spaceBefore: false)])
    }
}
