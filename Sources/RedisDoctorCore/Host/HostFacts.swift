/// The host facts the host rules read, parsed from a `HostCapture`. Every field is
/// optional: a file that could not be read leaves its facts unknown, never zero.
public struct HostFacts: Sendable {
    public var pid: Int
    public var identifiedBy: String
    /// /proc/PID/status of the server.
    public var process: ProcFields?
    /// /proc/meminfo.
    public var memory: ProcFields?
    /// The kernel's transparent huge pages mode: `always`, `madvise` or `never`.
    public var transparentHugepages: String?
    public var overcommitMemory: Int?
    public var somaxconn: Int?
    public var cgroup: CgroupMemory?
    /// The save child, when a save or rewrite ran: its stat (state, parent, start time).
    public var saveChild: ProcStat?
    public var filesystem: HostFilesystem?
    public var dumpFiles: [HostFileSize]
    /// Files tried and not read, with why.
    public var unreadable: [HostFile]

    /// The process's `State` line (`T (stopped)`), and its letter.
    public var state: (letter: Character, text: String)? {
        guard let text = process?.text("State"), let letter = text.first else { return nil }
        return (letter, text)
    }

    /// Stopped by a signal (T) or a tracer (t): it stays so until continued.
    public var isStopped: Bool { state.map { $0.letter == "T" || $0.letter == "t" } ?? false }

    /// In uninterruptible sleep (D): blocked on I/O, a kernel lock, a hung mount.
    public var isBlocked: Bool { state?.letter == "D" }

    /// Nil when the capture says the server is not on this host.
    public init?(_ capture: HostCapture) {
        guard capture.notLocal == nil, let pid = capture.pid else { return nil }
        self.pid = pid
        self.identifiedBy = capture.identifiedBy ?? "process \(pid)"
        process = capture.text(HostPaths.status(pid)).map(ProcFields.init(parsing:))
        memory = capture.text(HostPaths.meminfo).map(ProcFields.init(parsing:))
        transparentHugepages = capture.text(HostPaths.transparentHugepages).flatMap(Self.selectedMode)
        overcommitMemory = capture.text(HostPaths.overcommitMemory).flatMap { Int($0.trimmingSpaces) }
        somaxconn = capture.text(HostPaths.somaxconn).flatMap { Int($0.trimmingSpaces) }
        cgroup = CgroupMemory(capture, pid: pid)
        // Only the server's own child: a pid reused by another process says nothing of the save.
        if let child = capture.saveChildPid, let stat = capture.text(HostPaths.stat(child)).flatMap(ProcStat.init(parsing:)), stat.parentPid == pid {
            saveChild = stat
        }
        filesystem = capture.filesystem
        dumpFiles = capture.dumpFiles
        unreadable = capture.files.filter { $0.error != nil }
    }

    /// `always [madvise] never` names the mode in brackets.
    static func selectedMode(_ text: String) -> String? {
        guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    /// The server's resident memory now (VmRSS).
    public var rss: Double? { process?.bytes("VmRSS") }
    /// The server's memory in swap (VmSwap).
    public var swap: Double? { process?.bytes("VmSwap") }
    /// Whether transparent huge pages may back the server's memory: the kernel's mode is
    /// `always` and the process has not opted out (`THP_enabled: 0` after `disable-thp`;
    /// kernels before 6.0 print no THP_enabled, and then the server's `disable-thp` says).
    public func processHasHugepages(disableThp: String?) -> Bool? {
        guard let mode = transparentHugepages else { return nil }
        guard mode == "always" else { return false }
        if let flag = process?.integer("THP_enabled") { return flag != 0 }
        return disableThp != "yes"
    }

    /// Why a fact a rule needs is missing: the file's read error, or that it was not read.
    public func missing(_ path: String) -> String {
        if let failed = unreadable.first(where: { $0.path == path }), let error = failed.error { return "\(path): \(error)" }
        return "\(path) was not read"
    }
}

/// The memory limit and usage of the server's cgroup.
public struct CgroupMemory: Sendable, Equatable {
    /// `v2` or `v1`.
    public var version: String
    /// The group, as /proc/PID/cgroup names it.
    public var group: String
    /// The lowest limit of the group and its ancestors (a slice's MemoryMax binds its
    /// units); nil when none is limited (`max`, or v1's page-rounded 2^63).
    public var limitBytes: Double?
    /// The group whose limit that is.
    public var limitGroup: String?
    /// The group's usage, page cache included (which the kernel reclaims before it kills).
    public var usageBytes: Double?

