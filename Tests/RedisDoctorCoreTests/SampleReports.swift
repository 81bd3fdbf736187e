@testable import RedisDoctorCore

/// Reports shared by the renderer tests.
enum SampleReports {
    static let facts = [ServerFact("server", "redis 7.0.15"), ServerFact("role", "master"), ServerFact("used_memory", "1.02 MiB", number: 1_069_548),
                        ServerFact("uptime", "3d 4h", number: 273_600, key: "uptime_in_seconds")]

    static var problems: CheckReport {
        CheckReport(target: "127.0.0.1:6379", server: facts, results: [
            RuleResult(ruleID: "persistence-disabled", status: .ok, summary: "RDB save points configured"),
            RuleResult(ruleID: "stale-connections", status: .warning, summary: "12 idle clients | pool leak?",
                       evidence: ["idle=7200 name=\"worker\"\n\u{1B}[2J"], advice: ["CLIENT KILL ID 12"],
                       metrics: [Metric("stale_clients", 12, warning: try! NagiosRange(parsing: "10"))]),
            RuleResult(ruleID: "memory-usage", status: .critical, summary: "used memory 95% of maxmemory",
                       evidence: ["used_memory=1.9 GiB", "maxmemory=2 GiB"], advice: ["MEMORY PURGE", "raise maxmemory"],
                       metrics: [
                           Metric("used_memory", 2040109465.6, unit: .bytes, min: 0, max: 2147483648),
                           Metric("memory_pct", 95, unit: .percent, warning: try! NagiosRange(parsing: "80"), critical: try! NagiosRange(parsing: "90"), min: 0, max: 100),
                           Metric("broken", .nan),
                       ]),
            RuleResult(ruleID: "latency-monitor", status: .skipped, summary: "CONFIG denied (NOPERM)"),
            RuleResult(ruleID: "replica-link", status: .unknown, summary: "field master_link_status missing"),
            RuleResult(ruleID: "big-keys", status: .warning, summary: "key \"it's\" is 120 MiB",
                       metrics: [Metric("big \"key\"\\n", 1e20, unit: .bytes), Metric("tiny", 1e-7, unit: .seconds)]),
        ], counters: [Metric("rejected_connections", 7, kind: .counter, min: 0), Metric("used_cpu_sys", 12.5, unit: .seconds, kind: .counter, min: 0)],
           timing: RunTiming(finishedAt: 1_763_800_000.25, duration: 0.0125))
    }

    static var allOK: CheckReport {
        var results = (1...18).map { RuleResult(ruleID: "rule-\($0)", status: .ok, summary: "fine") }
        results += (1...3).map { RuleResult(ruleID: "skipped-\($0)", status: .skipped, summary: "not applicable") }
        return CheckReport(target: "127.0.0.1:6379", server: Array(facts.prefix(3)), results: results)
    }

    static var refused: CheckReport {
        CheckReport(target: "127.0.0.1:6379", error: .connectionRefused(target: "127.0.0.1:6379", detail: "ECONNREFUSED"))
    }
}
