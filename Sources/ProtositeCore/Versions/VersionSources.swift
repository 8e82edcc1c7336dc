/// An earlier text of a protocol, parsed: `versions/SLUG/DATE.md`.
public struct EarlierVersion: Sendable {
    /// The day this version was adopted: the file's name.
    public var date: CalendarDay
    public var path: String
    public var document: ProtocolDocument
}

/// Reads the files under `versions/`. A version's date is its file name
/// (`2019-05-14.md`), because the clerk names the file and `archive` does
/// too; its protocol is the folder (`versions/SLUG/`), since a slug is
/// the one name of a protocol that never depends on its text.
public enum VersionSources {
    public static let folder = "versions"

    /// Where a version file belongs, or why it cannot be used.
    enum Place: Equatable {
        case version(slug: String, date: CalendarDay)
        case problem(String)
    }

    /// `versions/complaints-procedure/2019-05-14.md` → the slug and the day.
    static func place(of path: String) -> Place {
        let relative = path.dropFirst(folder.count + 1)
        guard let slash = relative.lastIndex(of: "/") else {
            return .problem("an earlier version belongs in a folder named after its protocol's slug: versions/SLUG/YYYY-MM-DD.md")
        }
        let slug = String(relative[..<slash])
        let name = relative[relative.index(after: slash)...].dropLast(3)
        guard let date = isoDay(name) else {
            return .problem("the file name '\(name).md' is not the date the version was adopted; name it like 2019-05-14.md (year, month, day)")
        }
        return .version(slug: slug, date: date)
    }

    /// `YYYY-MM-DD`, a real day.
    static func isoDay(_ text: Substring) -> CalendarDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// The version files of each slug, by path alone (no file is read):
    /// what pages a build will have, and what the current pages link to.
    public static func dates(_ files: [SourceFile]) -> [String: [CalendarDay]] {
        var dates: [String: [CalendarDay]] = [:]
        for file in files { if case .version(let slug, let date) = place(of: file.path) { dates[slug, default: []].append(date) } }
        return dates.mapValues { $0.sorted() }
    }

    /// What is wrong with the files' places: a name that is not a date, a
    /// file outside a protocol's folder, a folder no protocol owns. Depends
    /// on paths and slugs only, so every build says it the same way.
    public static func placeDiagnostics(_ files: [SourceFile], slugs: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch place(of: file.path) {
            case .problem(let message):
                diagnostics.append(.error(message, in: file.path, line: 1, column: 1))
            case .version(let slug, _) where !slugs.contains(slug):
                diagnostics.append(.warning("no protocol has the slug '\(slug)', so this earlier version is not published; the folder under versions/ must be named after the protocol's slug", in: file.path, line: 1, column: 1))
            case .version:
                break
            }
        }
        return diagnostics
    }

    /// The earlier versions of one protocol, oldest first, parsed with the
    /// build's own parser. `files` are those whose place names its slug.
    public static func parse(_ files: [SourceFile], current: ProtocolMetadata, config: SiteConfig,
                             diagnostics: inout [Diagnostic]) -> [EarlierVersion] {
        var found: [EarlierVersion] = []
        for file in files {
            guard case .version(_, let date) = place(of: file.path) else { continue }
            if let adopted = current.adopted?.firstDay, date >= adopted {
                diagnostics.append(.warning("this version is dated \(date), not before the current text's adoption (\(adopted)); an earlier version's file is named after the day it was adopted", in: file.path, line: 1, column: 1))
            }
            var parser = ProtocolParser(config: config)
            parser.earlierVersionOf = current
            guard var document = parser.parse(file, diagnostics: &diagnostics) else { continue }
            document.metadata.slug = current.slug
            if let adopted = document.metadata.adopted, adopted.firstDay != date || adopted.lastDay != date {
                diagnostics.append(.warning("'adopted' says \(adopted) but the file is named \(date).md; the file name is the version's date (rename the file, or correct 'adopted')", in: file.path, line: 1, column: 1))
            }
            found.append(EarlierVersion(date: date, path: file.path, document: document))
        }
        return found.sorted { $0.date < $1.date }
    }

    /// The files whose place names `slug`.
    public static func files(_ files: [SourceFile], of slug: String) -> [SourceFile] {
        files.filter { if case .version(let s, _) = place(of: $0.path) { return s == slug } else { return false } }
    }
}
