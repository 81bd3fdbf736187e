/// What was read on the server's own host, raw: the text of each /proc and /sys file as
/// the kernel gave it, and the filesystem of `dir`. Parsed in Core (`HostFacts`), so a
/// snapshot taken on the host is judged the same offline.
public struct HostCapture: Sendable, Equatable {
    /// The server process, when it was found on this host.
    public var pid: Int?
    /// How the process was recognised as the server (`process_id 4242 from INFO: redis-server,
    /// started with the server`), for evidence.
    public var identifiedBy: String?
    /// Why nothing was read: the server is remote, host checks are off, the process is not a server.
    public var notLocal: String?
    /// The running save's child process, when a save or rewrite was in progress.
    public var saveChildPid: Int?
    /// Every file read, in order, with its text or why it could not be read.
    public var files: [HostFile]
    /// The filesystem holding `dir`.
    public var filesystem: HostFilesystem?
    /// Sizes of the RDB and AOF files in `dir`.
    public var dumpFiles: [HostFileSize]

    public init(pid: Int? = nil, identifiedBy: String? = nil, notLocal: String? = nil, saveChildPid: Int? = nil,
                files: [HostFile] = [], filesystem: HostFilesystem? = nil, dumpFiles: [HostFileSize] = []) {
        self.pid = pid
        self.identifiedBy = identifiedBy
        self.notLocal = notLocal
        self.saveChildPid = saveChildPid
        self.files = files
        self.filesystem = filesystem
        self.dumpFiles = dumpFiles
    }

    /// A capture that says only why there are no host facts.
    public static func notLocal(_ reason: String) -> HostCapture {
        HostCapture(notLocal: reason)
    }

    /// The text read from `path`; nil when it was not read or could not be.
    public func text(_ path: String) -> String? {
        files.first { $0.path == path }?.text
    }
}

/// One /proc or /sys file: its text, or the error that stopped the read.
public struct HostFile: Sendable, Equatable {
    public var path: String
    public var text: String?
    public var error: String?

    public init(path: String, text: String? = nil, error: String? = nil) {
        self.path = path
        self.text = text
        self.error = error
    }
}

/// statvfs of a directory: space for unprivileged writers (f_bavail), as `df` shows it.
public struct HostFilesystem: Sendable, Hashable {
    /// The directory asked about (`dir`), or the mount point used when `dir` was not searchable.
    public var path: String
    public var availableBytes: Double?
    public var totalBytes: Double?
    /// Why the numbers are missing (permission, no time left, a filesystem that did not answer).
    public var error: String?
    /// statvfs did not return in its time: a hung mount, which would hang a save too.
    public var hung: Bool

    public init(path: String, availableBytes: Double? = nil, totalBytes: Double? = nil, error: String? = nil, hung: Bool = false) {
        self.path = path
        self.availableBytes = availableBytes
        self.totalBytes = totalBytes
        self.error = error
        self.hung = hung
    }
}

/// A persistence file's size (the RDB named by `dbfilename`, the AOF before 7.0), or why
/// it could not be read (`dir` is the server's, mode 0750). A file that does not exist is
/// not listed.
public struct HostFileSize: Sendable, Hashable {
    public var path: String
    public var bytes: Double?
    public var error: String?

    public init(path: String, bytes: Double) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, error: String) {
        self.path = path
        self.error = error
    }
}

/// Where each fact lives: one table, used by the collector to read and by `HostFacts` to find.
public enum HostPaths {
    public static let meminfo = "/proc/meminfo"
    public static let transparentHugepages = "/sys/kernel/mm/transparent_hugepage/enabled"
    public static let overcommitMemory = "/proc/sys/vm/overcommit_memory"
    public static let somaxconn = "/proc/sys/net/core/somaxconn"
    public static let procStat = "/proc/stat"

    public static func status(_ pid: Int) -> String { "/proc/\(pid)/status" }
    public static func stat(_ pid: Int) -> String { "/proc/\(pid)/stat" }
    public static func cgroup(_ pid: Int) -> String { "/proc/\(pid)/cgroup" }
    public static func children(_ pid: Int) -> String { "/proc/\(pid)/task/\(pid)/children" }

    /// cgroup v2: `/sys/fs/cgroup<path>/memory.max` and `memory.current`.
    public static func cgroupV2(_ group: String, _ file: String) -> String { "/sys/fs/cgroup" + (group == "/" ? "" : group) + "/" + file }
    /// cgroup v1: `/sys/fs/cgroup/memory<path>/memory.limit_in_bytes` and `memory.usage_in_bytes`.
    public static func cgroupV1(_ group: String, _ file: String) -> String { "/sys/fs/cgroup/memory" + (group == "/" ? "" : group) + "/" + file }
}
