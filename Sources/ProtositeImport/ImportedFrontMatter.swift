import ProtositeCore
import Foundation

/// The front matter of an imported protocol, from what the document says
/// about itself (SPEC §3): title, council, adoption, review, version
/// table and the words its clauses are cited by. Shared by text and Word
/// import so both say the same things the same way.
enum ImportedFrontMatter {
    static func fields(title: String?, titleLine: Int, council: String?, metadata: ExtractedMetadata) -> [FrontMatterField] {
        var fields = [FrontMatterField(key: "title", value: YAMLScalar.quote(title ?? "Untitled protocol"), line: titleLine)]
        if let council { fields.append(FrontMatterField(key: "council", value: YAMLScalar.quote(council), line: titleLine)) }
        if metadata.adopted != nil || !metadata.history.isEmpty { fields.append(FrontMatterField(key: "status", value: "adopted", line: metadata.adoptedLine)) }
        if let adopted = metadata.adopted { fields.append(FrontMatterField(key: "adopted", value: YAMLScalar.quote(adopted), line: metadata.adoptedLine)) }
        if let review = metadata.review { fields.append(FrontMatterField(key: "review", value: YAMLScalar.quote(review), line: metadata.reviewLine)) }
        // A version table's last row gives the version where there is one.
        if let version = metadata.version, metadata.history.isEmpty { fields.append(FrontMatterField(key: "version", value: YAMLScalar.quote(version), line: metadata.versionLine)) }
        if let words = CitedAs.infer(fromTitle: title) { fields.append(FrontMatterField(key: "cited_as", value: words, line: 0)) }
        if !metadata.history.isEmpty {
            var value = ""
            for row in metadata.history {
                var cells = ["date: \(YAMLScalar.quote(row.date))"]
                if !row.version.isEmpty { cells.append("version: \(YAMLScalar.quote(row.version))") }
                if !row.change.isEmpty { cells.append("change: \(YAMLScalar.quote(row.change))") }
                if !row.review.isEmpty { cells.append("review: \(YAMLScalar.quote(row.review))") }
                value += "\n  - {" + cells.joined(separator: ", ") + "}"
            }
            fields.append(FrontMatterField(key: "history", value: value, line: metadata.adoptedLine))
        }
        return fields
    }
}
