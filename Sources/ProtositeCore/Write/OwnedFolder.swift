import Foundation

/// Whether a folder beside the output is protosite's own to replace,
/// write into or delete. Anyone who can add a file beside the output (a
/// shared folder, a repository) could plant `.site.protosite-spare` as a
/// symbolic link, or a folder of someone else's files under that name; a
/// build that trusted the name wrote through the link or deleted the
/// folder. So a folder counts as protosite's only when it is a real folder
/// (not a link, by `lstat`), belongs to the user running the build, and
/// holds the `.protosite` marker as a regular file.
enum OwnedFolder {
    enum State: Equatable {
        case absent
        case owned
        /// There, but not protosite's; the reason says why.
        case foreign(String)
    }

    static func state(_ path: String) -> State {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT ? .absent : .foreign(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .foreign("it is a symbolic link")
        case S_IFDIR: break
        default: return .foreign("it is not a folder")
        }
        guard info.st_uid == geteuid() else { return .foreign("it belongs to another user") }
        var marker = stat()
        guard lstat(path + "/" + SiteWriter.markerName, &marker) == 0, (marker.st_mode & S_IFMT) == S_IFREG else {
            return .foreign("it has no \(SiteWriter.markerName) marker as protosite's folders do")
        }
        return .owned
    }

    /// Removes one of protosite's own folders, its marker last: a build
    /// killed half way through leaves a folder that is still marked as
    /// protosite's, so the next build recognises it and finishes the job
    /// (removing the marker first left unmarked leftovers that no later
    /// build would touch). Links inside are removed, never followed.
    /// Anything not protosite's own is left alone but for an empty folder.
    static func remove(_ url: URL) {
        let fm = FileManager.default
        guard state(url.path) == .owned, let entries = try? fm.contentsOfDirectory(atPath: url.path) else {
            if !isLink(url.path) { rmdir(url.path) }
            return
        }
        for entry in entries where entry != SiteWriter.markerName {
            try? fm.removeItem(at: url.appendingPathComponent(entry))
        }
        unlink(url.appendingPathComponent(SiteWriter.markerName).path)
        rmdir(url.path)
    }

    /// Whether `path` is a symbolic link (not followed).
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
