/// The server process in swap: every access to a swapped page waits on the disk, so a
/// swapping Redis is a slow Redis (the first and second seeds both ended in swap).
public enum HostSwapRule: HealthRule {
    public static let description = RuleDescription(
        id: "host-swap",
        title: "Server process swapping",
        category: .host,
        summary: "Part of the server process is in swap (VmSwap in /proc/PID/status), read on the server's own host.",
        rationale: """
            Redis serves every command from memory on one thread: a key whose page is in swap stalls \
            every client while the kernel reads it back. INFO cannot show it (used_memory counts what \
            was allocated, not where it lives), and mem_fragmentation_ratio only drops below 1 once a \
            large share is out. /proc/PID/status's VmSwap is exact: any swapped byte is a WARNING, and \
            CRITICAL from critical-percent (10 %) of the resident size, where latency is dominated by \
            disk reads. Read only when the server runs on this host (see --host-checks).
            """,
        fieldsRead: ["VmSwap", "VmRSS (/proc/PID/status)", "SwapTotal", "SwapFree (/proc/meminfo)"],
        commandsNeeded: ["INFO"],
        parameters: [
            RuleParameter(name: "critical-percent", defaultValue: "10", description: "CRITICAL when VmSwap is at least this percentage of VmRSS."),
        ],
        examples: [
            RuleExample(
                "Nothing in swap",
                info: "redis_version:7.0.15\nprocess_id:4242\n",
                host: HostExample(status: "VmRSS:\t  2411532 kB\nVmSwap:\t       0 kB\n",
                                  meminfo: "MemTotal:       24683584 kB\nSwapTotal:       8388604 kB\nSwapFree:        8388604 kB\n"),
                expect: .ok, expectEvidence: ["VmSwap=0 B"]),
            RuleExample(
                "20 MiB of a 2.3 GiB server in swap",
                info: "redis_version:7.0.15\nprocess_id:4242\n",
                host: HostExample(status: "VmRSS:\t  2411532 kB\nVmSwap:\t   20480 kB\n",
                                  meminfo: "MemTotal:        7864320 kB\nSwapTotal:       2097148 kB\nSwapFree:        1048576 kB\n"),
                expect: .warning, expectEvidence: ["VmSwap=20 MiB", "0.8 % of VmRSS", "host swap in use: 1 GiB of 2 GiB"]),
            RuleExample(
                "A quarter of the server in swap (the first seed's host, swapping during a save)",
                info: "redis_version:2.2.2\nprocess_id:4242\n",
                host: HostExample(status: "VmRSS:\t  1887436 kB\nVmSwap:\t  629145 kB\n",
                                  meminfo: "MemTotal:        7864320 kB\nSwapTotal:       2097148 kB\nSwapFree:        1258291 kB\n"),
                expect: .critical, expectEvidence: ["VmSwap=614 MiB", "33.3 % of VmRSS"]),
            RuleExample(
                "A remote server: the host is not read",
                info: "redis_version:7.0.15\nprocess_id:1\n",
                host: HostExample(notLocal: "the server is remote (10.0.4.7:6379): host facts are read only on the server's own host"),
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let host = context.host else { return context.hostSkipped() }
        guard let swap = host.swap, let rss = host.rss else {
            return context.skipped("no VmSwap/VmRSS: \(host.missing(HostPaths.status(host.pid)))")
        }
        let criticalPercent = try context.number("critical-percent")
        let percent = rss > 0 ? swap / rss * 100 : (swap > 0 ? 100 : 0)
        var evidence = ["VmSwap=\(HumanFormat.bytes(swap)), VmRSS=\(HumanFormat.bytes(rss)) (process \(host.pid))"]
        if let total = host.memory?.bytes("SwapTotal"), let free = host.memory?.bytes("SwapFree") {
            evidence.append(total == 0 ? "the host has no swap" : "host swap in use: \(HumanFormat.bytes(total - free)) of \(HumanFormat.bytes(total))")
        }
        let metrics = [Metric("process_swap", swap, unit: .bytes), Metric("process_rss", rss, unit: .bytes)]
        guard swap > 0 else { return context.ok("nothing in swap", evidence: evidence, metrics: metrics) }
        evidence[0] += ": \(HumanFormat.fixed(percent, 1)) % of VmRSS"
        let status: Status = percent >= criticalPercent ? .critical : .warning
        return context.result(status, "\(HumanFormat.bytes(swap)) of the server in swap (\(HumanFormat.fixed(percent, 1)) % of its RSS)",
            evidence: evidence,
            advice: ["Give the server the RAM it uses: lower maxmemory, stop what else grew on the host (ps -eo pid,rss,comm --sort=-rss | head), or add memory.",
                     "sysctl -w vm.swappiness=1 keeps the kernel from swapping Redis out early (persist it in /etc/sysctl.d/)."],
            metrics: metrics)
    }
}
