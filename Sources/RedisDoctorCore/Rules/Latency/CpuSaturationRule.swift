/// How busy the single command thread is between two samples.
public enum CpuSaturationRule: HealthRule {
    public static let description = RuleDescription(
        id: "cpu-saturation",
        title: "CPU saturation",
        category: .latency,
        summary: "Share of one core the main thread used between two samples.",
        rationale: """
            Redis executes commands on one thread: at 100% of one core every request queues, whatever \
            the host's other cores do. The CPU seconds the main thread used between two samples \
            (used_cpu_sys_main_thread + used_cpu_user_main_thread, 6.2+) over the seconds between them \
            give its load; older servers only print the whole process (used_cpu_sys + used_cpu_user), \
            which also counts background saves and I/O threads, so that figure is marked as such. \
            WARNING at 80% of a core, CRITICAL at 95%. One sample cannot give a rate: SKIPPED.
            """,
        fieldsRead: ["used_cpu_sys_main_thread", "used_cpu_user_main_thread", "used_cpu_sys", "used_cpu_user",
                     "server_time_usec", "uptime_in_seconds", "run_id"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "cpu_main_thread",
        defaultWarning: "80",
        defaultCritical: "95",
        examples: [
            RuleExample(
                "Seed 004: the main thread pinned at 97%",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800060000000\nused_cpu_sys_main_thread:120.000000\nused_cpu_user_main_thread:318.200000\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nused_cpu_sys_main_thread:100.000000\nused_cpu_user_main_thread:280.000000\n",
                expect: .critical,
                expectEvidence: ["97.0% of one core", "58.20 CPU s in 60 s"]),
            RuleExample(
                "Redis 5: whole-process CPU at 85%",
                info: "redis_version:5.0.14\nrun_id:abc\nuptime_in_seconds:1100\nused_cpu_sys:30.00\nused_cpu_user:115.00\n",
                previousInfo: "redis_version:5.0.14\nrun_id:abc\nuptime_in_seconds:1000\nused_cpu_sys:20.00\nused_cpu_user:40.00\n",
                expect: .warning,
                expectEvidence: ["85.0% of one core", "whole process"]),
            RuleExample(
                "A quiet server",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800060000000\nused_cpu_sys_main_thread:10.5\nused_cpu_user_main_thread:20.5\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nused_cpu_sys_main_thread:10.0\nused_cpu_user_main_thread:20.0\n",
                expect: .ok),
            RuleExample(
                "One sample only",
                info: "redis_version:7.2.6\nused_cpu_sys_main_thread:10.5\nused_cpu_user_main_thread:20.5\n",
                expect: .skipped),
            RuleExample(
                "Restarted between samples",
                info: "redis_version:7.2.6\nrun_id:new\nserver_time_usec:1763800060000000\nused_cpu_sys_main_thread:1\nused_cpu_user_main_thread:1\n",
                previousInfo: "redis_version:7.2.6\nrun_id:old\nserver_time_usec:1763800000000000\nused_cpu_sys_main_thread:100\nused_cpu_user_main_thread:200\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard context.comparablePrevious != nil, let interval = context.interval, interval > 0 else {
            if context.previous != nil && context.comparablePrevious == nil {
                return context.skipped("the server restarted between the samples (run_id changed)")
            }
            return context.skipped("needs two samples (--interval or --state-file)")
        }
        var wholeProcess = false
        var used: Double
        if let sys = context.delta(.usedCpuSysMainThread), let user = context.delta(.usedCpuUserMainThread) {
            used = sys + user
        } else if let sys = context.delta(.usedCpuSys), let user = context.delta(.usedCpuUser) {
            used = sys + user
            wholeProcess = true
        } else {
            return context.skipped("the server prints no CPU counters")
        }
        used = max(0, used)
        let percent = used / interval * 100
        let threshold = context.threshold()
        let status = threshold.evaluate(percent)
        let scope = wholeProcess ? "whole process (no main-thread counters before 6.2)" : "main thread"
        let evidence = ["\(HumanFormat.percent(percent)) of one core, \(scope)",
                        "\(HumanFormat.fixed(used, 2)) CPU s in \(HumanFormat.number(interval.rounded())) s"]
        let metrics = [Metric("cpu_main_thread", percent, unit: .percent, threshold: threshold, min: 0)]
        let summary = "\(scope) at \(HumanFormat.percent(percent)) of one core"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "Find what keeps the thread busy: slow-commands and INFO commandstats (calls and usec per command), and expire-storm for mass expiry.",
            "If the load is legitimate, spread it: read replicas, client-side caching, or sharding (Redis Cluster); io-threads only offloads network I/O.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
