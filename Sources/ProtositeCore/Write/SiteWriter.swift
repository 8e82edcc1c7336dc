import CFileSwap
import Foundation
import ProtositeSearch

/// The write stage, the only one that touches the disk: puts every output
/// into a new folder beside the target, then swaps it in with one atomic
/// rename, so an interrupted or failed build leaves the previous site whole.
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

    /// Writes all outputs and swaps them in place of the previous site.
    public func write(_ outputs: [Output]) throws {
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
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            // The marker goes first: a half-written staging folder is still
            // recognisably ours and is cleaned up by the next build.
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            // Folders first, one by one; then the files on all cores.
            let files = outputs.filter { $0.path != Self.markerName }
            let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).subtracting([""]).sorted()
            for folder in folders {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let failures = ResultSlots<String>(count: 1)
            let chunk = 64
            DispatchQueue.concurrentPerform(iterations: (files.count + chunk - 1) / chunk) { part in
                for file in files[(part * chunk)..<min(files.count, (part + 1) * chunk)] {
                    do {
                        try Data(file.bytes).write(to: staging.appendingPathComponent(file.path))
                    } catch {
                        failures.set(0, "\(file.path): \(error.localizedDescription)")
                        return
                    }
                }
            }
            if let failure = failures.values.first {
                throw Failure.io(failure)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw Failure.io("cannot write the new site beside \(output.path): \(error.localizedDescription)")
        }
        try swapIn(staging)
    }

    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path) {
            do {
                try fm.moveItem(at: staging, to: output)
                return
            } catch {
                try? fm.removeItem(at: staging)
                throw Failure.io("cannot move the new site to \(output.path): \(error.localizedDescription)")
            }
        }
        if protosite_exchange_paths(staging.path, output.path) == 0 {
            // staging now holds the previous site.
            try? fm.removeItem(at: staging)
            return
        }
        // No atomic exchange on this file system: two renames, the previous
        // site kept aside until the new one is in place.
        let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).protosite-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.moveItem(at: output, to: aside)
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: aside)
        } catch {
            if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: aside.path) { try? fm.moveItem(at: aside, to: output) }
            try? fm.removeItem(at: staging)
            throw Failure.io("cannot replace \(output.path): \(error.localizedDescription)")
        }
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
                if kind == "old", !fm.fileExists(atPath: output.path) {
                    // A build died between the two renames: the previous site comes back.
                    try? fm.moveItem(at: url, to: output)
                } else {
                    try? fm.removeItem(at: url)
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
