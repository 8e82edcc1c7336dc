import Testing
@testable import ProtositeMarkdown

@Suite("URLs for href attributes")
struct URLEscapingTests {
    @Test("Kept where a URL may hold it, percent-encoded where not, then escaped for HTML",
          arguments: [
            ("../code-of-conduct/#clause-4.8", "../code-of-conduct/#clause-4.8"),
            ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
            ("it's (here)", "it&#39;s%20(here)"),
            ("café \"menu\"", "caf%C3%A9%20%22menu%22"),
            ("<tag>", "%3Ctag%3E"),
          ])
    func escapedURL(url: String, expected: String) {
        #expect(HTMLEscaping.escapeURL(url) == expected)
    }
}
