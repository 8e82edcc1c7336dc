/// `reviews.ics`: each protocol's next review as an all-day event (RFC 5545),
/// so a clerk can subscribe to the schedule in any calendar.
enum ReviewCalendar {
    static func make(_ documents: [ProtocolListing], config: SiteConfig, today: CalendarDay) -> String {
        let host = config.baseURL.flatMap(Self.host) ?? "protosite.invalid"
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//protosite//Review schedule//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(config.title + " — review dates"),
        ]
        let stamp = compact(today) + "T000000Z"
        let ordered = documents.filter { $0.metadata.review != nil }.sorted {
            ($0.metadata.review!.lastDay, $0.metadata.slug) < ($1.metadata.review!.lastDay, $1.metadata.slug)
        }
        for document in ordered {
            let metadata = document.metadata
            guard let review = metadata.review else { continue }
            let due = review.lastDay
            let status = ReviewStatus.of(review: review, today: today, warningDays: config.reviewWarningDays)
            var description = status.sentence(review: review, today: today) + ". Status as at \(today.longForm)."
            let url = config.baseURL.map { $0 + metadata.slug + "/" }
            if let url { description += "\n" + url }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape("review-\(metadata.slug)@\(host)"),
                "DTSTAMP:" + stamp,
                "DTSTART;VALUE=DATE:" + compact(due),
                "DTEND;VALUE=DATE:" + compact(due.adding(days: 1)),
                "SUMMARY:" + escape("Review due: " + metadata.title),
                "DESCRIPTION:" + escape(description),
            ]
            if let url { lines.append("URL:" + url) }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon and comma escaped, newlines as `\n`.
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape or drop: found on its bytes, it is
        // returned as it is.
        let plain = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): return false
            case UInt8(ascii: "\t"): return true
            default: return byte >= 0x20
            }
        }
        if plain { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on lines starting with a space,
    /// never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var current = 0
        var limit = 75
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if current + size > limit {
                out += "\r\n "
                current = 0
                limit = 74 // the leading space counts
            }
            out.unicodeScalars.append(character)
            current += size
        }
        return out
    }

    static func compact(_ day: CalendarDay) -> String {
        pad(day.year, 4) + pad(day.month, 2) + pad(day.day, 2)
    }

    static func host(_ url: String) -> String? {
        guard let range = url.range(of: "://") else { return nil }
        let rest = url[range.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" }
        return host.isEmpty ? nil : String(host)
    }
}
