/// Kernel settings Redis itself warns about in its log at start-up, judged only where they
/// bite this server: overcommit when it forks, huge pages when the process has them,
/// somaxconn when it is below the server's tcp-backlog.
public enum HostKernelRule: HealthRule {
    public static let description = RuleDescription(
        id: "host-kernel",
        title: "Kernel settings for Redis",
        category: .host,
        summary: "vm.overcommit_memory, transparent huge pages and net.core.somaxconn, each judged only where it affects this server.",
        rationale: """
            Redis logs three kernel warnings at start-up that nobody reads. vm.overcommit_memory other \
            than 1 lets the kernel refuse a BGSAVE's fork of a large process ("Can't save in background: \
            fork: Cannot allocate memory"), so it matters only when the server forks: save points, AOF \
            rewrites or replicas attached. Transparent huge pages make every copy-on-write after a fork \
            copy 2 MiB instead of 4 KiB, a latency and memory spike; Redis 7.0+ turns them off for \
            itself (disable-thp yes), so they matter only when the kernel's mode is always and the \
            process's THP_enabled is 1. A somaxconn below tcp-backlog silently truncates the accept \
            queue. Each is a WARNING with the exact line that fixes it; Debian's default \
            vm.overcommit_memory=0 is a finding only for a server that forks.
            """,
        fieldsRead: ["/proc/sys/vm/overcommit_memory", "/sys/kernel/mm/transparent_hugepage/enabled", "THP_enabled (/proc/PID/status)",
                     "/proc/sys/net/core/somaxconn", "tcp-backlog", "disable-thp", "save", "aof_enabled", "connected_slaves"],
        commandsNeeded: ["INFO", "CONFIG GET save", "CONFIG GET tcp-backlog", "CONFIG GET disable-thp"],
        examples: [
            RuleExample(
                "Overcommit 0 on a server with save points",
                info: "redis_version:7.0.15\naof_enabled:0\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save 3600 1 300 100 60 10000\ntcp-backlog 511\ndisable-thp yes"],
                host: HostExample(status: "THP_enabled:\t1\n", transparentHugepages: "always [madvise] never\n", overcommitMemory: "0\n", somaxconn: "4096\n"),
                expect: .warning, expectEvidence: ["vm.overcommit_memory=0", "save points", "sysctl -w vm.overcommit_memory=1"]),
            RuleExample(
                "Overcommit 0 on a cache that never forks",
                info: "redis_version:7.0.15\naof_enabled:0\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save \nappendonly no\ntcp-backlog 511\ndisable-thp yes"],
                host: HostExample(status: "THP_enabled:\t1\n", transparentHugepages: "always [madvise] never\n", overcommitMemory: "0\n", somaxconn: "4096\n"),
                expect: .ok, expectEvidence: ["does not fork"]),
            RuleExample(
                "Huge pages always, and a 6.2 server that cannot opt out",
                info: "redis_version:6.2.14\naof_enabled:1\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save \nappendonly yes\ntcp-backlog 511"],
                host: HostExample(status: "THP_enabled:\t1\n", transparentHugepages: "[always] madvise never\n", overcommitMemory: "1\n", somaxconn: "4096\n"),
                expect: .warning, expectEvidence: ["transparent huge pages: always", "echo madvise > /sys/kernel/mm/transparent_hugepage/enabled"]),
            RuleExample(
                "Huge pages always, but Redis 7 turned them off for itself",
                info: "redis_version:7.2.4\naof_enabled:1\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save \nappendonly yes\ntcp-backlog 511\ndisable-thp yes"],
                host: HostExample(status: "THP_enabled:\t0\n", transparentHugepages: "[always] madvise never\n", overcommitMemory: "1\n", somaxconn: "4096\n"),
                expect: .ok, expectEvidence: ["THP_enabled=0"]),
            RuleExample(
                "somaxconn 128 below tcp-backlog 511",
                info: "redis_version:5.0.14\naof_enabled:0\nconnected_slaves:0\n",
                replies: ["CONFIG GET": "save \nappendonly no\ntcp-backlog 511"],
                host: HostExample(status: "THP_enabled:\t1\n", transparentHugepages: "always madvise [never]\n", overcommitMemory: "0\n", somaxconn: "128\n"),
                expect: .warning, expectEvidence: ["net.core.somaxconn=128", "tcp-backlog 511", "sysctl -w net.core.somaxconn=511"]),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let host = context.host else { return context.hostSkipped() }
        var findings: [String] = []
        var titles: [String] = []
        var advice: [String] = []
        var evidence: [String] = []
        var unread: [String] = []

        let (reasons, unknown) = context.forkReasons
        if let overcommit = host.overcommitMemory {
            if overcommit == 1 {
                evidence.append("vm.overcommit_memory=1")
            } else if reasons.isEmpty && unknown == nil {
                evidence.append("vm.overcommit_memory=\(overcommit), but the server does not fork (no save points, no AOF, no replicas)")
            } else {
                let why = (reasons + (unknown.map { [$0] } ?? [])).joined(separator: "; ")
                titles.append("vm.overcommit_memory=\(overcommit) on a server that forks")
                findings.append("vm.overcommit_memory=\(overcommit), and the server forks for \(why): a BGSAVE or rewrite can fail with 'fork: Cannot allocate memory'; fix: sysctl -w vm.overcommit_memory=1")
                advice.append("sysctl -w vm.overcommit_memory=1, and echo 'vm.overcommit_memory = 1' > /etc/sysctl.d/30-redis.conf to keep it")
            }
        } else {
            unread.append(host.missing(HostPaths.overcommitMemory))
        }

        if let mode = host.transparentHugepages {
            let flag = host.process?.integer("THP_enabled")
            if host.processHasHugepages(disableThp: context.current.config?["disable-thp"]) == true {
                let optOut = context.current.config?["disable-thp"] == nil ? " (this server has no disable-thp: 7.0+ turns huge pages off for itself)" : ""
                titles.append("transparent huge pages on for the server process")
                findings.append("transparent huge pages: \(mode), and the server process has them (THP_enabled=\(flag.map(String.init) ?? "?"))\(optOut): every copy-on-write after a fork copies 2 MiB; fix: echo madvise > /sys/kernel/mm/transparent_hugepage/enabled")
                advice.append("echo madvise > /sys/kernel/mm/transparent_hugepage/enabled (add transparent_hugepage=madvise to the kernel command line to keep it), then restart the server")
            } else if mode == "always" {
                evidence.append("transparent huge pages: always, but the process opted out (THP_enabled=\(flag.map(String.init) ?? "?"))")
            } else {
                evidence.append("transparent huge pages: \(mode)")
            }
        } else {
            unread.append(host.missing(HostPaths.transparentHugepages))
        }

        if let somaxconn = host.somaxconn {
            let backlog = context.current.config?["tcp-backlog"].flatMap { Int($0) }
            if let backlog, somaxconn < backlog {
                titles.append("net.core.somaxconn \(somaxconn) below tcp-backlog \(backlog)")
                findings.append("net.core.somaxconn=\(somaxconn) is below tcp-backlog \(backlog): the kernel truncates the accept queue; fix: sysctl -w net.core.somaxconn=\(backlog)")
                advice.append("sysctl -w net.core.somaxconn=\(backlog), and echo 'net.core.somaxconn = \(backlog)' > /etc/sysctl.d/30-redis-somaxconn.conf to keep it")
            } else {
                evidence.append("net.core.somaxconn=\(somaxconn)" + (backlog.map { " (tcp-backlog \($0))" } ?? " (tcp-backlog unknown)"))
            }
        } else {
            unread.append(host.missing(HostPaths.somaxconn))
        }

        if findings.isEmpty && evidence.isEmpty { return context.skipped("no kernel settings could be read: \(unread.joined(separator: "; "))") }
        evidence = findings + evidence + unread.map { "not read: \($0)" }
        // An OK that could not read a setting says so: it is not an OK for that setting.
        guard !findings.isEmpty else {
            return context.ok("kernel settings suit this server", evidence: evidence,
                              notJudged: unread.isEmpty ? nil : "not read: " + unread.joined(separator: "; "))
        }
        let summary = titles.joined(separator: "; ")
        return context.result(.warning, summary, evidence: evidence, advice: advice)
    }
}
