/// Turns Word documents and plain-text exports into protocol Markdown.
public enum Importer {}
