import Yams

/// Front matter read from YAML's node by hand, for the front matter nearly
/// every protocol has: text, lists of text and history rows of text. The
/// `Decodable` path did the same through the coding machinery at 0.9 M
/// instructions a file, a twentieth of a build. Anything else (an empty or
/// null value, a key written twice, a value of the wrong shape) gives nil
/// and goes through the decoder as before, which reads it the same way or
/// says what is wrong.
enum PlainFrontMatter {
    static func read(_ mapping: Node.Mapping) -> FrontMatter? {
        var front = FrontMatter()
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = plainText(key) else { return nil }
            guard FrontMatter.knownKeys.contains(name) else { continue }
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "title": guard let text = plainText(value) else { return nil }; front.title = text
            case "slug": guard let text = plainText(value) else { return nil }; front.slug = text
            case "council": guard let text = plainText(value) else { return nil }; front.council = text
            case "status": guard let text = plainText(value) else { return nil }; front.status = text
            case "adopted": guard let text = plainText(value) else { return nil }; front.adopted = text
            case "reviewed": guard let text = plainText(value) else { return nil }; front.reviewed = text
            case "review": guard let text = plainText(value) else { return nil }; front.review = text
            case "version": guard let text = plainText(value) else { return nil }; front.version = text
            case "summary": guard let text = plainText(value) else { return nil }; front.summary = text
            case "aliases": guard let list = textList(value) else { return nil }; front.aliases = list
            case "cited_as": guard let list = textList(value) else { return nil }; front.citedAs = list
            case "tags": guard let list = textList(value) else { return nil }; front.tags = list
            case "history":
                guard case .sequence(let rows) = value else { return nil }
                var history: [FrontMatter.HistoryRow] = []
                for row in rows {
                    guard let read = historyRow(row) else { return nil }
                    history.append(read)
                }
                front.history = history
            default:
                return nil
            }
        }
        return front
    }

    private static func historyRow(_ node: Node) -> FrontMatter.HistoryRow? {
        guard case .mapping(let mapping) = node else { return nil }
        var row = FrontMatter.HistoryRow()
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = plainText(key) else { return nil }
            guard FrontMatter.HistoryRow.knownKeys.contains(name) else { continue }
            guard seen.insert(name).inserted, let text = plainText(value) else { return nil }
            switch name {
            case "date": row.date = text
            case "version": row.version = text
            case "change": row.change = text
            case "review": row.review = text
            default: return nil
            }
        }
        return row
    }

    private static func textList(_ node: Node) -> TextList? {
        if let one = plainText(node) { return TextList([one]) }
        guard case .sequence(let items) = node else { return nil }
        var list: [String] = []
        for item in items {
            guard let text = plainText(item) else { return nil }
            list.append(text)
        }
        return TextList(list)
    }

    /// A scalar's text when it is one the decoder would give as it is: any
    /// scalar (the decoder reads text whatever its tag) but one that YAML
    /// reads as null.
    private static func plainText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }
}
