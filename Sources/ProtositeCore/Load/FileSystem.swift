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
    /// folder being listed are not followed.
    public static func disk(root: String) -> FileSystem {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        return FileSystem(
            read: { relative in
                let path = rootURL.appendingPathComponent(relative).path
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
                return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            },
            list: { folder in
                let base = rootURL.appendingPathComponent(folder)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
                let realBase = base.resolvingSymlinksInPath().path
                var found: [String] = []
                guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else { return [] }
                for case let url as URL in walker {
                    let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                    if values.isSymbolicLink == true {
                        // Followed only when it stays inside the folder.
                        let target = url.resolvingSymlinksInPath()
                        guard target.path.hasPrefix(realBase + "/"),
                              (try? target.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                    } else if values.isRegularFile != true {
                        continue
                    }
                    let full = url.standardizedFileURL.path
                    let relative = String(full.dropFirst(rootURL.path.count + 1))
                    found.append(relative)
                }
                return found.sorted()
            }
        )
    }
}
