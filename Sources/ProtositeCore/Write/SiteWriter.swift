import CFileSwap
import Foundation
import ProtositeSearch

/// The write stage, the only one that writes the site: puts every output
/// into a new folder beside the target, then swaps it in with one atomic
/// rename, so an interrupted or failed build leaves the previous site whole.
/// It is not the only code that touches the disk: the load stage reads the
/// sources (through `FileSystem`, which tests replace with a tree in
/// memory), `BuildCache` reads and writes `.site.protosite-cache/` beside
/// the site, and the commands `init`, `new`, `import` and `archive` write
/// files of their own. The stages between, parse to render, touch nothing.
public struct SiteWriter: Sendable {
    /// The marker file in every folder protosite writes: only a folder that
    /// carries it may be replaced.
    public static let markerName = ".protosite"
    public static let markerText = "This folder is written by protosite build and replaced whole on every build.\n"

    public enum Failure: Error, CustomStringConvertible {
        case refused(String)
        case io(String)

        public var description: String {
            switch self {
            case .refused(let message), .io(let message): return message
            }
        }
    }

    /// The absolute output folder.
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Refuses outputs that would overwrite what protosite did not make: the
    /// root, the content or templates folder, a folder holding them, or a
    /// folder of other files.
    public func checkTarget(root: URL) throws {
        let target = resolved(output)
        let rootPath = resolved(root)
        let guarded = [rootPath, rootPath + "/content", rootPath + "/templates", rootPath + "/protosite.yml"]
        for path in guarded where target == path || path.hasPrefix(target + "/") || (target.hasPrefix(path + "/") && path != rootPath) {
            throw Failure.refused("refusing to write the site to \(output.path): it would replace \(path == rootPath ? "the project folder" : path); choose another --output, such as \(rootPath)/site")
        }
        if OwnedFolder.isLink(output.path) {
            throw Failure.refused("refusing to write the site to \(output.path): it is a symbolic link, and protosite replaces the folder itself; give the real folder as --output")
        }
        if case .foreign(let reason) = OwnedFolder.state(spare.path) {
            throw Failure.refused("refusing to build: \(spare.path) is not protosite's own (\(reason)); protosite keeps its previous site there, and will neither write through nor delete it. Remove or rename it, then build again")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Failure.refused("refusing to write the site to \(output.path): it is a file, not a folder")
            }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            if !contents.isEmpty, !contents.contains(Self.markerName) {
                throw Failure.refused("refusing to write the site to \(output.path): the folder holds files protosite did not write; choose an empty or new folder")
            }
        }
    }

    /// The previous site, kept beside the site after a build so the next
    /// build can write over it instead of making every file and folder anew
    /// (on ext4, making files is most of the cost of writing a site).
    var spare: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).protosite-spare")
    }

    /// Opens a staging folder beside the site for outputs to be written
    /// into as they are made (`StagingSite`); its `finish` swaps it in. The
    /// staging folder is the spare when there is one: files it already
    /// holds with the right bytes (by `manifest`) are left alone.
    func begin(manifest: SiteManifest?) throws -> StagingSite {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot create \(parent.path): \(error.localizedDescription)")
        }
        removeLeftovers(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).protosite-new-\(ProcessInfo.processInfo.processIdentifier)")
        switch OwnedFolder.state(staging.path) {
        case .absent: break
        case .owned: OwnedFolder.remove(staging)
        case .foreign(let reason):
            if OwnedFolder.isLink(staging.path) || rmdir(staging.path) != 0 {
                throw Failure.refused("refusing to build: \(staging.path) is not protosite's own (\(reason)); remove it, then build again")
            }
        }
        var reusing = false
        // The spare is written into only when it is protosite's own: a real
        // folder, the user's, marked (see OwnedFolder); anything else under
        // its name is refused, never written through or deleted.
        switch OwnedFolder.state(spare.path) {
        case .absent:
            break
        case .owned:
            if rename(spare.path, staging.path) == 0 {
                reusing = true
            } else {
                OwnedFolder.remove(spare)
            }
        case .foreign(let reason):
            throw Failure.refused("refusing to build: \(spare.path) is not protosite's own (\(reason)); remove or rename it, then build again")
        }
        do {
            if !reusing {
                try fm.createDirectory(at: staging, withIntermediateDirectories: false)
                // The marker goes first: a half-written staging folder is still
                // recognisably ours and is cleaned up by the next build.
                try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            }
            return try StagingSite(writer: self, folder: staging, manifest: manifest, reusing: reusing)
        } catch {
            OwnedFolder.remove(staging)
            throw Failure.io("cannot write the new site beside \(output.path): \(error)")
        }
    }

    /// Puts the staging folder in the site's place. Returns true when the
    /// previous site is now the spare.
    func swapIn(_ staging: URL) throws -> Bool {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path) {
            do {
                try fm.moveItem(at: staging, to: output)
                return false
            } catch {
                OwnedFolder.remove(staging)
                throw Failure.io("cannot move the new site to \(output.path): \(error.localizedDescription)")
            }
        }
        if protosite_exchange_paths(staging.path, output.path) == 0 {
            // staging now holds the previous site: it becomes the spare.
            if rename(staging.path, spare.path) == 0 { return true }
            OwnedFolder.remove(staging)
            return false
        }
        // No atomic exchange on this file system: two renames, the previous
        // site kept aside until the new one is in place.
        let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).protosite-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.moveItem(at: output, to: aside)
            try fm.moveItem(at: staging, to: output)
        } catch {
            if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: aside.path) { try? fm.moveItem(at: aside, to: output) }
            OwnedFolder.remove(staging)
            throw Failure.io("cannot replace \(output.path): \(error.localizedDescription)")
        }
        if rename(aside.path, spare.path) == 0 { return true }
        OwnedFolder.remove(aside)
        return false
    }

    /// Staging folders of builds that were killed. Their names
    /// (`.NAME.protosite-new-PID`) are protosite's alone, so they are removed
    /// whatever a killed build left in them.
    private func removeLeftovers(in parent: URL, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries {
            for kind in ["new", "old"] {
                let prefix = ".\(name).protosite-\(kind)-"
                guard entry.hasPrefix(prefix), !entry.dropFirst(prefix.count).isEmpty,
                      entry.dropFirst(prefix.count).allSatisfy(\.isNumber) else { continue }
                let url = parent.appendingPathComponent(entry)
                // Only protosite's own: anything else under the name is left
                // alone, but for an empty folder (a build killed between making
                // its staging folder and marking it): rmdir removes nothing else.
                guard OwnedFolder.state(url.path) == .owned else {
                    if !OwnedFolder.isLink(url.path) { rmdir(url.path) }
                    continue
                }
                if kind == "old", !fm.fileExists(atPath: output.path) {
                    // A build died between the two renames: the previous site comes back.
                    try? fm.moveItem(at: url, to: output)
                } else {
                    OwnedFolder.remove(url)
                }
            }
        }
    }

    private func resolved(_ url: URL) -> String {
        // Resolve through the deepest folder that exists, so links and `..` cannot disguise a path.
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for part in rest { path += (path.hasSuffix("/") ? "" : "/") + part }
        return path
    }
}
