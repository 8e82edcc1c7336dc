import Foundation
import ProtositeSearch

/// The cache folder, `.NAME.protosite-cache/` beside the output folder
/// (`.site.protosite-cache/` for `site/`), which protosite owns: beside
/// the output, not in the project, so building a project one may only read
/// still works, and each output has its own. It keeps the last build's
/// state: a small
/// file saying where each protocol's record lies, and one pack of records.
/// A rebuild appends only the records that changed (one file, not one per
/// protocol: making files is what costs most on ext4); the pack is written
/// afresh when it is mostly stale. Deleting the folder costs one full
/// build, nothing more.
struct BuildCache {
    /// Bumped whenever what the cache holds changes meaning.
    static let formatVersion: UInt64 = 9

    let folder: URL
    var stateFile: URL { folder.appendingPathComponent("state") }
    var packFile: URL { folder.appendingPathComponent("records.pack") }

    init(output: URL) {
        let output = output.standardizedFileURL
        folder = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).protosite-cache")
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
        // Earlier versions are in the key: a change under versions/ makes
        // the next build a full one (see docs/decisions.md, "Earlier versions").
        for file in sources.versionFiles {
            out.string(file.path)
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

    /// Whether the folder may be read and written: absent (it will be
    /// made), or a real folder of this user's. A link or someone else's
    /// folder under the name is left alone, and the build is a full one.
    var isUsable: Bool {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return errno == ENOENT }
        return (info.st_mode & S_IFMT) == S_IFDIR && info.st_uid == geteuid()
    }

    /// What the cache holds for a build.
    enum Lookup {
        case found(BuildState, SiteManifest)
        /// The site is no longer as the last build left it (`intact` said no).
        case siteChanged
        /// Why there is nothing to use: shown under --verbose.
        case unusable(String)
    }

    /// Why the cache could not be read or written.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The last build's state and files, if it left them for this key and
    /// every record is whole. The paths it names are checked as the writer
    /// will use them: anyone who can add a file beside the output can edit
    /// the cache.
    /// The last build's state for `key`, if the site is still as `intact`
    /// finds it. The manifest is asked before the records are read: at ten
    /// thousand protocols they take 150 MB, for nothing when the site changed.
    func load(key: UInt64, intact: (SiteManifest) -> Bool) -> Lookup {
        guard isUsable else { return .unusable("\(folder.path) is not a folder of this user's; it is left alone") }
        let header: [UInt8]
        do {
            guard let bytes = try PosixFiles.read(stateFile.path, followingLinks: false) else {
                return .unusable("no state from a last build in \(folder.path)")
            }
            header = bytes
        } catch {
            return .unusable("cannot read \(stateFile.path): \(error)")
        }
        let decoded: BuildState.Header
        do {
            guard let found = try BuildState.decodeHeader(header, key: key) else {
                return .unusable("the program, protosite.yml, templates/, versions/ or the day changed since the last build")
            }
            decoded = found
        } catch {
            return .unusable("\(stateFile.path) is damaged")
        }
        guard intact(decoded.manifest) else { return .siteChanged }
        let pack: [UInt8]
        do {
            guard let bytes = try PosixFiles.read(packFile.path, followingLinks: false) else { return .unusable("\(packFile.path) is missing") }
            pack = bytes
        } catch {
            return .unusable("cannot read \(packFile.path): \(error)")
        }
        var state = decoded.state
        let places = decoded.records, manifest = decoded.manifest
        let records = ResultSlots<DocumentRecord>(count: places.count)
        DispatchQueue.concurrentPerform(iterations: places.count) { index in
            let place = places[index]
            guard place.offset >= 0, place.length >= 0, place.offset + place.length <= pack.count else { return }
            let bytes = pack[place.offset..<(place.offset + place.length)]
            guard bytes.withUnsafeBytes({ StableHash.of($0) }) == place.hash, var record = try? DocumentRecord(decoding: bytes) else { return }
            record.storedAs = place
            records.set(index, record)
        }
        let documents = records.values
        guard documents.count == places.count else { return .unusable("\(places.count - documents.count) record(s) in \(packFile.path) are damaged") }
        state.documents = documents
        guard state.termsAreKnown(),
              documents.allSatisfy({ SitePath.isSafe($0.summary.slug + "/index.html") }),
              state.searchPaths.allSatisfy(SitePath.isSafe),
              manifest.site.keys.allSatisfy(SitePath.isSafe), manifest.spare.keys.allSatisfy(SitePath.isSafe) else {
            return .unusable("\(folder.path) names terms or paths the site cannot have")
        }
        return .found(state, manifest)
    }

