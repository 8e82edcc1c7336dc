import Mustache
import ProtositeMarkdown
import ProtositeTheme

/// The templates and assets a build uses: the built-in ones, each replaced
/// by a file of the same name in the project's `templates/`.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Files copied into the site as they are, by path (`assets/site.css`).
    public let assets: [String: [UInt8]]
    /// Built-in templates, not overridden, whose pages state the
    /// Content-Security-Policy (themselves or through the built-in layout):
    /// their pages need no search for it.
    let statingPolicy: Set<String>
    /// The page templates (`protocol`, `index`, `reviews`) whose pages are
    /// written by `PageWriter` rather than rendered: those the project
    /// replaces neither the template of nor `layout.mustache` (a copy the
    /// same byte for byte replaces nothing). The writers make the same
    /// bytes without Mustache's look-ups.
    let writtenPages: Set<String>

    public init(overrides: [String: SourceFile], diagnostics: inout [Diagnostic]) {
        _ = FastEscaping.registered
        var files: [String: (path: String, bytes: [UInt8])] = [:]
        for (name, text) in EmbeddedTheme.files {
            files[name] = ("(built-in) " + name, Array(text.utf8))
        }
        for (name, file) in overrides {
            files[name] = (file.path, file.bytes)
            if let warning = ContentSecurityPolicy.warning(forOverride: name, path: file.path, text: String(decoding: file.bytes, as: UTF8.self)) {
                diagnostics.append(warning)
            }
        }
        var library = MustacheLibrary()
        var assets: [String: [UInt8]] = [:]
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            if name.hasSuffix(".mustache") {
                guard let text = String(validating: file.bytes, as: UTF8.self) else {
                    diagnostics.append(.error("the template is not valid UTF-8", in: file.path, line: 1, column: 1))
                    continue
                }
                do {
                    try library.register(FastEscaping.pragma + text, named: String(name.dropLast(".mustache".count)))
                } catch let error as MustacheTemplate.ParserError {
                    // Lines as the author wrote them: the pragma's line is not theirs.
                    diagnostics.append(.error("the template cannot be read: \(error.error)", in: file.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
                } catch {
                    diagnostics.append(.error("the template cannot be read: \(error)", in: file.path, line: 1, column: 1))
                }
            } else if name.hasPrefix("assets/") {
                assets[name] = file.bytes
            }
        }
        self.library = library
        self.assets = assets
        func unchanged(_ name: String) -> Bool {
            overrides[name].map { $0.bytes.elementsEqual(EmbeddedTheme.files[name]?.utf8 ?? "".utf8) } ?? true
        }
        writtenPages = unchanged("layout.mustache") ? Set(Self.pagesWithWriters.filter { unchanged($0 + ".mustache") }) : []
        let builtIn = EmbeddedTheme.files.filter { overrides[$0.key] == nil }
        let layoutStates = builtIn["layout.mustache"].map(ContentSecurityPolicy.isStated) ?? false
        statingPolicy = Set(builtIn.compactMap { name, text -> String? in
            guard name.hasSuffix(".mustache") else { return nil }
            let states = ContentSecurityPolicy.isStated(in: text) || (layoutStates && text.contains("{{<layout}}"))
            return states ? String(name.dropLast(".mustache".count)) : nil
        })
    }

    /// The page templates `PageWriter` can write.
    static let pagesWithWriters = ["protocol", "index", "reviews"]

    /// True when `template`'s pages are written without Mustache.
    func writes(_ template: String) -> Bool {
        writtenPages.contains(template)
    }

    /// Renders a page template with a context value.
    public func render(_ context: Any, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// A page from `template`, with the Content-Security-Policy in its head
    /// whatever the template says.
    func page(_ context: Any, template: String) -> String {
        let html = render(context, template: template)
        return statingPolicy.contains(template) ? html : ContentSecurityPolicy.ensure(in: html)
    }
}

/// The library's HTML escaping, done on bytes. Mustache escapes every
/// `{{value}}` by stepping through its Characters and looking each one up
/// in a dictionary: a fifth of its time on a large site. This escapes the
/// same five characters the same way (`HTMLEscaping.escape`), and every
/// template, the clerk's own too, is read with it: a first line of
/// `{{% CONTENT_TYPE: … }}` is put before each, which Mustache reads as a
/// line of its own and leaves out of the page.
enum FastEscaping {
    static let name = "PROTOSITE_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    static let registered: Void = MustacheContentTypes.register(Escaper(), named: name)

    struct Escaper: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }
}
