import Glibc
import RedisDoctorCore

/// Reads the server's host when the server runs on it: /proc and /sys only (no external
/// commands), and statvfs of `dir` on a detached thread, so a hung mount costs the
/// deadline's share, not the run. What it reads goes raw into the snapshot.
public struct HostCollector: Sendable {
    public var mode: HostCheckMode

    public init(mode: HostCheckMode) {
        self.mode = mode
    }

    /// /proc files are a few KiB; anything past this is not read.
    static let maximumFileBytes = 65_536
    /// statvfs of `dir` gets at most this long (a hung NFS or EBS volume blocks forever).
    static let filesystemSeconds = 2.0

    public func capture(target: ConnectionTarget, info: Info, config: ConfigValues?, deadline: Deadline) -> HostCapture {
        let pid: Int
        let identifiedBy: String
        let status: HostFile
        switch located(target: target, info: info) {
        case .failure(let absence): return .notLocal(absence.reason)
        case .success(let found): (pid, identifiedBy, status) = found
        }
        // The status read to recognise the process is the one kept: the file is read once.
        var capture = HostCapture(pid: pid, identifiedBy: identifiedBy, files: [status])
        func read(_ path: String) -> String? {
            let file = Self.read(path)
            capture.files.append(file)
            return file.text
        }
        _ = read(HostPaths.meminfo)
        _ = read(HostPaths.transparentHugepages)
        _ = read(HostPaths.overcommitMemory)
        _ = read(HostPaths.somaxconn)
        if let text = read(HostPaths.cgroup(pid)) { capture.files += Self.cgroupFiles(CgroupMembership(parsing: text)) }
        if info.flag(.bgsaveInProgress) == true || info.flag(.aofRewriteInProgress) == true, let child = Self.saveChild(of: pid) {
            capture.saveChildPid = child
            _ = read(HostPaths.stat(child))
        }
        if let dir = config?["dir"], dir.hasPrefix("/") {
            let names = [config?["dbfilename"], config?["appendfilename"]].compactMap { $0 }.filter { !$0.isEmpty && !$0.contains("/") }
            let (filesystem, sizes) = Self.disk(dir: dir, files: names, deadline: deadline)
            capture.filesystem = filesystem
            capture.dumpFiles = sizes
        }
        return capture
    }

    /// The server's process on this host, how it was recognised, and its /proc/PID/status;
    /// or why it is not here.
    func located(target: ConnectionTarget, info: Info) -> Result<(Int, String, HostFile), HostAbsence> {
        switch mode {
        case .off:
            return .failure(HostAbsence("host checks are off (--host-checks off)"))
        case .pid(let pid):
            let status = Self.read(HostPaths.status(pid))
            guard status.text != nil else {
                return .failure(HostAbsence("--host-checks pid=\(pid): no process \(pid) on this host"))
            }
            return .success((pid, "process \(pid), named by --host-checks pid=\(pid)", status))
        case .auto:
            break
        }
        if case .tcp(let host, let port) = target.endpoint {
            guard Self.isLoopback(host) else {
                return .failure(HostAbsence("the server is remote (\(target.address)): host facts are read only on the server's own host (--host-checks pid=N if it is this one)"))
            }
            // tcp_port 0: a TLS-only or socket-only server, whose port INFO does not print.
            if let served = info.number(.tcpPort), served != 0, served != Double(port) {
                return .failure(HostAbsence("INFO tcp_port \(HumanFormat.number(served)) is not the port connected to (\(port)): a proxy or a forwarded port, so the process is not known"))
            }
        }
        guard let pidNumber = info.number(.processId), let pid = Int(exactly: pidNumber), pid > 0 else {
            return .failure(HostAbsence("INFO printed no process_id"))
        }
        let status = Self.read(HostPaths.status(pid))
        return ServerProcessMatch.judge(pid: pid, status: status.text, startedAt: Self.startTime(pid), serverStartedAt: Self.serverStart(info))
            .map { (pid, $0, status) }
    }

    /// When the server process started, by its own account: its clock minus its uptime.
    static func serverStart(_ info: Info) -> Double? {
        guard let uptime = info.number(.uptimeSeconds) else { return nil }
        let now = info.number(.serverTimeMicros).map { $0 / 1_000_000 } ?? Double(WallClock.nowMicros()) / 1_000_000
        return now - uptime
    }

    /// When process `pid` started, in seconds since the epoch: boot time plus its start ticks.
    static func startTime(_ pid: Int) -> Double? {
        guard let stat = read(HostPaths.stat(pid)).text.flatMap(ProcStat.init(parsing:)),
              let boot = read(HostPaths.procStat).text.flatMap({ ProcFields.bootTime(procStat: $0) }) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return ticks > 0 ? boot + stat.startTicks / ticks : nil
    }

