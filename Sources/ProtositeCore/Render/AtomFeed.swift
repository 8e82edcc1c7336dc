/// `feed.xml`: adoptions and revisions as an Atom feed (RFC 4287), newest first.
enum AtomFeed {
    struct Entry {
        var slug: String
        var title: String
        var summary: String
        var date: CalendarDay
        var key: String
        /// The entry's page, from the site root (the protocol by default).
        var link: String? = nil
    }

    static func make(_ documents: [ProtocolListing], config: SiteConfig, today: CalendarDay) -> String {
        let entries = documents.flatMap(Self.entries).sorted { ($0.date, $1.slug, $1.key) > ($1.date, $0.slug, $0.key) }
        // Atom ids must be absolute and never change: the site's address, or a tag: URI.
        let feedID = config.baseURL.map { $0 + "feed.xml" } ?? "tag:protosite.invalid,2026:" + HeadingSlug.make(config.title)
        let updated = entries.first?.date ?? today
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(escape(config.title)): adoptions and revisions</title>\n"
        xml += "  <id>\(escape(feedID))</id>\n"
        xml += "  <updated>\(timestamp(updated))</updated>\n"
        if let base = config.baseURL {
            xml += "  <link rel=\"self\" href=\"\(escape(base))feed.xml\"/>\n"
            xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base))\"/>\n"
        } else {
            xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"./\"/>\n"
        }
        xml += "  <author><name>\(escape(config.council ?? config.title))</name></author>\n"
        xml += "  <generator>protosite</generator>\n"
        for entry in entries {
            let link = (config.baseURL ?? "") + (entry.link ?? entry.slug + "/")
            let id = config.baseURL.map { $0 + entry.slug + "/#" + entry.key } ?? "tag:protosite.invalid,2026:" + entry.slug + "/" + entry.key
            xml += "  <entry>\n"
            xml += "    <title>\(escape(entry.title))</title>\n"
            xml += "    <id>\(escape(id))</id>\n"
            xml += "    <updated>\(timestamp(entry.date))</updated>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link))\"/>\n"
            xml += "    <summary>\(escape(entry.summary))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    /// One entry per dated row of the version history; the adoption alone
    /// when there is none. A protocol with earlier versions has an entry
    /// per version instead, each linking to what it changed.
    static func entries(_ document: ProtocolListing) -> [Entry] {
        let m = document.metadata
        if !document.versions.dates.isEmpty { return versionEntries(document) }
        var out: [Entry] = []
        for (index, row) in m.history.enumerated() {
            guard let date = row.date?.firstDay else { continue }
            let version = row.version.map { "version \($0)" } ?? "revision \(index + 1)"
            let change = row.change ?? (index == 0 ? "Adopted" : "Revised")
            out.append(Entry(slug: m.slug, title: "\(m.title) — \(version)", summary: change + (m.summary.map { ". " + $0 } ?? ""), date: date, key: "history-\(index + 1)"))
        }
        if out.isEmpty, let adopted = m.adopted?.firstDay {
            out.append(Entry(slug: m.slug, title: "\(m.title) — adopted", summary: m.summary ?? "Adopted by the council.", date: adopted, key: "adopted"))
        }
        return out
    }

    /// The first version links to its own text, every later one to its
    /// change on the changes page; titles and summaries come from the
    /// version table's row of that day, when there is one.
    static func versionEntries(_ document: ProtocolListing) -> [Entry] {
        let m = document.metadata
        let days = document.versions.dates + (m.adopted.map { [$0.firstDay.description] } ?? [])
        var out: [Entry] = []
        for (index, iso) in days.enumerated() {
            guard let day = (try? DateParser.parse(iso).get())?.firstDay else { continue }
            let row = m.history.first { $0.date?.firstDay == day }
            let name = row?.version.map { "version \($0)" } ?? "version of \(day.longForm)"
            let change = row?.change ?? (index == 0 ? "Adopted" : "Revised")
            let link = index == 0 ? m.slug + "/versions/" + iso + "/" : m.slug + "/changes/#change-" + iso
            out.append(Entry(slug: m.slug, title: "\(m.title) — \(name)", summary: change + (m.summary.map { ". " + $0 } ?? ""),
                             date: day, key: "version-" + iso, link: link))
        }
        return out
    }

    static func timestamp(_ day: CalendarDay) -> String {
        day.description + "T00:00:00Z"
    }

    /// Text for XML: markup characters escaped, characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape or drop: found on its bytes, it is
        // returned as it is (0xEF leads U+FFFE and U+FFFF, dropped below).
        let plain = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: return false
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return true
            default: return byte >= 0x20
            }
        }
        if plain { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (v >= 0xFFFE && v <= 0xFFFF) || (v >= 0xD800 && v <= 0xDFFF) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
