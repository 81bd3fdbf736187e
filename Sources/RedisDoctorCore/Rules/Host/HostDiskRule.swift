/// Room in `dir` for the next save: a BGSAVE writes a whole new RDB next to the old one
/// before renaming it, and a rewrite a whole new AOF, so the disk must hold another copy.
public enum HostDiskRule: HealthRule {
    public static let description = RuleDescription(
        id: "host-disk",
        title: "Disk space for the next save",
        category: .host,
        summary: "Free space on the filesystem holding dir against the size of the last RDB or AOF.",
        rationale: """
            A save writes temp-PID.rdb beside the old dump.rdb and renames it when done; an AOF \
            rewrite writes a new file of about the dataset's size. If the filesystem of dir cannot \
            hold another copy, the save fails after all the work (rdb_last_bgsave_status:err, then \
            writes refused with MISCONF when stop-writes-on-bgsave-error is on). Free space (what \
            df shows as available) below the largest persistence file plus margin-percent (20 %) is a \
            WARNING; below the file's size itself CRITICAL: the next save cannot succeed. A \
            filesystem that does not answer statvfs in its time (2 s) is a WARNING of its own (the \
            first seed: a save stuck on a degraded volume). Writers are save points, the AOF, a \
            replica's full syncs (written to dir unless repl-diskless-load) and a master's \
            disk-based syncs; a server with none is OK. When the files' sizes cannot be read (dir is \
            the server's, mode 0750) the rule is SKIPPED, never OK.
            """,
        fieldsRead: ["dir", "dbfilename", "save", "appendonly", "repl-diskless-load", "repl-diskless-sync", "role", "connected_slaves",
                     "aof_current_size", "statvfs(dir)", "size of dir/dbfilename"],
        commandsNeeded: ["INFO", "CONFIG GET dir", "CONFIG GET dbfilename", "CONFIG GET save"],
        parameters: [
            RuleParameter(name: "margin-percent", defaultValue: "20", description: "WARNING when free space is below the largest persistence file plus this percentage of it."),
        ],
        examples: [
            RuleExample(
                "Plenty of space for a 1.5 GiB RDB",
                info: "redis_version:7.0.15\naof_enabled:0\n",
                replies: ["CONFIG GET": "dir /var/lib/redis\ndbfilename dump.rdb\nsave 3600 1\nappendonly no"],
                host: HostExample(filesystem: HostFilesystem(path: "/var/lib/redis", availableBytes: 53687091200, totalBytes: 107374182400),
                                  dumpFiles: [HostFileSize(path: "/var/lib/redis/dump.rdb", bytes: 1610612736)]),
                expect: .ok, expectEvidence: ["50 GiB available", "dump.rdb=1.5 GiB"]),
            RuleExample(
                "1.7 GiB free for a 1.5 GiB RDB: under the 20 % margin",
                info: "redis_version:7.0.15\naof_enabled:0\n",
                replies: ["CONFIG GET": "dir /var/lib/redis\ndbfilename dump.rdb\nsave 3600 1\nappendonly no"],
                host: HostExample(filesystem: HostFilesystem(path: "/var/lib/redis", availableBytes: 1825361100, totalBytes: 21474836480),
                                  dumpFiles: [HostFileSize(path: "/var/lib/redis/dump.rdb", bytes: 1610612736)]),
                expect: .warning, expectEvidence: ["1.7 GiB available", "margin"]),
            RuleExample(
                "1 GiB free for a 1.5 GiB RDB: the next save cannot fit",
                info: "redis_version:7.0.15\naof_enabled:0\n",
                replies: ["CONFIG GET": "dir /var/lib/redis\ndbfilename dump.rdb\nsave 3600 1\nappendonly no"],
                host: HostExample(filesystem: HostFilesystem(path: "/var/lib/redis", availableBytes: 1073741824, totalBytes: 21474836480),
                                  dumpFiles: [HostFileSize(path: "/var/lib/redis/dump.rdb", bytes: 1610612736)]),
                expect: .critical, expectEvidence: ["1 GiB available", "dump.rdb=1.5 GiB", "cannot fit"]),
            RuleExample(
                "An AOF of 3 GiB with 3.2 GiB free",
                info: "redis_version:7.0.15\naof_enabled:1\naof_current_size:3221225472\n",
                replies: ["CONFIG GET": "dir /data\ndbfilename dump.rdb\nsave \nappendonly yes"],
                host: HostExample(filesystem: HostFilesystem(path: "/data", availableBytes: 3435973836, totalBytes: 10737418240)),
                expect: .warning, expectEvidence: ["aof_current_size=3 GiB"]),
            RuleExample(
                "The filesystem of dir did not answer",
                info: "redis_version:7.0.15\naof_enabled:0\n",
                replies: ["CONFIG GET": "dir /mnt/ebs/redis\ndbfilename dump.rdb\nsave 900 1\nappendonly no"],
                host: HostExample(filesystem: HostFilesystem(path: "/mnt/ebs/redis", error: "statvfs did not return within 2.0 s (a hung filesystem?)", hung: true)),
                expect: .warning, expectEvidence: ["did not return"]),
            RuleExample(
                "The RDB's size cannot be read (dir is the server's, 0750): not judged",
                info: "redis_version:7.0.15\naof_enabled:0\n",
                replies: ["CONFIG GET": "dir /var/lib/redis\ndbfilename dump.rdb\nsave 3600 1\nappendonly no"],
                host: HostExample(filesystem: HostFilesystem(path: "/var/lib/redis", availableBytes: 1073741824, totalBytes: 21474836480),
                                  dumpFiles: [HostFileSize(path: "/var/lib/redis/dump.rdb", error: "Permission denied")]),
                expect: .skipped),
            RuleExample(
                "A replica without save points still writes each full sync's RDB",
                info: "redis_version:7.0.15\nrole:slave\naof_enabled:0\n",
                replies: ["CONFIG GET": "dir /var/lib/redis\ndbfilename dump.rdb\nsave \nappendonly no\nrepl-diskless-load disabled"],
                host: HostExample(filesystem: HostFilesystem(path: "/var/lib/redis", availableBytes: 1073741824, totalBytes: 21474836480),
                                  dumpFiles: [HostFileSize(path: "/var/lib/redis/dump.rdb", bytes: 1610612736)]),
                expect: .critical, expectEvidence: ["full syncs from the master"]),
            RuleExample(
                "A cache that saves nothing",
                info: "redis_version:7.0.15\naof_enabled:0\n",
                replies: ["CONFIG GET": "dir /var/lib/redis\ndbfilename dump.rdb\nsave \nappendonly no"],
                host: HostExample(filesystem: HostFilesystem(path: "/var/lib/redis", availableBytes: 1048576, totalBytes: 21474836480)),
                expect: .ok, expectEvidence: ["saves nothing"]),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let host = context.host else { return context.hostSkipped() }
        let margin = try context.number("margin-percent")
        guard let fs = host.filesystem else {
            let why = context.current.config?["dir"] == nil ? "CONFIG GET dir" + (context.unavailable("CONFIG GET").map { ": \($0)" } ?? " gave no dir") : "the filesystem of dir was not read"
            return context.skipped("no free space for dir: \(why)")
        }
        guard let available = fs.availableBytes else {
            // A statvfs that hangs is a filesystem that would hang the save too.
            if fs.hung {
                return context.result(.warning, "the filesystem of \(fs.path) did not answer", evidence: ["statvfs(\(fs.path)): \(fs.error ?? "no answer")"],
                                      advice: ["Check the volume (dmesg, iostat -x 1, mount): a save to it will stall the same way."])
            }
            return context.skipped("free space of \(fs.path) unknown: \(fs.error ?? "no numbers")")
        }
        var evidence = ["\(fs.path): \(HumanFormat.bytes(available)) available" + (fs.totalBytes.map { " of \(HumanFormat.bytes($0))" } ?? "")]
        var metrics = [Metric("dir_available", available, unit: .bytes)]
        let writers = Self.writers(context)
        guard !writers.isEmpty else {
            evidence.append("the server saves nothing (save \"\", appendonly no, no full syncs to disk): nothing is written to dir")
            return context.ok("\(HumanFormat.bytes(available)) free in dir", evidence: evidence, metrics: metrics)
        }
        evidence.append("written by " + writers.joined(separator: "; "))
        var sizes = host.dumpFiles.compactMap { file in file.bytes.map { (name: Self.name(file.path), bytes: $0) } }
        if context.info.flag(.aofEnabled) == true, let size = context.info.number(.aofCurrentSize) { sizes.append(("aof_current_size", size)) }
        let unread = host.dumpFiles.filter { $0.error != nil }.map { "\(Self.name($0.path)): \($0.error ?? "?")" }
        guard let largest = sizes.max(by: { $0.bytes < $1.bytes }), largest.bytes > 0 else {
            // Fail closed: a file that exists but could not be measured is not "no file".
            if !unread.isEmpty {
                return context.skipped("the persistence files' sizes are unknown (\(unread.joined(separator: "; "))): dir is not searchable by this user")
            }
            evidence.append("no RDB or AOF in dir yet")
            return context.ok("\(HumanFormat.bytes(available)) free in dir, no persistence file yet", evidence: evidence, metrics: metrics)
        }
        evidence.append(sizes.map { "\($0.name)=\(HumanFormat.bytes($0.bytes))" }.joined(separator: ", "))
        let notJudged = unread.isEmpty ? nil : "sizes not read: \(unread.joined(separator: "; "))"
        metrics.append(Metric("persistence_file_size", largest.bytes, unit: .bytes))
        let needed = largest.bytes * (1 + margin / 100)
        let advice = ["Free space on \(fs.path) or move dir to a larger volume (CONFIG SET dir, then BGSAVE); the save writes a full new copy before replacing the old."]
        if available < largest.bytes {
            return context.result(.critical, "the next save cannot fit: \(HumanFormat.bytes(available)) free, \(largest.name) is \(HumanFormat.bytes(largest.bytes))",
                                  evidence: evidence + ["the next save cannot fit: \(HumanFormat.bytes(available)) < \(HumanFormat.bytes(largest.bytes))"],
                                  advice: advice, metrics: metrics, notJudged: notJudged)
        }
        if available < needed {
            return context.result(.warning, "\(HumanFormat.bytes(available)) free in dir, \(largest.name) is \(HumanFormat.bytes(largest.bytes))",
                                  evidence: evidence + ["below \(largest.name) plus the \(HumanFormat.number(margin)) % margin (\(HumanFormat.bytes(needed)))"],
                                  advice: advice, metrics: metrics, notJudged: notJudged)
        }
        return context.ok("\(HumanFormat.bytes(available)) free in dir for a \(HumanFormat.bytes(largest.bytes)) \(largest.name)", evidence: evidence,
                          metrics: metrics, notJudged: notJudged)
    }

    /// What writes to `dir`: save points, the AOF, a replica's full sync (the master's RDB is
    /// written there unless repl-diskless-load), a master's disk-based sync to its replicas.
    /// CONFIG refused: save points are unknown, so a writer is assumed.
    static func writers(_ context: RuleContext) -> [String] {
        let config = context.current.config
        var writers: [String] = []
        if let save = config?["save"] {
            if !save.trimmingSpaces.isEmpty { writers.append("save points (save \(save))") }
        } else {
            writers.append("save points unknown (CONFIG GET save refused), assumed")
        }
        if context.info.flag(.aofEnabled) == true || config?["appendonly"] == "yes" { writers.append("the AOF") }
        let role = context.info.string(.role)
        if role == "slave" || role == "replica", (config?["repl-diskless-load"] ?? "disabled") == "disabled" {
            writers.append("full syncs from the master (repl-diskless-load disabled)")
        }
        if let replicas = context.info.number(.connectedSlaves), replicas > 0, config?["repl-diskless-sync"] == "no" {
            writers.append("full syncs to replicas (repl-diskless-sync no)")
        }
        return writers
    }

    /// The file's name without its directory (`dump.rdb`), for evidence.
    static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
