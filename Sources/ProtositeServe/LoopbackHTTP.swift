import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request as the preview needs it: a method and a target.
struct HTTPRequestLine: Sendable {
    var method: String
    /// The target as sent (`/a/b%20c/?since=3`).
    var target: String

    /// The path, percent-decoded, with its trailing slash kept (pages link
    /// relatively, so the slash matters).
    var path: String {
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        return raw.removingPercentEncoding ?? raw
    }

    /// The query's `name=value` pairs (the last of a repeated name wins).
    var query: [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var pairs: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            pairs[name] = value
        }
        return pairs
    }

    /// Header values by lower-cased name (the last of a repeated name wins).
    var headers: [String: String] = [:]

    init(method: String, target: String, headers: [String: String] = [:]) {
        self.method = method
        self.target = target
        self.headers = headers
    }

    /// Reads `GET /target HTTP/1.1` and the header lines from the head of a request.
    init?(head: String) {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let words = lines.first?.split(separator: " ") ?? []
        guard words.count == 3, words[2].hasPrefix("HTTP/1."), words[1].hasPrefix("/") else { return nil }
        method = String(words[0])
        target = String(words[1])
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
}

struct HTTPReply: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body = Data()

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }

    /// The bytes on the wire. Every reply closes its connection: a preview
    /// for one person needs no keep-alive, and it keeps this server simple.
    func serialised(headOnly: Bool) -> Data {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Data(head.utf8)
        if !headOnly { bytes.append(body) }
        return bytes
    }
}

/// A small HTTP/1.1 server on 127.0.0.1 for `protosite serve`: GET and HEAD,
/// one thread per connection. It replaces FlyingFox, whose module also holds
/// an HTTP proxy built on URLSession, and so linked FoundationNetworking and
/// libcurl into every protosite binary and stopped a static build.
/// Connections get their own threads (not tasks) because a long-poll blocks
/// for up to 25 s and this machine's cooperative pool may have two threads.
final class LoopbackHTTPServer: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequestLine) async -> HTTPReply

    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var stopped = false

    /// Binds and listens at once, so a taken port is an error here.
    init(port: UInt16, handler: @escaping Handler) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PreviewServer.Failure.cannotListen(String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard Self.bindLoopback(fd, port: port), listen(fd, 64) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw PreviewServer.Failure.cannotListen(message)
        }
        listener = fd
        self.handler = handler
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Binds a socket to 127.0.0.1 and `port` (0: any free port). Loopback
    /// only: the preview is never reachable from another machine.
    static func bindLoopback(_ fd: Int32, port: UInt16) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// Stops accepting; connections in progress finish on their own threads.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        // shutdown wakes the thread blocked in accept; close frees the port.
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let head = Self.readHead(connection), let request = HTTPRequestLine(head: head) else {
            send(HTTPReply(status: 400, body: Data("Bad request\n".utf8)), to: connection, headOnly: false)
            return
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            send(HTTPReply(status: 405, headers: [("Allow", "GET, HEAD")]), to: connection, headOnly: false)
            return
        }
        // The handler is async (it awaits the preview's state); this thread waits for it.
        let done = DispatchSemaphore(value: 0)
        let box = ReplyBox()
        let handler = self.handler
        Task {
            box.reply = await handler(request)
            done.signal()
        }
        done.wait()
        send(box.reply ?? HTTPReply(status: 500), to: connection, headOnly: request.method == "HEAD")
    }

    /// Reads up to the blank line that ends the head (requests here have no
    /// body); gives up past 64 KB or after 10 s of silence.
    private static func readHead(_ connection: Int32) -> String? {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65_536 {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            bytes.append(contentsOf: buffer[0..<count])
            if let end = String(decoding: bytes, as: UTF8.self).range(of: "\r\n\r\n") {
                return String(String(decoding: bytes, as: UTF8.self)[..<end.lowerBound])
            }
        }
        return nil
    }

    private func send(_ reply: HTTPReply, to connection: Int32, headOnly: Bool) {
        let bytes = [UInt8](reply.serialised(headOnly: headOnly))
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a browser that closed the tab must not kill the server with SIGPIPE.
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return }
            sent += count
        }
    }
}

/// Carries a reply from the handler's task to the connection's thread
/// (the semaphore orders the write before the read).
private final class ReplyBox: @unchecked Sendable {
    var reply: HTTPReply?
}
