import Foundation

/// Reading files and walking folders with the C library: on a large site
/// Foundation's URL resource values and Data copies were a third of a
/// rebuild's time.
enum PosixFiles {
    /// The bytes of a regular file, or nil when there is none (or it is a
    /// folder, a FIFO or a device). With `followingLinks: false` a symbolic
    /// link at `path` reads as nil: for protosite's own files, where a link
    /// can only have been planted. Failures carry `path` and the reason.
    static func read(_ path: String, followingLinks: Bool = true) throws(FileFailure) -> [UInt8]? {
        // O_NONBLOCK: opening a FIFO (a protosite.yml made with mkfifo) would
        // otherwise wait for a writer for ever. It changes nothing for a
        // regular file, the only kind read further.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR || errno == ELOOP { return nil }
            throw .system(.read, path, errno: errno)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(.read, path, errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Read into uninitialised memory: zeroing first would touch every page twice.
        let size = Int(info.st_size)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failure = errno; return }
                if count == 0 { return }
                initialized += count
            }
        }
        guard failure == 0 else { throw .system(.read, path, errno: failure) }
        // A file that grew while being read: the rest, in pieces.
        var piece = [UInt8](repeating: 0, count: 65536)
        while bytes.count >= size {
            let count = piece.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw .system(.read, path, errno: errno) }
            if count == 0 { break }
            bytes += piece[0..<count]
        }
        return bytes
    }

    /// Writes a file whole under a temporary name, then renames it into
    /// place, so a reader sees the old file or the new. No fsync: a cache
    /// file lost to a crash only costs a full build.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let temporary = path + ".new-\(getpid())"
        // A file made afresh, never a link planted under the temporary name.
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileFailure.system(.write, temporary, errno: errno) }
        let ok = writeAll(descriptor, bytes)
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw FileFailure(.write, path, reason: "the file could not be written whole")
        }
    }

    /// Writes every byte to an open file; false (errno set) when it cannot.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var written = 0
        return bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return false }
                written += count
            }
            return true
        }
    }

    /// `length` bytes from `offset` of an open file; nil (errno set, or 0
    /// when the file is shorter) when they cannot all be read.
    static func readAll(_ descriptor: Int32, offset: Int, length: Int) -> [UInt8]? {
        guard offset >= 0, length >= 0 else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            var done = 0
            while done < length {
                let got = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(offset + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    if got == 0 { errno = 0 }
                    complete = false
                    break
                }
                done += got
            }
            count = done
        }
        return complete ? bytes : nil
    }

    /// Files and folders below `folder` (relative to it), symbolic links
    /// not followed: for clearing out a folder protosite owns.
    static func tree(_ folder: String) -> (files: [String], folders: [String]) {
        var files: [String] = [], folders: [String] = []
        func visit(_ relative: String) {
            guard let directory = opendir(relative.isEmpty ? folder : folder + "/" + relative) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(folder + "/" + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder {
                    folders.append(child)
                    visit(child)
                } else {
                    files.append(child)
                }
            }
        }
        visit("")
        return (files, folders)
    }

    /// Regular files below `folder` (relative to it, sorted). A symbolic
    /// link is followed only when it leads to a regular file inside
    /// `boundary`; linked folders are not entered. A folder that cannot be
    /// opened (no permission) is a failure, named as `shownAs` plus its
    /// path inside: skipping it would build a site without its protocols.
    static func walk(_ folder: String, boundary: String, shownAs: String) throws(FileFailure) -> [String] {
        var found: [String] = []
        func visit(_ relative: String) throws(FileFailure) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard let directory = opendir(path) else {
                // Gone since it was listed: as if it had never been there.
                if errno == ENOENT || errno == ENOTDIR { return }
                throw .system(.list, relative.isEmpty ? shownAs : shownAs + "/" + relative, errno: errno)
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(folder + "/" + child, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = UInt8(DT_DIR)
                    case S_IFREG: type = UInt8(DT_REG)
                    case S_IFLNK: type = UInt8(DT_LNK)
                    default: continue
                    }
                }
                switch Int32(type) {
                case Int32(DT_DIR):
                    try visit(child)
                case Int32(DT_REG):
                    found.append(child)
                case Int32(DT_LNK):
                    // Followed only when it stays inside the folder.
                    guard let target = realpath(folder + "/" + child, nil) else { continue }
                    let resolved = String(cString: target)
                    free(target)
                    var info = stat()
                    guard resolved.hasPrefix(boundary + "/"), stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                    found.append(child)
                default:
                    continue
                }
            }
        }
        try visit("")
        return found.sorted()
    }
}
