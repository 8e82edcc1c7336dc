import Foundation
import Testing
@testable import ProtositeCore
@testable import ProtositeServe

/// Security review #16, item 6: the preview server answers every reload
/// wait in bounded time, only to loopback host names, and redirects only
/// to paths on itself.
@Suite("Serve safety")
struct ServeSafetyTests {
    /// One HTTP/1.1 exchange over a plain socket, so the test chooses every
    /// header (URLSession sets Host itself). Nil when nothing came back
    /// within `timeout` seconds.
    static func exchange(port: UInt16, _ request: String, timeout: Int = 10) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return nil }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { return nil }
        // Until the server closes (Connection: close) or the time is up.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return received.isEmpty ? nil : String(decoding: received, as: UTF8.self)
    }

    static func get(_ target: String, host: String) -> String {
        "GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
    }

    func withServer(_ body: (UInt16) async throws -> Void) async throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["content/a.md": Array(TestSupport.protocolFile(body: "1.1 Text.\n").utf8)], under: root)
        let port = try #require(ClerkLoopTests().freePort())
        let server = try ClerkLoopTests.Server(root: root, port: port)
        defer { _ = server.stop() }
        try await body(port)
    }

    @Test(.timeLimit(.minutes(1)))
    func aWaitForAVersionTheServerNeverHadIsAnsweredAtOnce() async throws {
        try await withServer { port in
            let started = ContinuousClock.now
            let answer = Self.exchange(port: port, Self.get("/__protosite/wait?since=9223372036854775807", host: "127.0.0.1:\(port)"))
            #expect(answer?.hasPrefix("HTTP/1.1 200") == true, "\(answer ?? "no answer")")
            #expect(answer?.hasSuffix("\r\n\r\n1") == true)
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aWaitIsAnsweredWhenItsTimeLimitPasses() async throws {
        // The timeout used to wait for the waiter it was meant to end.
        let state = PreviewState()
        var handler = PreviewHandler(siteFolder: URL(fileURLWithPath: "/nonexistent"), state: state, port: 8000)
        handler.waitLimit = .milliseconds(200)
        let request = HTTPRequestLine(method: "GET", target: "/__protosite/wait?since=0", headers: ["host": "127.0.0.1:8000"])
        let started = ContinuousClock.now
        let response = await handler.handleRequest(request)
        #expect(response.status == 200)
        // Before, never (the test's one-minute limit). The wait is 0.2 s; the
        // bound is generous because a full test run keeps both cores busy.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test(.timeLimit(.minutes(1)))
    func onlyLoopbackHostNamesAreServed() async throws {
        try await withServer { port in
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "localhost"] {
                #expect(Self.exchange(port: port, Self.get("/a/", host: host))?.hasPrefix("HTTP/1.1 200") == true, "\(host)")
            }
            for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost:1"] {
                #expect(Self.exchange(port: port, Self.get("/a/", host: host))?.hasPrefix("HTTP/1.1 403") == true, "\(host)")
            }
            #expect(Self.exchange(port: port, "GET /a/ HTTP/1.0\r\n\r\n")?.hasPrefix("HTTP/1.1 403") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aFolderRedirectStaysOnTheServer() async throws {
        try await withServer { port in
            let answer = Self.exchange(port: port, Self.get("//a", host: "127.0.0.1:\(port)")) ?? ""
            #expect(answer.hasPrefix("HTTP/1.1 301"), "\(answer)")
            #expect(answer.contains("Location: /a/\r\n"), "\(answer)")
            #expect(!answer.contains("Location: //"))
        }
    }

    /// A site with `base_url: …/policies/` is previewed at `/policies/` as
    /// well as at the top, so the 404 page's `/policies/assets/site.css`
    /// is found, as on the host it is published to.
    @Test func aSitePublishedBelowTheTopIsPreviewedAtItsPathToo() async throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["protosite.yml": Array("base_url: https://www.example-parish.gov.uk/policies/\ncontact: clerk@example-parish.gov.uk\n".utf8),
                               "content/grants.md": Array(TestSupport.protocolFile().utf8)], under: root)
        let output = root.appendingPathComponent("site")
        let run = BuildRun(root: root, output: output, today: TestSupport.today).run()
        #expect(run.publishedPath == "/policies/")
        let state = PreviewState()
        await state.record(run)
        let handler = PreviewHandler(siteFolder: output, state: state, port: 8000)
        func get(_ target: String) async -> HTTPReply {
            await handler.handleRequest(HTTPRequestLine(method: "GET", target: target, headers: ["host": "127.0.0.1:8000"]))
        }
        #expect(await get("/policies/assets/site.css").status == 200)
        #expect(await get("/assets/site.css").status == 200)
        #expect(await get("/policies/grants/").status == 200)
        let missing = await get("/policies/no/such/page")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("/policies/assets/site.css"))
        #expect(await get("/policies/grants").headers.first { $0.0 == "Location" }?.1 == "/policies/grants/")
        #expect(await get("/policies").headers.first { $0.0 == "Location" }?.1 == "/policies/")
        #expect(await get("/policies/../../etc/passwd").status == 404)
    }

    @Test func aFileFailureIsListedOnceUnderItsFileOnTheErrorPage() async {
        let state = PreviewState()
        let run = BuildRun.Result(outcome: .failed("content/private/b.md: error: cannot read: Permission denied"), diagnostics: [], seconds: 0)
        await state.record(run)
        let page = ErrorPage.html(await state.failure ?? [], version: 1)
        #expect(page.contains("<code>content/private/b.md: error: cannot read: Permission denied</code>"))
        #expect(!page.contains("protosite: error"))
        await state.record(BuildRun.Result(outcome: .refused("the output folder is a symbolic link"), diagnostics: [], seconds: 0))
        #expect(await state.failure?.first?.formatted == "protosite: error: the output folder is a symbolic link")
    }

    @Test(arguments: ["a", "//a", "/./a/", "a b/c"])
    func redirectTargetsAreOnePathOnThisServer(relative: String) {
        let target = PreviewHandler.redirectTarget(PreviewHandler.safeRelativePath(relative) ?? "")
        #expect(target.hasPrefix("/") && !target.hasPrefix("//"))
    }
}
