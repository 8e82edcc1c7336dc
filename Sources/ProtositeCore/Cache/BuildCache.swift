import Foundation
import ProtositeSearch

/// The cache folder, `.protosite-cache/` in the project, which protosite
/// owns. For each output folder it keeps the last build's state: one file
/// naming every protocol's record, and the records, each in a file named
/// by the hash of its bytes, so a rebuild writes only the records that
/// changed. Deleting the folder costs one full build, nothing more.
struct BuildCache {
    static let folderName = ".protosite-cache"
    /// Bumped whenever what the cache holds changes meaning.
    static let formatVersion: UInt64 = 2

    let folder: URL
    var stateFile: URL { folder.appendingPathComponent("state") }
    var recordsFolder: URL { folder.appendingPathComponent("records") }

    init(root: URL, output: URL) {
        let outputPath = output.standardizedFileURL.path
        let name = String(StableHash.of(Array(outputPath.utf8)), radix: 16)
        folder = root.appendingPathComponent(Self.folderName).appendingPathComponent("build-\(name)")
    }

    /// Everything outside `content/` that the outputs depend on: the
    /// program itself, the configuration, template overrides, the date and
    /// the index threshold.
    static func key(sources: SiteSources, today: CalendarDay) -> UInt64 {
        var out = CacheWriter()
        out.u64(formatVersion)
        out.string(executableIdentity())
        out.raw(sources.configFile?.bytes ?? [])
        for (name, file) in sources.templateOverrides.sorted(by: { $0.key < $1.key }) {
            out.string(name)
            out.raw(file.bytes)
        }
        out.string(today.description)
        out.int(SiteRenderer.shardThreshold)
        return StableHash.of(out.bytes)
    }

    /// The running program's size and modification time: a rebuilt or
    /// upgraded protosite starts afresh.
    private static func executableIdentity() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        var info = stat()
        guard stat(path, &info) == 0 else { return "unknown \(Date().timeIntervalSince1970)" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The last build's state and files, if it left them for this key and
    /// every record is whole.
    func load(key: UInt64) -> (BuildState, SiteManifest)? {
        guard let header = try? PosixFiles.read(stateFile.path),
              let decoded = try? BuildState.decodeHeader(header, key: key) else { return nil }
        var state = decoded.0
        let names = decoded.1, manifest = decoded.2
        let folder = recordsFolder.path
        let records = ResultSlots<DocumentRecord>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let name = names[index]
            guard let bytes = try? PosixFiles.read(folder + "/" + String(name, radix: 16)), StableHash.of(bytes) == name,
                  var record = try? DocumentRecord(decoding: bytes) else { return }
            record.storedAs = name
            records.set(index, record)
        }
        let documents = records.values
        guard documents.count == names.count else { return nil }
        state.documents = documents
        guard state.termsAreKnown() else { return nil }
        return (state, manifest)
    }

    /// Stores the records not stored yet (on all cores) and returns every
    /// record's name, in order. Safe to run while the site is written.
    func saveRecords(_ state: BuildState) -> [UInt64] {
        try? FileManager.default.createDirectory(at: recordsFolder, withIntermediateDirectories: true)
        let folder = recordsFolder.path
        let names = ResultSlots<UInt64>(count: state.documents.count)
        DispatchQueue.concurrentPerform(iterations: state.documents.count) { index in
            let record = state.documents[index]
            if let name = record.storedAs {
                names.set(index, name)
                return
            }
            let bytes = record.encoded()
            let name = StableHash.of(bytes)
            let path = folder + "/" + String(name, radix: 16)
            if access(path, F_OK) != 0 { try? PosixFiles.replace(path, with: bytes) }
            names.set(index, name)
        }
        return names.values
    }

    /// Writes the state naming `records`, then removes records no longer named.
    func saveState(_ state: BuildState, records: [UInt64], manifest: SiteManifest) {
        let bytes = state.encodedHeader(records: records, manifest: manifest)
        // Written aside and renamed, so a killed build leaves the old state or the new.
        do {
            try PosixFiles.replace(stateFile.path, with: bytes)
        } catch {
            return
        }
        let named = Set(records.map { String($0, radix: 16) })
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: recordsFolder.path)) ?? [] where !named.contains(entry) {
            try? FileManager.default.removeItem(at: recordsFolder.appendingPathComponent(entry))
        }
    }

    /// Before a site is replaced: the state no longer describes the site.
    func forget() {
        try? FileManager.default.removeItem(at: stateFile)
    }
}
