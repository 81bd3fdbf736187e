/// The host's memory around the server: what is left for the kernel, the cgroup limit the
/// server runs under, and the room a save's fork needs (the fourth seed: out of memory).
public enum HostMemoryRule: HealthRule {
    public static let description = RuleDescription(
        id: "host-memory",
        title: "Host memory and fork headroom",
        category: .host,
        summary: "The server's RSS against the host's MemAvailable and its cgroup's limit, with room for a save's copy-on-write.",
        rationale: """
            Without maxmemory, the host is the limit: when MemAvailable runs out the kernel swaps or \
            the OOM killer ends the largest process, usually Redis. MemAvailable below \
            available-warning (10 %) of MemTotal is a WARNING, below available-critical (5 %) CRITICAL. \
            In a container or a systemd unit with MemoryMax the cgroup's limit comes first: RSS at \
            cgroup-warning (90 %) of it is a WARNING, at cgroup-critical (95 %) CRITICAL. A server that \
            forks (save points, AOF rewrites, replicas' full syncs) needs more: under copy-on-write the \
            child can come to hold up to the whole dataset again while it writes. When the free memory \
            (MemAvailable, and what the cgroup has left) is below used_memory times fork-headroom (1.0, \
            the worst case; lower it for read-mostly data) the next save may fail or be killed: a \
            WARNING, with the last save's measured copy-on-write (rdb_last_cow_size) as a guide.
            """,
        fieldsRead: ["VmRSS (/proc/PID/status)", "MemTotal", "MemAvailable (/proc/meminfo)", "memory.max", "memory.current (cgroup v2)",
                     "memory.limit_in_bytes", "memory.usage_in_bytes (cgroup v1)", "used_memory", "rdb_last_cow_size", "aof_enabled", "connected_slaves"],
        commandsNeeded: ["INFO", "CONFIG GET save"],
        primaryMetric: "host_mem_available_percent",
        defaultWarning: "10:",
        defaultCritical: "5:",
        parameters: [
            RuleParameter(name: "cgroup-warning", defaultValue: "90", description: "WARNING when the server's RSS reaches this percentage of its cgroup's memory limit."),
            RuleParameter(name: "cgroup-critical", defaultValue: "95", description: "CRITICAL when the server's RSS reaches this percentage of its cgroup's memory limit."),
            RuleParameter(name: "fork-headroom", defaultValue: "1.0", description: "A forking server needs this share of used_memory free for a save's copy-on-write; 0 turns the check off."),
        ],
        examples: [
            RuleExample(
                "Plenty of room: 2 GiB used on a 24 GiB host",
                info: "redis_version:7.0.15\nused_memory:2147483648\naof_enabled:0\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save 3600 1 300 100 60 10000"],
                host: HostExample(status: "VmRSS:\t 2411532 kB\n", meminfo: "MemTotal:       24683584 kB\nMemAvailable:   20000000 kB\n"),
                expect: .ok, expectEvidence: ["MemAvailable=19.1 GiB", "81 % of MemTotal"]),
            RuleExample(
                "The host has 4 % left",
                info: "redis_version:7.0.15\nused_memory:6442450944\naof_enabled:0\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save "],
                host: HostExample(status: "VmRSS:\t 6815744 kB\n", meminfo: "MemTotal:        7864320 kB\nMemAvailable:     314572 kB\n"),
                expect: .critical, expectEvidence: ["MemAvailable=307 MiB", "4 % of MemTotal"]),
            RuleExample(
                "A 4.5 GiB dataset that saves, with 3 GiB free: no room for the fork",
                info: "redis_version:7.0.15\nused_memory:4831838208\nrdb_last_cow_size:1073741824\naof_enabled:0\nconnected_slaves:1\n",
                replies: ["CONFIG GET": "save 3600 1 300 100"],
                host: HostExample(status: "VmRSS:\t 5033164 kB\n", meminfo: "MemTotal:       16384000 kB\nMemAvailable:    3145728 kB\n"),
                expect: .warning, expectEvidence: ["fork headroom", "needs up to 4.5 GiB", "rdb_last_cow_size=1 GiB", "save points"]),
            RuleExample(
                "The same dataset as a cache without saves: no fork, no headroom needed",
                info: "redis_version:7.0.15\nused_memory:4831838208\naof_enabled:0\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save \nappendonly no"],
                host: HostExample(status: "VmRSS:\t 5033164 kB\n", meminfo: "MemTotal:       16384000 kB\nMemAvailable:    3145728 kB\n"),
                expect: .ok, expectEvidence: ["does not fork"]),
            RuleExample(
                "In a container limited to 1 GiB, at 96 %",
                info: "redis_version:7.2.4\nused_memory:943718400\naof_enabled:0\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save "],
                host: HostExample(status: "VmRSS:\t 1006632 kB\n", meminfo: "MemTotal:       24683584 kB\nMemAvailable:   20000000 kB\n",
                                  cgroupMax: "1073741824\n", cgroupCurrent: "1050000000\n"),
                expect: .critical, expectEvidence: ["cgroup v2 /system.slice/redis-server.service", "96 % of its limit 1 GiB"]),
            RuleExample(
                "An unlimited cgroup is no limit",
                info: "redis_version:7.2.4\nused_memory:943718400\naof_enabled:0\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save "],
                host: HostExample(status: "VmRSS:\t 1006632 kB\n", meminfo: "MemTotal:       24683584 kB\nMemAvailable:   20000000 kB\n",
                                  cgroupMax: "max\n", cgroupCurrent: "1050000000\n"),
                expect: .ok, expectEvidence: ["no memory limit"]),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let host = context.host else { return context.hostSkipped() }
        guard let total = host.memory?.bytes("MemTotal"), total > 0, let available = host.memory?.bytes("MemAvailable") else {
            return context.skipped("no MemTotal/MemAvailable: \(host.missing(HostPaths.meminfo))")
        }
        let cgroupWarning = try context.number("cgroup-warning")
        let cgroupCritical = try context.number("cgroup-critical")
        let headroom = try context.number("fork-headroom")
        let threshold = context.threshold()
        let percent = available / total * 100
        let rss = host.rss
        var evidence = ["MemAvailable=\(HumanFormat.bytes(available)) of MemTotal=\(HumanFormat.bytes(total)) (\(HumanFormat.number(percent.rounded())) % of MemTotal)"]
        if let rss { evidence.append("server VmRSS=\(HumanFormat.bytes(rss))") }
        var metrics = [Metric("host_mem_available_percent", percent, unit: .percent, threshold: threshold, min: 0, max: 100),
                       Metric("host_mem_available", available, unit: .bytes)]
        var status = threshold.evaluate(percent)
        var summary = "\(HumanFormat.bytes(available)) available on the host (\(HumanFormat.number(percent.rounded())) %)"
        var advice: [String] = []
        if status != .ok {
            advice.append("Find what else holds memory (ps -eo pid,rss,comm --sort=-rss | head) and set maxmemory so the server cannot take the host's last memory.")
        }

        // The cgroup's room is what the server (and its save child) may still be charged:
        // the limit less the server's RSS, since the group's page cache is reclaimed first.
        var room = available
        var notJudged: String?
        if let cgroup = host.cgroup {
            let name = "cgroup \(cgroup.version) \(cgroup.group)"
            if let limit = cgroup.limitBytes, rss == nil {
                notJudged = "no VmRSS: the server's share of its cgroup's limit \(HumanFormat.bytes(limit)) is not judged"
            }
            if let limit = cgroup.limitBytes, let rss {
                let share = rss / limit * 100
                let owner = cgroup.limitGroup.flatMap { $0 == cgroup.group ? nil : " (set on \($0))" } ?? ""
                evidence.append("\(name): VmRSS is \(HumanFormat.number(share.rounded())) % of its limit \(HumanFormat.bytes(limit))\(owner)"
                                + (cgroup.usageBytes.map { ", the group uses \(HumanFormat.bytes($0)) with page cache" } ?? ""))
                metrics.append(Metric("cgroup_memory_limit", limit, unit: .bytes))
                room = min(room, limit - rss)
                let cgroupStatus: Status = share >= cgroupCritical ? .critical : share >= cgroupWarning ? .warning : .ok
                if cgroupStatus.sortRank > status.sortRank {
                    status = cgroupStatus
                    summary = "the server's RSS is \(HumanFormat.number(share.rounded())) % of its cgroup's limit \(HumanFormat.bytes(limit))"
                }
                if cgroupStatus != .ok {
                    advice.append("At the cgroup's limit the kernel kills the server: raise the limit (MemoryMax=, --memory) or lower maxmemory below it, leaving room for a save's fork.")
                }
            } else if cgroup.limitBytes == nil {
                evidence.append("\(name): no memory limit")
            }
        }

        let (reasons, unknown) = context.forkReasons
        if let used = context.info.number(.usedMemory), headroom > 0 {
            if reasons.isEmpty && unknown == nil {
                evidence.append("the server does not fork (no save points, no AOF, no replicas): no fork headroom needed")
            } else {
                let needed = used * headroom
                let why = (reasons + (unknown.map { [$0 + ": a fork assumed"] } ?? [])).joined(separator: "; ")
                var line = "fork headroom: a save's copy-on-write needs up to \(HumanFormat.bytes(needed)) (used_memory x \(HumanFormat.number(headroom))), \(HumanFormat.bytes(max(0, room))) free; forks for \(why)"
                if let cow = context.info.number(.rdbLastCowSize), cow > 0 { line += "; the last save copied rdb_last_cow_size=\(HumanFormat.bytes(cow))" }
                evidence.append(line)
                if room < needed && status.sortRank < Status.warning.sortRank {
                    status = .warning
                    summary = "not enough free memory for a save's fork: \(HumanFormat.bytes(max(0, room))) free, up to \(HumanFormat.bytes(needed)) needed"
                    advice.append("Free memory on the host, lower maxmemory, or set fork-headroom to the share of the dataset written during a save (rdb_last_cow_size / used_memory).")
                    advice.append("With vm.overcommit_memory=1 the fork itself succeeds, but the OOM killer may end the server when the copies grow.")
                }
            }
        }
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics, notJudged: notJudged) }
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics, notJudged: notJudged)
    }
}
