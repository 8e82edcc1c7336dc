/// A protocol's listing in the build cache (`DocumentRecord.listing`):
/// every field in a fixed order, in `CacheWriter`'s layout, so equal
/// listings give equal bytes and the next build can tell a changed
/// listing by its bytes alone. Optional values are a flag and the value;
/// dates a tag (none, day, month) and their numbers, so a month stays a
/// month. Strings are their UTF-8 bytes, so titles that Swift calls
/// equal but that are spelled in other code points (a composed `é` or an
/// `e` and an accent) differ here, as the pages made from them do.
/// Internal to the cache: the site never shows these bytes.
extension ProtocolListing {
    func encode(to out: inout CacheWriter) {
        out.string(path)
        metadata.encode(to: &out)
        out.int(clauseCount)
        versions.encode(to: &out)
    }

    init(from input: inout CacheReader) throws {
        let path = try input.string(), metadata = try ProtocolMetadata(from: &input), clauseCount = try input.int()
        guard clauseCount >= 0 else { throw CacheReader.Damaged() }
        self.init(path: path, metadata: metadata, clauseCount: clauseCount, versions: try VersionListing(from: &input))
    }
}

extension ProtocolMetadata {
    func encode(to out: inout CacheWriter) {
        out.string(title)
        out.string(slug)
        out.optionalString(council)
        out.byte(UInt8(ProtocolStatus.allCases.firstIndex(of: status)!))
        out.date(adopted)
        out.date(reviewed)
        out.date(review)
        out.optionalString(version)
        out.strings(aliases)
        out.strings(citedAs)
        out.optionalString(summary)
        out.strings(tags)
        out.array(history) { out, entry in
            out.date(entry.date)
            out.optionalString(entry.version)
            out.optionalString(entry.change)
            out.date(entry.review)
        }
    }

    init(from input: inout CacheReader) throws {
        let title = try input.string(), slug = try input.string(), council = try input.optionalString()
        let status = Int(try input.byte())
        guard status < ProtocolStatus.allCases.count else { throw CacheReader.Damaged() }
        self.init(title: title, slug: slug, council: council, status: ProtocolStatus.allCases[status],
                  adopted: try input.date(), reviewed: try input.date(), review: try input.date(),
                  version: try input.optionalString(), aliases: try input.strings(), citedAs: try input.strings(),
                  summary: try input.optionalString(), tags: try input.strings(),
                  history: try input.array { input in
                      HistoryEntry(date: try input.date(), version: try input.optionalString(), change: try input.optionalString(),
                                   review: try input.date())
                  })
    }
}

extension VersionListing {
    func encode(to out: inout CacheWriter) {
        out.strings(dates)
        out.array(changes) { out, change in
            out.string(change.from)
            out.optionalString(change.to)
            out.array(change.clauses) { out, clause in
                out.string(clause.kind)
                out.string(clause.clause)
                out.optionalString(clause.was)
            }
        }
    }

    init(from input: inout CacheReader) throws {
        self.init(dates: try input.strings(), changes: try input.array { input in
            Change(from: try input.string(), to: try input.optionalString(), clauses: try input.array { input in
                Clause(kind: try input.string(), clause: try input.string(), was: try input.optionalString())
            })
        })
    }
}

extension CacheWriter {
    /// 0 for none; 1 and the year, month and day; 2 and the year and month.
    mutating func date(_ value: ProtocolDate?) {
        switch value {
        case nil:
            byte(0)
        case .day(let day)?:
            byte(1)
            int(day.year)
            int(day.month)
            int(day.day)
        case .month(let year, let month)?:
            byte(2)
            int(year)
            int(month)
        }
    }
}

extension CacheReader {
    /// A date as `CacheWriter.date` wrote it; an impossible day or month
    /// (which `DateParser` never gives) is damage.
    mutating func date() throws -> ProtocolDate? {
        switch try byte() {
        case 0:
            return nil
        case 1:
            guard let day = CalendarDay(year: try int(), month: try int(), day: try int()) else { throw Damaged() }
            return .day(day)
        case 2:
            let year = try int(), month = try int()
            guard (1...9999).contains(year), (1...12).contains(month) else { throw Damaged() }
            return .month(year: year, month: month)
        default:
            throw Damaged()
        }
    }
}
