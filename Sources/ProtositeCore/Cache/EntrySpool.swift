import Foundation
import ProtositeSearch

/// Where the search entries' fields wait between the render stage and
/// the index and cache: a file, not the heap. Each protocol's entries are
/// held from its page to the end of the build, and their fields (the
/// clauses' text, as JSON) are the bulk of them: at ten thousand
/// protocols 130 MB, a third of the build's peak memory, although the
/// index reads them once, a chunk at a time, and the cache once more.
///
/// The file lives in the cache folder, which protosite owns, and is
/// unlinked as soon as it is opened, so nothing is left behind however
/// the build ends. It is opened at the first protocol spooled; when it
/// cannot be, the fields stay in memory, as they do for builds that write
/// no cache (`check`, tests).
final class EntrySpool: @unchecked Sendable {
    private let folder: BuildCache
    // Guarded by `lock`.
    private let lock = NSLock()
    private var descriptor: Int32 = -1
    private var failed = false
    private var size = 0

    init(cache: BuildCache) {
        folder = cache
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Where a protocol's fields went: their bytes and each entry's share.
    struct Place: Sendable {
        var offset: Int
        var lengths: [Int32]
    }

    /// The fields of `entries` written to the spool, and the entries
    /// without them (their terms in one buffer); nil when the spool cannot
    /// be written, and the entries keep their fields.
    func spool(_ entries: [PreparedEntry]) -> (place: Place, entries: [PreparedEntry])? {
        guard !entries.isEmpty else { return nil }
        var fields: [UInt8] = []
        fields.reserveCapacity(entries.reduce(0) { $0 + $1.json.count })
        for entry in entries { fields += entry.json }
        guard let offset = append(fields) else { return nil }
        return (Place(offset: offset, lengths: entries.map { Int32($0.json.count) }), PreparedEntry.withoutJSON(entries))
    }

    /// A protocol's entries given back their fields from `place`.
    func restore(_ entries: ArraySlice<PreparedEntry>, from place: Place) throws -> [PreparedEntry] {
        try restore(entries, from: place, range: 0..<entries.count)
    }

    /// Entries `range` (counted from the first) of a protocol's, given back
    /// their fields.
    func restore(_ entries: ArraySlice<PreparedEntry>, from place: Place, range: Range<Int>) throws -> [PreparedEntry] {
        let skipped = place.lengths[..<range.lowerBound].reduce(0) { $0 + Int($1) }
        let length = place.lengths[range].reduce(0) { $0 + Int($1) }
        let fields = try read(offset: place.offset + skipped, length: length)
        var start = 0
        return range.map { index in
            let end = start + Int(place.lengths[index])
            defer { start = end }
            return entries[entries.startIndex + index].withJSON(fields[start..<end])
        }
    }

    private func append(_ bytes: [UInt8]) -> Int? {
        lock.withLock {
            guard !failed else { return nil }
            if descriptor < 0 {
                descriptor = folder.openSpool()
                guard descriptor >= 0 else {
                    failed = true
                    return nil
                }
            }
            guard PosixFiles.writeAll(descriptor, bytes) else {
                // What was written stays readable; later protocols keep their fields.
                failed = true
                return nil
            }
            defer { size += bytes.count }
            return size
        }
    }

    /// A spool read that fails ends the build: the bytes were written by it.
    struct ReadFailure: Error, CustomStringConvertible {
        var description: String
    }

    private func read(offset: Int, length: Int) throws -> [UInt8] {
        let descriptor = lock.withLock { self.descriptor }
        guard let bytes = PosixFiles.readAll(descriptor, offset: offset, length: length) else {
            let reason = errno == 0 ? "the file is shorter than written" : String(cString: strerror(errno))
            throw ReadFailure(description: "cannot read the search entries spooled in \(folder.folder.path): \(reason)")
        }
        return bytes
    }
}

extension BuildCache {
    /// A new, already unlinked file in the cache folder to spool into;
    /// -1 when the folder cannot be made or is not this user's. The file is
    /// made under an open handle of the folder, checked to be a real folder
    /// of this user's, so a folder swapped for a link after the check is
    /// not written through.
    func openSpool() -> Int32 {
        guard isUsable, (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return -1 }
        let directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else { return -1 }
        defer { close(directory) }
        var info = stat()
        guard fstat(directory, &info) == 0, info.st_uid == geteuid() else { return -1 }
        let name = "entries.spool-\(getpid())"
        unlinkat(directory, name, 0)
        let descriptor = openat(directory, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor >= 0 { unlinkat(directory, name, 0) }
        return descriptor
    }
}
