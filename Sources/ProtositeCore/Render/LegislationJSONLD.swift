/// schema.org `Legislation` for a protocol page, so search engines and
/// other systems read its dates and force.
enum LegislationJSONLD {
    static func make(_ metadata: ProtocolMetadata, url: String?, language: String) -> String {
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Legislation")),
            ("name", .string(metadata.title)),
            ("legislationType", .string("Protocol")),
            ("inLanguage", .string(language)),
        ]
        if let url { members.append(("url", .string(url))) }
        if !metadata.aliases.isEmpty { members.append(("alternateName", .array(metadata.aliases.map { .string($0) }))) }
        if let summary = metadata.summary { members.append(("abstract", .string(summary))) }
        if let council = metadata.council {
            members.append(("legislationPassedBy", .object([("@type", .string("GovernmentOrganization")), ("name", .string(council))])))
            members.append(("legislationJurisdiction", .string(council)))
        }
        if let adopted = metadata.adopted { members.append(("legislationDate", .string(adopted.description))) }
        if let reviewed = metadata.reviewed ?? metadata.adopted {
            members.append(("legislationDateVersion", .string(reviewed.description)))
        }
        if let version = metadata.version { members.append(("version", .string(version))) }
        members.append(("legislationLegalForce", .string(legalForce(metadata.status))))
        if !metadata.tags.isEmpty { members.append(("keywords", .string(metadata.tags.joined(separator: ", ")))) }
        return JSONValue.object(members).serialized()
    }

    /// schema.org's LegalForceStatus names.
    static func legalForce(_ status: ProtocolStatus) -> String {
        switch status {
        case .adopted: return "InForce"
        case .draft: return "NotInForce"
        case .superseded, .withdrawn: return "NotInForce"
        }
    }
}
