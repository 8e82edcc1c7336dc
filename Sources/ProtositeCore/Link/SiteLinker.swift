/// The link stage: resolves references between protocols. (Reference
/// detection lands with the cross-reference work; for now it carries the
/// documents through.)
public struct SiteLinker: Sendable {
    public init() {}

    public func link(_ documents: [ProtocolDocument], diagnostics: inout [Diagnostic]) -> LinkedSite {
        LinkedSite(protocols: documents.map { LinkedProtocol(document: $0, backLinks: [:]) })
    }
}
