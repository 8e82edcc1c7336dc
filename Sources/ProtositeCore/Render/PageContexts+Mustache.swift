import Mustache

// Templates read these values by name. Mustache would find them by Mirror
// reflection, which took most of a build's time on large sites; these
// lookups are the same names without reflection. A test checks that every
// stored property of every context is reachable here.

extension SiteContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "council": return council
        case "language": return language
        case "contact": return contact
        case "contactEmail": return contactEmail
        case "baseURL": return baseURL
        case "reviewWarningDays": return reviewWarningDays
        case "builtOn": return builtOn
        case "builtOnLong": return builtOnLong
        default: return nil
        }
    }
}

extension ProtocolSummaryContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "slug": return slug
        case "href": return href
        case "council": return council
        case "status": return status
        case "statusLabel": return statusLabel
        case "adopted": return adopted
        case "adoptedISO": return adoptedISO
        case "formerlyAdopted": return formerlyAdopted
        case "formerlyAdoptedISO": return formerlyAdoptedISO
        case "statusNotice": return statusNotice
        case "reviewed": return reviewed
        case "reviewedISO": return reviewedISO
        case "review": return review
        case "reviewISO": return reviewISO
        case "reviewDue": return reviewDue
        case "reviewStatus": return reviewStatus
        case "reviewStatusLabel": return reviewStatusLabel
        case "reviewSentence": return reviewSentence
        case "version": return version
        case "summary": return summary
        case "tags": return tags
        case "aliases": return aliases
        case "isOverdue": return isOverdue
        default: return nil
        }
    }
}

extension TOCEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "number": return number
        case "anchor": return anchor
        case "level": return level
        case "isSubsection": return isSubsection
        default: return nil
        }
    }
}

extension HistoryRowContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": return date
        case "dateISO": return dateISO
        case "version": return version
        case "change": return change
        case "review": return review
        default: return nil
        }
    }
}

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "root": return root
        case "pageTitle": return pageTitle
        case "canonical": return canonical
        case "page": return page
        default: return nil
        }
    }
}

extension IndexPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "protocols": return protocols
        case "hasProtocols": return hasProtocols
        case "alerts": return alerts
        case "hasAlerts": return hasAlerts
        case "alertLevel": return alertLevel
        default: return nil
        }
    }
}

extension ProtocolPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "doc": return doc
        case "toc": return toc
        case "hasTOC": return hasTOC
        case "body": return String(decoding: body, as: UTF8.self)
        case "history": return history
        case "hasHistory": return hasHistory
        case "jsonLD": return jsonLD
        case "citationURL": return citationURL
        case "versionLinks": return versionLinks
        default: return nil
        }
    }
}

extension ReviewsPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "protocols": return protocols
        case "counts": return counts
        default: return nil
        }
    }
}

extension StatusCountContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "state": return state
        case "count": return count
        case "sentence": return sentence
        case "hidden": return hidden
        default: return nil
        }
    }
}

extension PlainPage: MustacheParent {
    func child(named name: String) -> Any? {
        name == "heading" ? heading : nil
    }
}