    /// 127.0.0.0/8, ::1 and localhost: addresses that can only be this host.
    static func isLoopback(_ host: String) -> Bool {
        var host = host
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" { return true }
        if host.lowercased().hasPrefix("::ffff:") { return isLoopback(String(host.dropFirst(7))) }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
        }
        return false
    }

    /// The memory controller's files: v2's memory.max and memory.current when the unified
    /// hierarchy has them, else v1's memory.limit_in_bytes and memory.usage_in_bytes.
    /// The ancestors' limits are read too: a slice's MemoryMax binds every unit in it.
    static func cgroupFiles(_ membership: CgroupMembership) -> [HostFile] {
        func limits(_ group: String, _ path: (String, String) -> String, _ limit: String, _ usage: String) -> [HostFile]? {
            let own = read(path(group, limit))
            guard own.text != nil else { return nil }
            let ancestors = CgroupMemory.lineage(group).dropFirst().map { read(path($0, limit)) }.filter { $0.text != nil }
            return [own, read(path(group, usage))] + ancestors
        }
        if let group = membership.v2, let files = limits(group, HostPaths.cgroupV2, "memory.max", "memory.current") { return files }
        if let group = membership.v1Memory, let files = limits(group, HostPaths.cgroupV1, "memory.limit_in_bytes", "memory.usage_in_bytes") { return files }
        return []
    }

    /// The forked child of `pid` (the save or rewrite), from /proc/PID/task/PID/children.
    static func saveChild(of pid: Int) -> Int? {
        read(HostPaths.children(pid)).text?.split(separator: " ").compactMap { Int($0.filter { $0 != "\n" }) }.first
    }

    /// statvfs of `dir` and the sizes of its persistence files, within the deadline. When
    /// `dir` itself cannot be searched (it is the server's, mode 0750), its sizes are unknown.
    static func disk(dir: String, files: [String], deadline: Deadline) -> (HostFilesystem, [HostFileSize]) {
        let seconds = min(filesystemSeconds, Double(deadline.remainingMilliseconds) / 1000 / 2)
        // No time left is not a hung disk: the rule must not call it one.
        guard seconds >= 0.05 else { return (HostFilesystem(path: dir, error: "not read: no time left before the deadline"), []) }
        let bound = deadline.capped(atMost: seconds)
        let box = DiskBox()
        let wait = DetachedCall.run(deadline: bound, inlineIfNoThread: false) {
            box.set(measure(dir: dir, files: files))
        }
        switch (wait, box.get()) {
        case (.finished, let result?): return result
        case (.timedOut, _), (.cancelled, _), (.finished, nil):
            return (HostFilesystem(path: dir, error: "statvfs did not return within \(HumanFormat.fixed(seconds, 1)) s (a hung filesystem?)", hung: true), [])
        case (.notStarted, _):
            return (HostFilesystem(path: dir, error: "not read: no thread to bound statvfs with"), [])
        }
    }

    /// statvfs and lstat, on the detached thread: either may block on a hung mount.
    private static func measure(dir: String, files: [String]) -> (HostFilesystem, [HostFileSize]) {
        var fs = statvfs()
        guard statvfs(dir, &fs) == 0 else {
            return (HostFilesystem(path: dir, error: "statvfs: \(String(cString: strerror(errno)))"), [])
        }
        let unit = Double(fs.f_frsize > 0 ? fs.f_frsize : fs.f_bsize)
        let filesystem = HostFilesystem(path: dir, availableBytes: Double(fs.f_bavail) * unit, totalBytes: Double(fs.f_blocks) * unit)
        var sizes: [HostFileSize] = []
        for name in files {
            var st = stat()
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if lstat(path, &st) == 0 {
                if (st.st_mode & S_IFMT) == S_IFREG { sizes.append(HostFileSize(path: path, bytes: Double(st.st_size))) }
            } else if errno != ENOENT {
                // dir is the server's (0750): the file may be there, unmeasured.
                sizes.append(HostFileSize(path: path, error: String(cString: strerror(errno))))
            }
        }
        return (filesystem, sizes)
    }

    /// The disk thread's answer, once it has one.
    private final class DiskBox: @unchecked Sendable {
        private let lock = DetachedLock()
        private var filesystem: HostFilesystem?
        private var sizes: [HostFileSize] = []

        func set(_ result: (HostFilesystem, [HostFileSize])) { lock.locked { (filesystem, sizes) = result } }
        func get() -> (HostFilesystem, [HostFileSize])? { lock.locked { filesystem.map { ($0, sizes) } } }
    }

    /// One /proc or /sys file, at most `maximumFileBytes`; never follows a link.
    static func read(_ path: String) -> HostFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return HostFile(path: path, error: String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var failure: Int32 = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer in
            while bytes.count < maximumFileBytes {
                let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno; return }
                if n == 0 { return }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
            }
        }
        if failure != 0 { return HostFile(path: path, error: String(cString: strerror(failure))) }
        return HostFile(path: path, text: String(decoding: bytes.prefix(maximumFileBytes), as: UTF8.self))
    }
}

extension HostCollector {
    /// The sample's snapshot with the host read beside it.
    public func adding(to sample: SnapshotCollector.Sample, target: ConnectionTarget, deadline: Deadline) -> Snapshot {
        var snapshot = sample.snapshot
        let config = sample.snapshot.reply("CONFIG", "GET", "*").map(Self.persistenceConfig)
        snapshot.host = capture(target: target, info: sample.info, config: config, deadline: deadline)
        return snapshot
    }

    /// The three CONFIG values the disk needs, picked from the reply's pairs: parsing all
    /// 450 again here would cost as much as reading the host (callgrind).
    static func persistenceConfig(_ reply: RedisReply) -> ConfigValues {
        guard let items = reply.array else { return ConfigValues() }
        var picked: [RedisReply] = []
        var index = 0
        while index + 1 < items.count && picked.count < 6 {
            if let name = items[index].bytes, name.count <= 14,
               ["dir", "dbfilename", "appendfilename"].contains(where: { name.elementsEqual($0.utf8) }) {
                picked += [items[index], items[index + 1]]
            }
            index += 2
        }
        return ConfigValues(reply: .array(picked))
    }
}