    /// Stores the records not stored yet and returns where every record
    /// lies, in order. Safe to run while the site is written.
    func saveRecords(_ state: BuildState, spool: EntrySpool?) -> Result<[StoredRecord], Problem> {
        guard isUsable else { return .failure(Problem(description: "\(folder.path) is not a folder of this user's")) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(Problem(description: "cannot make \(folder.path): \(error)"))
        }
        guard isUsable else { return .failure(Problem(description: "\(folder.path) is not a folder of this user's")) }
        let documents = state.documents
        var info = stat()
        let packSize = lstat(packFile.path, &info) == 0 ? Int(info.st_size) : 0
        let fresh = documents.indices.filter { documents[$0].storedAs == nil }
        // A few changed records are appended, while at most half the pack is stale.
        if packSize > 0, fresh.count <= documents.count / 4 {
            let read = fresh.map { Self.encoded(documents[$0], spool: spool) }
            guard !read.contains(nil) else { return .failure(Problem(description: "the spooled search entries could not be read back")) }
            let encoded = read.map { $0! }
            let added = encoded.reduce(0) { $0 + $1.count }
            let live = documents.reduce(0) { $0 + ($1.storedAs?.length ?? 0) } + added
            if packSize + added <= 2 * live {
                var places = documents.map(\.storedAs)
                var offset = packSize
                for (index, bytes) in zip(fresh, encoded) {
                    places[index] = StoredRecord(offset: offset, length: bytes.count, hash: StableHash.of(bytes))
                    offset += bytes.count
                }
                let descriptor = open(packFile.path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
                guard descriptor >= 0 else { return .failure(systemProblem("cannot open \(packFile.path)")) }
                defer { close(descriptor) }
                for bytes in encoded where !PosixFiles.writeAll(descriptor, bytes) { return .failure(systemProblem("cannot write \(packFile.path)")) }
                return .success(places.map { $0! })
            }
        }
        // Otherwise the pack is written afresh, in batches encoded on all
        // cores and written in order, so it is never whole in memory.
        // Unchanged records are copied from the old pack by offset, not by
        // reading it whole (at ten thousand protocols it is a quarter of a gigabyte).
        let old = packSize > 0 && documents.contains(where: { $0.storedAs != nil }) ? open(packFile.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) : -1
        defer { if old >= 0 { close(old) } }
        let temporary = packFile.path + ".new-\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return .failure(systemProblem("cannot make \(temporary)")) }
        var places: [StoredRecord] = []
        var offset = 0
        var ok = true
        for start in stride(from: 0, to: documents.count, by: 64) where ok {
            let batch = Array(start..<min(documents.count, start + 64))
            let pieces = ResultSlots<[UInt8]?>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { slot in
                let record = documents[batch[slot]]
                if old >= 0, let place = record.storedAs, let bytes = Self.read(old, place) {
                    pieces.set(slot, bytes)
                } else {
                    pieces.set(slot, Self.encoded(record, spool: spool))
                }
            }
            for bytes in pieces.values {
                guard let bytes else {
                    ok = false
                    break
                }
                places.append(StoredRecord(offset: offset, length: bytes.count, hash: StableHash.of(bytes)))
                offset += bytes.count
                ok = ok && PosixFiles.writeAll(descriptor, bytes)
            }
        }
        close(descriptor)
        guard ok, rename(temporary, packFile.path) == 0 else {
            let problem = systemProblem("cannot write \(packFile.path)")
            unlink(temporary)
            return .failure(problem)
        }
        return .success(places)
    }

    /// A record's bytes, its entries' fields read back from `spool` if they
    /// wait there; nil if they cannot be.
    private static func encoded(_ record: DocumentRecord, spool: EntrySpool?) -> [UInt8]? {
        guard let place = record.spooled else { return record.encoded() }
        guard let spool, let search = try? spool.restore(record.search, from: place) else { return nil }
        var record = record
        record.search = search[...]
        record.spooled = nil
        return record.encoded()
    }

    /// A stored record's bytes, if the pack still holds them whole.
    private static func read(_ descriptor: Int32, _ place: StoredRecord) -> [UInt8]? {
        guard let bytes = PosixFiles.readAll(descriptor, offset: place.offset, length: place.length),
              StableHash.of(bytes) == place.hash else { return nil }
        return bytes
    }

    private func systemProblem(_ what: String) -> Problem {
        Problem(description: "\(what): \(String(cString: strerror(errno)))")
    }

    /// Writes the state naming where `records` lie.
    func saveState(_ state: BuildState, records: [StoredRecord], manifest: SiteManifest) -> Result<Void, Problem> {
        guard isUsable else { return .failure(Problem(description: "\(folder.path) is not a folder of this user's")) }
        do {
            try PosixFiles.replace(stateFile.path, with: state.encodedHeader(records: records, manifest: manifest))
            return .success(())
        } catch {
            return .failure(Problem(description: "cannot write \(stateFile.path): \(error)"))
        }
    }

    /// Before a site is replaced: the state no longer describes the site.
    func forget() {
        try? FileManager.default.removeItem(at: stateFile)
    }
}
