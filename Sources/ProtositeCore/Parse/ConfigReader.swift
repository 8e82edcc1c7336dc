import Foundation
import Yams

/// Reads `protosite.yml` into `SiteConfig`, every key optional.
public enum ConfigReader {
    struct RawConfig: Decodable {
        var title: String?
        var council: String?
        var baseURL: String?
        var language: String?
        var reviewWarningDays: Int?
        var contact: String?
        var unsafeHTML: Bool?
        var searchSynonyms: [SynonymGroup]?

        enum CodingKeys: String, CodingKey {
            case title, council
            case baseURL = "base_url"
            case language
            case reviewWarningDays = "review_warning_days"
            case contact
            case unsafeHTML = "unsafe_html"
            case searchSynonyms = "search_synonyms"
        }
    }

    public static func read(_ file: SourceFile?, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        guard let file else { return config }
        guard let text = UTF8Check.decode(file.bytes, path: file.path, diagnostics: &diagnostics) else { return config }
        if let refusal = YAMLAliasGuard.check(text) {
            diagnostics.append(.error(refusal.message, in: file.path, line: refusal.line, column: refusal.column))
            return config
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { return config }
            node = composed
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                diagnostics.append(.error("not valid YAML: \(problem)", in: file.path, line: mark.line, column: mark.column))
            default:
                diagnostics.append(.error("not valid YAML: \(error)", in: file.path, line: 1, column: 1))
            }
            return config
        } catch {
            diagnostics.append(.error("could not be read: \(error)", in: file.path, line: 1, column: 1))
            return config
        }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("protosite.yml must be 'key: value' lines", in: file.path, line: 1, column: 1))
            return config
        }
        let positions = FrontMatterPositions(root: mapping, firstLine: 1)
        for (key, _) in mapping {
            guard let name = key.string, !SiteConfig.knownKeys.contains(name) else { continue }
            var message = "unknown setting '\(name)'"
            if let nearest = NearestWord.find(name, in: SiteConfig.knownKeys) { message += "; did you mean '\(nearest)'?" }
            diagnostics.append(.warning(message, in: file.path, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1))
        }
        let raw: RawConfig
        do {
            raw = try YAMLDecoder().decode(RawConfig.self, from: node)
        } catch let error as DecodingError {
            var key = "a setting"
            var expected = "a value of the right kind"
            if case .typeMismatch(let type, let context) = error {
                key = context.codingPath.first?.stringValue ?? key
                expected = type == Int.self ? "a whole number" : type == Bool.self ? "true or false" : "text"
                let (line, column) = positions.position(of: context.codingPath)
                diagnostics.append(.error("'\(key)' must be \(expected)", in: file.path, line: line, column: column))
            } else {
                diagnostics.append(.error("could not be read: \(error)", in: file.path, line: 1, column: 1))
            }
            return config
        } catch {
            diagnostics.append(.error("could not be read: \(error)", in: file.path, line: 1, column: 1))
            return config
        }
        if let title = raw.title?.trimming(.whitespaces), !title.isEmpty { config.title = title }
        config.council = raw.council.flatMap { $0.isEmpty ? nil : $0 }
        if var base = raw.baseURL?.trimming(.whitespaces), !base.isEmpty {
            if let problem = BaseURLCheck.problem(with: base) {
                let (line, column) = positions.position(of: "base_url")
                diagnostics.append(.error("'base_url' must be an absolute http(s) address, like https://www.example-parish.gov.uk/policies/ (\(problem))", in: file.path, line: line, column: column))
            } else {
                if !base.hasSuffix("/") { base += "/" }
                config.baseURL = base
            }
        }
        if let language = raw.language, !language.isEmpty { config.language = language }
        if let days = raw.reviewWarningDays {
            if days < 0 {
                let (line, column) = positions.position(of: "review_warning_days")
                diagnostics.append(.error("'review_warning_days' cannot be negative", in: file.path, line: line, column: column))
            } else {
                config.reviewWarningDays = days
            }
        }
        config.contact = raw.contact.flatMap { $0.isEmpty ? nil : $0 }
        config.unsafeHTML = raw.unsafeHTML ?? false
        config.searchSynonyms = (raw.searchSynonyms ?? []).map(\.members).filter { $0.count >= 2 }
        return config
    }
}
