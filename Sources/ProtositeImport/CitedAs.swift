import Foundation

/// SPEC §3: `cited_as` from the title, so that "standing order 1(K)" in
/// any protocol of the site links to the Standing Orders, and "regulation
/// 4.1" to the Financial Regulations.
enum CitedAs {
    /// Title words → the word its clauses are cited by.
    static let byTitle: [(title: String, word: String)] = [
        ("standing orders", "standing order"),
        ("financial regulations", "regulation"),
    ]

    /// The front-matter value (`[standing order]`), or nil when the title
    /// names neither.
    static func infer(fromTitle title: String?) -> String? {
        guard let lower = title?.lowercased() else { return nil }
        for entry in byTitle where lower.contains(entry.title) {
            return "[\(entry.word)]"
        }
        return nil
    }
}
