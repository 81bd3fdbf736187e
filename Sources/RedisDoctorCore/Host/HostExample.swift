/// A host in a rule's example: the /proc and /sys texts as the kernel prints them (only
/// the lines that matter) and the disk of `dir`. Built into a `HostCapture` for process
/// 4242, parsed by the same path a live check uses.
public struct HostExample: Sendable, Hashable {
    public static let pid = 4242
    public static let childPid = 4250

    /// /proc/4242/status.
    public var status: String?
    public var meminfo: String?
    /// /sys/kernel/mm/transparent_hugepage/enabled (`always [madvise] never`).
    public var transparentHugepages: String?
    public var overcommitMemory: String?
    public var somaxconn: String?
    /// cgroup v2 memory.max and memory.current of the server's group.
    public var cgroupMax: String?
    public var cgroupCurrent: String?
    /// /proc/4250/stat of the save child.
    public var saveChildStat: String?
    /// `dir` and its free and total bytes.
    public var filesystem: HostFilesystem?
    public var dumpFiles: [HostFileSize]
    /// Set for a server that is not on this host.
    public var notLocal: String?

    public init(status: String? = nil, meminfo: String? = nil, transparentHugepages: String? = nil, overcommitMemory: String? = nil,
                somaxconn: String? = nil, cgroupMax: String? = nil, cgroupCurrent: String? = nil, saveChildStat: String? = nil,
                filesystem: HostFilesystem? = nil, dumpFiles: [HostFileSize] = [], notLocal: String? = nil) {
        self.status = status
        self.meminfo = meminfo
        self.transparentHugepages = transparentHugepages
        self.overcommitMemory = overcommitMemory
        self.somaxconn = somaxconn
        self.cgroupMax = cgroupMax
        self.cgroupCurrent = cgroupCurrent
        self.saveChildStat = saveChildStat
        self.filesystem = filesystem
        self.dumpFiles = dumpFiles
        self.notLocal = notLocal
    }

    /// The group the examples' server runs in.
    static let group = "/system.slice/redis-server.service"

    public var capture: HostCapture {
        if let notLocal { return .notLocal(notLocal) }
        let pid = Self.pid
        var files: [HostFile] = []
        func add(_ path: String, _ text: String?) {
            if let text { files.append(HostFile(path: path, text: text)) }
        }
        add(HostPaths.status(pid), status.map { "Name:\tredis-server\n" + $0 })
        add(HostPaths.meminfo, meminfo)
        add(HostPaths.transparentHugepages, transparentHugepages)
        add(HostPaths.overcommitMemory, overcommitMemory)
        add(HostPaths.somaxconn, somaxconn)
        if cgroupMax != nil {
            add(HostPaths.cgroup(pid), "0::\(Self.group)\n")
            add(HostPaths.cgroupV2(Self.group, "memory.max"), cgroupMax)
            add(HostPaths.cgroupV2(Self.group, "memory.current"), cgroupCurrent)
        }
        add(HostPaths.stat(Self.childPid), saveChildStat)
        return HostCapture(pid: pid, identifiedBy: "process_id \(pid) from INFO: redis-server", saveChildPid: saveChildStat == nil ? nil : Self.childPid,
                           files: files, filesystem: filesystem, dumpFiles: dumpFiles)
    }

    /// The example's files, as the rule docs show them.
    public var shownFiles: [(path: String, text: String)] {
        capture.files.compactMap { file in file.text.map { (file.path, $0) } }
    }
}