    init?(_ capture: HostCapture, pid: Int) {
        guard let text = capture.text(HostPaths.cgroup(pid)) else { return nil }
        let membership = CgroupMembership(parsing: text)
        if let group = membership.v2, capture.text(HostPaths.cgroupV2(group, "memory.max")) != nil {
            version = "v2"
            self.group = group
            (limitBytes, limitGroup) = Self.lowestLimit(group) { capture.text(HostPaths.cgroupV2($0, "memory.max")) }
            usageBytes = capture.text(HostPaths.cgroupV2(group, "memory.current")).flatMap { Double($0.trimmingSpaces) }
        } else if let group = membership.v1Memory, capture.text(HostPaths.cgroupV1(group, "memory.limit_in_bytes")) != nil {
            version = "v1"
            self.group = group
            (limitBytes, limitGroup) = Self.lowestLimit(group) { capture.text(HostPaths.cgroupV1($0, "memory.limit_in_bytes")) }
            usageBytes = capture.text(HostPaths.cgroupV1(group, "memory.usage_in_bytes")).flatMap { Double($0.trimmingSpaces) }
        } else {
            return nil
        }
    }

    /// `group` and its ancestors, nearest first, the root excluded (it has no limit file).
    public static func lineage(_ group: String) -> [String] {
        var parts = group.split(separator: "/").prefix(32).map(String.init)
        var out: [String] = []
        while !parts.isEmpty {
            out.append("/" + parts.joined(separator: "/"))
            parts.removeLast()
        }
        return out
    }

    static func lowestLimit(_ group: String, _ text: (String) -> String?) -> (Double?, String?) {
        var lowest: (Double, String)?
        for ancestor in lineage(group) {
            guard let limit = text(ancestor).flatMap(limit) else { continue }
            if lowest == nil || limit < lowest!.0 { lowest = (limit, ancestor) }
        }
        return (lowest?.0, lowest?.1)
    }

    /// `max` and v1's "no limit" (2^63 rounded down to a page, or more than an exabyte) are no limit.
    static func limit(_ text: String) -> Double? {
        let value = text.trimmingSpaces
        guard value != "max", let n = Double(value), n.isFinite, n > 0, n < 1e18 else { return nil }
        return n
    }
}

extension HostFacts {
    /// What a report shows of the host: the process, the host's memory, the kernel settings
    /// and the disk of `dir`, each only when read. JSON keys name their source.
    public var facts: [ServerFact] {
        var facts = [ServerFact("host process", String(pid), number: Double(pid), key: "host_process_id", fromHost: true)]
        func bytes(_ name: String, _ key: String, _ value: Double?) {
            if let value { facts.append(ServerFact(name, HumanFormat.bytes(value), number: value, key: key, fromHost: true)) }
        }
        bytes("VmRSS", "process_rss_bytes", rss)
        bytes("VmSwap", "process_swap_bytes", swap)
        bytes("MemAvailable", "host_mem_available_bytes", memory?.bytes("MemAvailable"))
        bytes("MemTotal", "host_mem_total_bytes", memory?.bytes("MemTotal"))
        bytes("SwapTotal", "host_swap_total_bytes", memory?.bytes("SwapTotal"))
        bytes("cgroup limit", "cgroup_memory_limit_bytes", cgroup?.limitBytes)
        if let overcommit = overcommitMemory {
            facts.append(ServerFact("vm.overcommit_memory", String(overcommit), number: Double(overcommit), key: "vm_overcommit_memory", fromHost: true))
        }
        if let mode = transparentHugepages { facts.append(ServerFact("THP", mode, key: "transparent_hugepage", fromHost: true)) }
        if let somaxconn { facts.append(ServerFact("somaxconn", String(somaxconn), number: Double(somaxconn), key: "net_core_somaxconn", fromHost: true)) }
        bytes("dir available", "dir_available_bytes", filesystem?.availableBytes)
        if let child = saveChild {
            facts.append(ServerFact("save child", "\(child.pid) \(child.stateText)", key: "save_child_state", fromHost: true))
        }
        return facts
    }
}
