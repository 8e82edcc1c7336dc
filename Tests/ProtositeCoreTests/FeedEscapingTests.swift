import Testing
@testable import ProtositeCore

@Suite("Escaping text for the feed and the calendar")
struct FeedEscapingTests {
    @Test("XML: markup escaped, forbidden characters dropped, the rest as it was",
          arguments: [
            ("Plain words, with commas; and ‘curly’ quotes — £5", "Plain words, with commas; and ‘curly’ quotes — £5"),
            ("A & B <c> \"d\" 'e'", "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"),
            ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
            ("bell\u{07}null\u{00}escape\u{1B}", "bellnullescape"),
            ("not\u{FFFE}a\u{FFFF}character", "notacharacter"),
            ("kept \u{FFFD} and \u{EFFF} and 🙂", "kept \u{FFFD} and \u{EFFF} and 🙂"),
          ])
    func atom(text: String, expected: String) {
        #expect(AtomFeed.escape(text) == expected)
    }

    @Test("iCalendar TEXT: backslash, semicolon and comma escaped, line ends as \\n, other controls dropped",
          arguments: [
            ("Plain words — £5 & 'quotes'", "Plain words — £5 & 'quotes'"),
            ("a\\b;c,d", "a\\\\b\\;c\\,d"),
            ("one\r\ntwo\tthree", "one\\ntwo\tthree"),
            ("bell\u{07}end", "bellend"),
          ])
    func calendar(text: String, expected: String) {
        #expect(ReviewCalendar.escape(text) == expected)
    }
}
