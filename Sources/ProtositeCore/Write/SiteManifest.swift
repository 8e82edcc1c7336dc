import Foundation

/// What protosite wrote into the site folder and into its spare (the
/// previous site, kept beside it to be written over next time): per file,
/// a hash of its bytes and the stamp the file system gave it, so a later
/// build can tell a file it may keep from one someone changed.
struct SiteManifest: Sendable, Equatable {
    var site: [String: FileStamp]
    var spare: [String: FileStamp]
}

struct FileStamp: Sendable, Equatable {
    var hash: UInt64
    var size: Int
    var modified: Int
    var inode: UInt64

    /// The stamp of the file at `path` now, with the hash it is known by.
    /// A symbolic link has none (`lstat`): a link put in place of a site
    /// file never passes for it.
    static func current(_ path: String, hash: UInt64) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(hash: hash, info)
    }

    init(hash: UInt64, size: Int, modified: Int, inode: UInt64) {
        self.hash = hash
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    init(hash: UInt64, _ info: stat) {
        self.init(hash: hash, size: Int(info.st_size),
                  modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                  inode: UInt64(info.st_ino))
    }

    /// Whether the file at `path` is still the one this stamp describes.
    func matches(_ path: String) -> Bool {
        FileStamp.current(path, hash: hash) == self
    }
}

extension SiteManifest {
    /// Whether every file of the site folder is as protosite left it.
    func siteIsIntact(at folder: URL) -> Bool {
        site.allSatisfy { path, stamp in stamp.matches(folder.appendingPathComponent(path).path) }
    }

    func encode(to out: inout CacheWriter) {
        for files in [site, spare] {
            out.array(files.sorted { $0.key < $1.key }) { out, item in
                out.string(item.key)
                out.u64(item.value.hash)
                out.int(item.value.size)
                out.int(item.value.modified)
                out.u64(item.value.inode)
            }
        }
    }

    init(from input: inout CacheReader) throws {
        func files() throws -> [String: FileStamp] {
            let items = try input.array { input in
                (try input.string(), FileStamp(hash: try input.u64(), size: try input.int(), modified: try input.int(), inode: try input.u64()))
            }
            return Dictionary(items, uniquingKeysWith: { first, _ in first })
        }
        site = try files()
        spare = try files()
    }
}
