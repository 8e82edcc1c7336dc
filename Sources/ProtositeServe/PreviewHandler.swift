import Foundation
import ProtositeCore

/// Answers every request of the preview: the site's files (with the reload
/// script added to each page), the reload script, and the long-poll that
/// tells a page a newer build exists.
struct PreviewHandler: Sendable {
    let siteFolder: URL
    let state: PreviewState
    /// The port the server listens on, for the names a request may use.
    let port: UInt16
    /// How long a reload wait is held before it is answered anyway.
    var waitLimit: Duration = .seconds(25)

    func handleRequest(_ request: HTTPRequestLine) async -> HTTPReply {
        guard LoopbackHost.accepts(request.headers["host"], port: port) else {
            // DNS rebinding: a page on another site whose name now points at
            // 127.0.0.1 could otherwise read the preview, drafts included.
            return response(403, type: "text/plain; charset=utf-8", body: Data("This preview answers only to 127.0.0.1 and localhost.\n".utf8))
        }
        switch request.path {
        case "/__protosite/reload.js":
            return response(200, type: "text/javascript; charset=utf-8", body: Data(ReloadScript.source.utf8))
        case "/__protosite/wait":
            // Any text at all: a number too large for Int is 0, never a crash.
            let since = Int(request.query["since"] ?? "") ?? 0
            let version = await waitForVersion(after: since)
            return response(200, type: "text/plain; charset=utf-8", body: Data(String(version).utf8), cache: false)
        default:
            return await file(request.path)
        }
    }

    /// Holds the request until a new build, or 25 seconds so proxies and
    /// browsers do not give up on it first.
    private func waitForVersion(after since: Int) async -> Int {
        await withTaskGroup(of: Int?.self) { group in
            group.addTask { await state.waitForVersion(after: since) }
            group.addTask {
                try? await Task.sleep(for: waitLimit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? since
        }
    }

    private func file(_ asked: String) async -> HTTPReply {
        let version = await state.version
        if let failure = await state.failure {
            return response(500, type: "text/html; charset=utf-8", body: Data(ErrorPage.html(failure, version: version).utf8), cache: false)
        }
        // A site published at `/policies/` is answered there too, as its host
        // will: its 404 page links to `/policies/assets/site.css`.
        var requestPath = asked
        var prefix = ""
        if let published = await state.publishedPath {
            if asked + "/" == published { return HTTPReply(status: 301, headers: [("Location", Self.redirectTarget(published))]) }
            if asked.hasPrefix(published) {
                requestPath = "/" + asked.dropFirst(published.count)
                prefix = String(published.dropLast())
            }
        }
        guard let relative = Self.safeRelativePath(requestPath) else {
            return response(404, type: "text/plain; charset=utf-8", body: Data("Not found\n".utf8))
        }
        var url = siteFolder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            if !requestPath.hasSuffix("/") {
                // Made from the cleaned path, one leading `/`: the request's own
                // `//evil.example/p` would be a protocol-relative redirect off the server.
                return HTTPReply(status: 301, headers: [("Location", Self.redirectTarget(prefix + "/" + relative))])
            }
            url = url.appendingPathComponent("index.html")
        }
        guard let data = try? Data(contentsOf: url) else {
            let notFound = (try? Data(contentsOf: siteFolder.appendingPathComponent("404.html"))) ?? Data("Not found\n".utf8)
            return response(404, type: "text/html; charset=utf-8", body: ReloadScript.inject(into: notFound, version: version), cache: false)
        }
        let type = Self.contentType(url.pathExtension)
        let body = type.hasPrefix("text/html") ? ReloadScript.inject(into: data, version: version) : data
        return response(200, type: type, body: body, cache: false)
    }

    private func response(_ status: Int, type: String, body: Data, cache: Bool = false) -> HTTPReply {
        HTTPReply(status: status, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: body)
    }

    /// A folder's address with its slash, always a path on this server.
    static func redirectTarget(_ relative: String) -> String {
        let encoded = relative.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "" }
        return "/" + encoded.map { $0 + "/" }.joined()
    }

    /// The path under the site folder, or nil for one that climbs out.
    static func safeRelativePath(_ path: String) -> String? {
        let decoded = path
        var parts: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.contains("\0") { return nil }
            parts.append(String(part))
        }
        return parts.joined(separator: "/")
    }

    static func contentType(_ extension: String) -> String {
        switch `extension`.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "ics": return "text/calendar; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
