import Foundation

/// One group of `search_synonyms:` in protosite.yml, written as a list
/// (`[allotment, plot, garden plot]`) or as one line of text with commas
/// (`allotment, plot, garden plot`), the way search-synonyms.txt has it.
struct SynonymGroup: Decodable, Equatable {
    var members: [String]

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            members = list
        } else {
            members = try container.decode(String.self).split(separator: ",").map(String.init)
        }
        members = members.map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
    }
}
