import Foundation
import ProtositeSearch

/// The new site while it is written: a folder beside the site that outputs
/// go into as they are made, from all cores, and that `finish` swaps in
/// place of the site. Until then the site is untouched; a failed build
/// removes the folder (`abandon`).
final class StagingSite: OutputSink, @unchecked Sendable {
    let writer: SiteWriter
    let folder: URL
    /// Opened once, not followed if it is a link: every file is made under this handle.
    private let handle: FolderHandle
    private let manifest: SiteManifest?
    /// The spare's files as the last build left them, when the staging
    /// folder is the spare: a file with the right stamp is not written again.
    private let known: [String: FileStamp]
    private let reusing: Bool

    // Guarded by `lock`.
    private let lock = NSLock()
    /// What the folder held when it was the spare, less what was written over.
    private var leftFiles: Set<String>
    private var leftFolders: Set<String>
    /// Folders known to exist now.
    private var folders: Set<String> = [""]
    private var stamps: [String: FileStamp] = [:]
    private(set) var made = 0

    init(writer: SiteWriter, folder: URL, manifest: SiteManifest?, reusing: Bool) throws {
        self.writer = writer
        self.folder = folder
        self.manifest = manifest
        self.reusing = reusing
        handle = try FolderHandle(path: folder.path)
        known = reusing ? (manifest?.spare ?? [:]) : [:]
        if reusing {
            let (files, subfolders) = PosixFiles.tree(folder.path)
            leftFiles = Set(files)
            leftFolders = Set(subfolders)
        } else {
            leftFiles = []
            leftFolders = []
        }
    }

    /// Writes one output (or leaves the spare's copy, when it has these bytes).
    func put(_ output: Output) throws {
        guard SitePath.isSafe(output.path) else { throw SiteWriter.Failure.io("'\(output.path)' is not a path inside the site") }
        // The spare carries the marker already.
        if reusing, output.path == SiteWriter.markerName { return record(output.path, stamp: nil) }
        let hash = StableHash.of(output.bytes)
        try place(output.path, hash: hash) { try self.handle.writeFile(output.path, output.bytes, hash: hash) }
        lock.withLock { made += 1 }
    }

    /// Carries over files of the current site as they are (its bytes are
    /// read only when the spare's copy is not the same).
    func keep(_ paths: [String]) throws {
        for path in paths where !SitePath.isSafe(path) {
            throw SiteWriter.Failure.io("the last build's record names '\(path)', which is not a path inside the site; delete \(BuildCache(output: writer.output).folder.path) and build again")
        }
        let paths = paths.filter { !reusing || $0 != SiteWriter.markerName }
        let failures = ResultSlots<Error>(count: paths.count)
        let site = writer.output
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            do {
                guard let stamp = manifest?.site[path] else { throw SiteWriter.Failure.io("\(path): not in the last build's record") }
                try place(path, hash: stamp.hash) {
                    try self.handle.writeFile(path, try Self.read(site.appendingPathComponent(path).path), hash: stamp.hash)
                }
            } catch {
                failures.set(index, error)
            }
        }
        if let failure = failures.values.first { throw failure }
    }

    /// Makes `path`'s folders, then the file by `write` unless the spare's
    /// copy is already the one wanted.
    private func place(_ path: String, hash: UInt64, write: () throws -> FileStamp) throws {
        try makeFolders(for: path)
        let target = folder.appendingPathComponent(path).path
        if let stamp = known[path], stamp.hash == hash, stamp.matches(target) {
            return record(path, stamp: stamp)
        }
        record(path, stamp: try write())
    }

    private func record(_ path: String, stamp: FileStamp?) {
        lock.withLock {
            if let stamp { stamps[path] = stamp }
            leftFiles.remove(path)
        }
    }

    /// The folders a file stands in, parents first. In a reused spare, a
    /// file where a folder is now wanted goes first, and so does a folder
    /// where a file is.
    private func makeFolders(for path: String) throws {
        let parts = path.split(separator: "/")
        try lock.withLock {
            for end in parts.indices.dropLast() {
                let folderPath = parts[...end].joined(separator: "/")
                if folders.contains(folderPath) { continue }
                if leftFolders.remove(folderPath) == nil {
                    if leftFiles.remove(folderPath) != nil { unlink(folder.appendingPathComponent(folderPath).path) }
                    try handle.makeFolder(folderPath)
                }
                folders.insert(folderPath)
            }
            if leftFolders.remove(path) != nil {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(path))
                leftFiles = leftFiles.filter { !$0.hasPrefix(path + "/") }
                leftFolders = leftFolders.filter { !$0.hasPrefix(path + "/") }
            }
        }
    }

    /// Removes what the spare held that the new site does not, and swaps
    /// the folder in place of the site. Returns what the site and the
    /// spare now hold.
    func finish(kept: [String]) throws -> SiteManifest {
        try keep(kept)
        let (files, emptyFolders) = lock.withLock { (leftFiles, leftFolders.subtracting(folders)) }
        do {
            for file in files where file != SiteWriter.markerName {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
            }
            for entry in emptyFolders.sorted(by: { $0.count > $1.count }) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
            }
        } catch {
            abandon()
            throw SiteWriter.Failure.io("cannot write the new site beside \(writer.output.path): \(error)")
        }
        var stamps = lock.withLock { self.stamps }
        if let marker = FileStamp.current(folder.appendingPathComponent(SiteWriter.markerName).path, hash: StableHash.of(Array(SiteWriter.markerText.utf8))) {
            stamps[SiteWriter.markerName] = marker
        }
        let previous = try writer.swapIn(folder)
        return SiteManifest(site: stamps, spare: previous ? (manifest?.site ?? [:]) : [:])
    }

    /// Removes the half-written folder: the site stays as it was.
    func abandon() {
        OwnedFolder.remove(folder)
    }

    /// A kept file of the current site; a link in its place is not read
    /// through (its bytes could be any file's, published).
    private static func read(_ path: String) throws -> [UInt8] {
        guard let bytes = try PosixFiles.read(path, followingLinks: false) else { throw SiteWriter.Failure.io("\(path): not a regular file") }
        return bytes
    }
}
