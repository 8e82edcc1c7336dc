import Foundation
import ProtositeCore

/// Answers every request of the preview: the site's files (with the reload
/// script added to each page), the reload script, and the long-poll that
/// tells a page a newer build exists.
struct PreviewHandler: Sendable {
    let siteFolder: URL
    let state: PreviewState

    func handleRequest(_ request: HTTPRequestLine) async -> HTTPReply {
        switch request.path {
        case "/__protosite/reload.js":
            return response(200, type: "text/javascript; charset=utf-8", body: Data(ReloadScript.source.utf8))
        case "/__protosite/wait":
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
                try? await Task.sleep(for: .seconds(25))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? since
        }
    }

    private func file(_ requestPath: String) async -> HTTPReply {
        let version = await state.version
        if let failure = await state.failure {
            return response(500, type: "text/html; charset=utf-8", body: Data(ErrorPage.html(failure, version: version).utf8), cache: false)
        }
        guard let relative = Self.safeRelativePath(requestPath) else {
            return response(404, type: "text/plain; charset=utf-8", body: Data("Not found\n".utf8))
        }
        var url = siteFolder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            if !requestPath.hasSuffix("/") {
                return HTTPReply(status: 301, headers: [("Location", requestPath + "/")])
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
