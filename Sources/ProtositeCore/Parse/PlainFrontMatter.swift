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
            // Unknown keys are warned about by the reader, and left out here as by the decoder.
            guard textFields[name] != nil || listFields[name] != nil || name == "history" else { continue }
            guard seen.insert(name).inserted else { return nil }
            if let field = textFields[name] {
                guard let text = plainText(value) else { return nil }
                front[keyPath: field] = text
                continue
            }
            if let field = listFields[name] {
                guard let list = textList(value) else { return nil }
                front[keyPath: field] = list
                continue
            }
            guard name == "history", case .sequence(let rows) = value else { return nil }
            var history: [FrontMatter.HistoryRow] = []
            for row in rows {
                guard let read = historyRow(row) else { return nil }
                history.append(read)
            }
            front.history = history
        }
        return front
    }

    private static let textFields: [String: WritableKeyPath<FrontMatter, String?> & Sendable] = [
        "title": \.title, "slug": \.slug, "council": \.council, "status": \.status, "adopted": \.adopted,
        "reviewed": \.reviewed, "review": \.review, "version": \.version, "summary": \.summary,
    ]
    private static let listFields: [String: WritableKeyPath<FrontMatter, TextList?> & Sendable] = ["aliases": \.aliases, "cited_as": \.citedAs, "tags": \.tags]

    private static func historyRow(_ node: Node) -> FrontMatter.HistoryRow? {
        guard case .mapping(let mapping) = node else { return nil }
        var row = FrontMatter.HistoryRow()
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = plainText(key) else { return nil }
            guard let field = rowFields[name] else { continue }
            guard seen.insert(name).inserted, let text = plainText(value) else { return nil }
            row[keyPath: field] = text
        }
        return row
    }

    private static let rowFields: [String: WritableKeyPath<FrontMatter.HistoryRow, String?> & Sendable] = [
        "date": \.date, "version": \.version, "change": \.change, "review": \.review,
    ]

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
