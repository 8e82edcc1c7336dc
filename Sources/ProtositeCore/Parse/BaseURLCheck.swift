import Foundation

/// `base_url` goes into canonical links, the sitemap, the feed and the
/// iCalendar feed, each with its own escaping. A line break in it (a quoted
/// YAML value may hold one) added events to `reviews.ics`, so the address
/// is checked whole before any of them is written: an absolute http(s) URL
/// with a host, and no white space or control characters anywhere.
enum BaseURLCheck {
    /// Why `text` is not a usable base URL, or nil when it is.
    static func problem(with text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
            return "it does not start with https:// or http://"
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                return String(format: "it holds the character U+%04X, a space or control character", scalar.value)
            }
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return "it has no host name"
        }
        guard components.user == nil, components.password == nil else {
            return "it holds a user name or password"
        }
        return nil
    }
}
