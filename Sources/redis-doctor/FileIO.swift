import Glibc
import RedisDoctorCore

/// Whole-file reads and atomic writes with plain syscalls: no Foundation at start-up.
enum FileIO {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// The most any local file (`--from-file`, `--from-snapshot`, `--config`, the state
    /// file) may hold: a snapshot with a 32 MiB CLIENT LIST fits, /dev/zero does not.
    static let readLimit = 64 * 1024 * 1024
    /// A settings file is a few dozen lines.
    static let configLimit = 1024 * 1024

    /// Reads a whole file, refusing one larger than `limit` before buffering it.
    /// A FIFO may block in open(2): the watchdog bounds that.
    static func read(_ path: String, limit: Int = readLimit) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        var out: [UInt8] = []
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, reason: "is a directory") }
            if (info.st_mode & S_IFMT) == S_IFREG {
                if Int(info.st_size) > limit { throw tooLarge(path, limit) }
                // The exact size: growing by doubling would hold two copies at once.
                out.reserveCapacity(Int(info.st_size) + 1)
            }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { return out }
            // A device or a pipe can stream forever (/dev/zero): stop at the limit.
            guard out.count + n <= limit else { throw tooLarge(path, limit) }
            out += buffer[0..<n]
        }
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> Failure {
        Failure(path: path, reason: "larger than the \(limit >> 20) MiB limit for \(limit == configLimit ? "settings files" : "local files"); refused")
    }

    /// True when the file at `path` begins with `tag` (read without reading the rest).
    static func startsWith(_ path: String, _ tag: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let want = Array(tag.utf8)
        var buffer = [UInt8](repeating: 0, count: want.count)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return n == want.count && buffer == want
    }

    /// The file's modification time in seconds since the epoch, or nil when it is unknown
    /// or not a time an INFO can have been taken (before 1970, after 9999).
    static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let seconds = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        return TimestampText.parse(String(Int64(info.st_mtim.tv_sec))) != nil ? seconds : nil
    }

    /// What is at `path` without following a link: nil when nothing is.
    static func kind(of path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return "regular file"
        case S_IFLNK: return "symbolic link"
        case S_IFDIR: return "directory"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        default: return "special file"
        }
    }

    /// Refuses anything at `path` but a regular file: a device, a FIFO, a link.
    static func requireRegularOrAbsent(_ path: String) throws(Failure) {
        guard let kind = kind(of: path), kind != "regular file" else { return }
        throw Failure(path: path, reason: "is a \(kind), not a regular file; refusing to replace it")
    }

    /// O_TMPFILE (`__O_TMPFILE | O_DIRECTORY`; the macro is not imported into Swift).
    private static let temporaryFileFlag = Int32(0o20000000) | O_DIRECTORY

    /// Writes a new file beside the target and renames it over, so a reader never sees
    /// half a file. Only a regular file (or nothing) is replaced. The content is written
    /// to an unnamed O_TMPFILE where the file system has it, so a run killed mid-write
    /// leaves nothing behind; it gets a name (unpredictable, created exclusively, 0600)
    /// just before the rename, so a planted link cannot redirect the write either.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        try requireRegularOrAbsent(path)
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var generator = SystemRandomNumberGenerator()
        let temporary = directory + "." + base + "." + String(generator.next(), radix: 16) + ".tmp"
        // Unnamed first; where that or naming it through /proc is not possible, a named
        // temporary file created exclusively.
        if !(try writeUnnamed(bytes, in: directory, as: temporary)) {
            try writeNamed(bytes, as: temporary)
        }
        // Checked again just before the rename: the path may have changed meanwhile.
        do throws(Failure) {
            try requireRegularOrAbsent(path)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }

    /// Writes into an O_TMPFILE and links it as `temporary`; false when the file system
    /// or a missing /proc does not allow it (nothing is left behind then).
    private static func writeUnnamed(_ bytes: [UInt8], in directory: String, as temporary: String) throws(Failure) -> Bool {
        let fd = open(directory.isEmpty ? "." : directory, temporaryFileFlag | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: temporary)
        // linkat fails if the name exists: the name is as exclusive as O_EXCL makes it.
        return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0
    }

    private static func writeNamed(_ bytes: [UInt8], as temporary: String) throws(Failure) {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(path: temporary, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        do throws(Failure) {
            try writeAll(bytes, to: fd, path: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Every byte, then fsync.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            offset += n
        }
        guard fsync(fd) == 0 else { throw Failure(path: path, reason: "fsync failed: " + String(cString: strerror(errno))) }
    }
}
