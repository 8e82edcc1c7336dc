/// The `Host` names the preview answers to. It listens on 127.0.0.1 only,
/// but a browser sends the name it looked up: a web page whose own domain
/// is made to resolve to 127.0.0.1 (DNS rebinding) would otherwise be able
/// to read the preview from the reader's browser. Only loopback names, with
/// the bound port or none, are accepted.
enum LoopbackHost {
    static let names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    static func accepts(_ header: String?, port: UInt16) -> Bool {
        guard let header else { return false }
        let host = header.lowercased()
        if names.contains(host) { return true }
        guard let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...] == Substring(String(port)) else { return false }
        return names.contains(String(host[..<colon]))
    }
}
