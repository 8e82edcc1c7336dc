import Mustache

/// The values `version.mustache` and `changes.mustache` see, and the
/// version links `protocol.mustache` shows. Each is formatted from what the
/// versions stage decided (`VersionHistory`); nothing here compares text.

/// A link to one earlier version, from the page that shows it.
struct VersionLinkContext {
    let date: String
    let dateISO: String
    let href: String
}

/// The links a current page shows to its earlier texts and changes.
struct VersionLinksContext {
    let versions: [VersionLinkContext]
    let changesHref: String
}

/// `SLUG/versions/DATE/`: an earlier text, with a banner saying when it
/// was in force and where the current text is.
struct VersionPage {
    let title: String
    let adopted: String
    let adoptedISO: String
    let replaced: String?
    let replacedISO: String?
    let currentHref: String
    let changesHref: String
    let body: String
}

/// One run of a redline: kept, deleted or inserted words.
struct RedlineRunContext {
    let text: String
    let spaceBefore: Bool
    let kind: WordRedline.Kind
    var isKept: Bool { kind == .kept }
    var isDeleted: Bool { kind == .deleted }
    var isInserted: Bool { kind == .inserted }
}

/// One clause listed on the changes page.
struct ClauseChangeContext {
    let kind: String
    let kindLabel: String
    let number: String
    let href: String
    let was: String?
    let wasHref: String?
    /// The clause's text, for additions and removals.
    let text: String?
    let redline: [RedlineRunContext]
    var hasRedline: Bool { !redline.isEmpty }
}

/// One change of version on the changes page.
struct VersionChangeContext {
    let anchor: String
    let heading: String
    let from: String
    let fromISO: String
    let fromHref: String
    let to: String?
    let toISO: String?
    let toHref: String
    let clauses: [ClauseChangeContext]
    var hasClauses: Bool { !clauses.isEmpty }
}

/// `SLUG/changes/`: each change of version, newest first.
struct ChangesPage {
    let title: String
    let currentHref: String
    let changes: [VersionChangeContext]
}

extension VersionLinkContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": return date
        case "dateISO": return dateISO
        case "href": return href
        default: return nil
        }
    }
}

extension VersionLinksContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "versions": return versions
        case "changesHref": return changesHref
        default: return nil
        }
    }
}

extension VersionPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "adopted": return adopted
        case "adoptedISO": return adoptedISO
        case "replaced": return replaced
        case "replacedISO": return replacedISO
        case "currentHref": return currentHref
        case "changesHref": return changesHref
        case "body": return body
        default: return nil
        }
    }
}

extension RedlineRunContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "spaceBefore": return spaceBefore
        case "kind": return kind.rawValue
        case "isKept": return isKept
        case "isDeleted": return isDeleted
        case "isInserted": return isInserted
        default: return nil
        }
    }
}

extension ClauseChangeContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": return kind
        case "kindLabel": return kindLabel
        case "number": return number
        case "href": return href
        case "was": return was
        case "wasHref": return wasHref
        case "text": return text
        case "redline": return redline
        case "hasRedline": return hasRedline
        default: return nil
        }
    }
}

extension VersionChangeContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "heading": return heading
        case "from": return from
        case "fromISO": return fromISO
        case "fromHref": return fromHref
        case "to": return to
        case "toISO": return toISO
        case "toHref": return toHref
        case "clauses": return clauses
        case "hasClauses": return hasClauses
        default: return nil
        }
    }
}

extension ChangesPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "currentHref": return currentHref
        case "changes": return changes
        default: return nil
        }
    }
}
