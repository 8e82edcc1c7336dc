/// A path inside the site as protosite writes it: relative, in parts that
/// are neither empty nor `.` or `..`, with no NUL. Every path the writer is
/// given is checked, those read back from the cache above all: the cache
/// lies beside the output, where anyone who can add a file could edit it,
/// and a kept path of `../../x` would be read from and written outside the
/// site.
enum SitePath {
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
