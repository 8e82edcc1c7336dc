import Foundation

/// An open folder that files are made in by `openat`, each part of a path
/// opened with `O_NOFOLLOW`: once the staging folder is open, a symbolic
/// link planted anywhere inside it (or swapped in while the build runs)
/// is never followed out of it.
final class FolderHandle: Sendable {
    let descriptor: Int32

    /// Opens `path`, which must be a real folder, not a link to one.
    init(path: String) throws {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw SiteWriter.Failure.io("\(path): \(String(cString: strerror(errno)))") }
    }

    deinit { close(descriptor) }

    /// The folder holding `relative`'s last part, opened part by part; the
    /// caller closes it unless it is `descriptor`.
    private func parent(of parts: [Substring]) throws -> Int32 {
        var current = descriptor
        for part in parts.dropLast() {
            let next = openat(current, String(part), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let failure = errno
            if current != descriptor { close(current) }
            guard next >= 0 else { throw SiteWriter.Failure.io("\(parts.joined(separator: "/")): \(String(cString: strerror(failure)))") }
            current = next
        }
        return current
    }

    /// Makes the folder `relative` (its parent must exist); one that is
    /// there already is fine.
    func makeFolder(_ relative: String) throws {
        let parts = relative.split(separator: "/")
        let folder = try parent(of: parts)
        defer { if folder != descriptor { close(folder) } }
        if mkdirat(folder, String(parts.last!), 0o777) != 0, errno != EEXIST {
            throw SiteWriter.Failure.io("\(relative): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes over the file `relative` in place, or makes it; a symbolic
    /// link in its place is removed first, never written through. Returns
    /// the file's stamp.
    func writeFile(_ relative: String, _ bytes: [UInt8], hash: UInt64) throws -> FileStamp {
        let parts = relative.split(separator: "/")
        let folder = try parent(of: parts)
        defer { if folder != descriptor { close(folder) } }
        let name = String(parts.last!)
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC
        var file = openat(folder, name, flags, 0o666)
        if file < 0, errno == ELOOP {
            unlinkat(folder, name, 0)
            file = openat(folder, name, flags, 0o666)
        }
        guard file >= 0 else { throw SiteWriter.Failure.io("\(relative): \(String(cString: strerror(errno)))") }
        defer { close(file) }
        guard PosixFiles.writeAll(file, bytes) else { throw SiteWriter.Failure.io("\(relative): \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw SiteWriter.Failure.io("\(relative): not a regular file")
        }
        return FileStamp(hash: hash, info)
    }
}
