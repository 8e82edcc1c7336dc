import Foundation

/// What `trimming(_:)` takes off both ends: Foundation's sets of the same names.
enum TrimmedSpace {
    case whitespaces
    case whitespacesAndNewlines
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`),
    /// the same scalars taken off, without Foundation's round trip through
    /// `NSString`: front matter, dates and headings are trimmed for every
    /// protocol, and that round trip was 2 % of a build's instructions.
    func trimming(_ space: TrimmedSpace) -> String {
        let newlines = space == .whitespacesAndNewlines
        let scalars = unicodeScalars
        func trimmed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x20, 0x09: return true
            case 0x0A...0x0D: return newlines
            case 0x21..<0x80, 0..<0x09, 0x0E..<0x20: return false
            default: return (newlines ? CharacterSet.whitespacesAndNewlines : CharacterSet.whitespaces).contains(scalar)
            }
        }
        guard let first = scalars.firstIndex(where: { !trimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trimmed($0) })!
        // Sliced by scalar positions, not characters: a kept mark that
        // combines with a trimmed space stays as Foundation keeps it.
        return String(self[first..<scalars.index(after: last)])
    }
}
