import Foundation

/// The file system as the build sees it: reading only. Injected, so tests
/// build sites from trees in memory and never touch the disk.
public struct FileSystem: Sendable {
    /// The bytes of a file (path relative to the root), or nil when there is none.
    public var read: @Sendable (String) throws -> [UInt8]?
    /// Regular files below a folder, as paths relative to the root, sorted;
    /// empty when the folder does not exist.
    public var list: @Sendable (String) throws -> [String]

    public init(read: @escaping @Sendable (String) throws -> [UInt8]?, list: @escaping @Sendable (String) throws -> [String]) {
        self.read = read
        self.list = list
    }

    /// A tree in memory: paths relative to the root, with their text.
    public static func memory(_ files: [String: String]) -> FileSystem {
        memory(bytes: files.mapValues { Array($0.utf8) })
    }

    public static func memory(bytes files: [String: [UInt8]]) -> FileSystem {
        FileSystem(
            read: { files[$0] },
            list: { folder in
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                return files.keys.filter { $0.hasPrefix(prefix) }.sorted()
            }
        )
    }

    /// The real disk below `root`. Symbolic links that lead outside the
    /// folder being listed are not followed. Failures (`FileFailure`) name
    /// the file as the project does, relative to the root
    /// (`content/a.md`), with the system's reason.
    public static func disk(root: String) -> FileSystem {
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        return FileSystem(
            read: { relative in
                do {
                    return try PosixFiles.read(rootPath + "/" + relative)
                } catch var failure as FileFailure {
                    failure.path = relative
                    throw failure
                }
            },
            list: { folder in
                let base = rootPath + "/" + folder
                guard let real = realpath(base, nil) else { return [] }
                let boundary = String(cString: real)
                free(real)
                return try PosixFiles.walk(base, boundary: boundary, shownAs: folder).map { folder + "/" + $0 }
            }
        )
    }
}
