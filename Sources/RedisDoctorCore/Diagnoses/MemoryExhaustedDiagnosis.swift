/// Seed 003: a surge filled the database; writes failed with OOM and everything behind
/// them queued.
public enum MemoryExhaustedDiagnosis: Diagnosis {
    public static let description = DiagnosisDescription(
        id: "memory-exhausted",
        title: "memory exhausted",
        summary: "The server at its memory limit: writes refused with OOM, or evictions and the host's memory unable to keep up.",
        rationale: """
            memory-pressure says the server is near its limit; what makes it an outage is the \
            consequence. Writes refused with OOM (errorstat_OOM, with noeviction or nothing left to \
            evict) confirm it; evictions that cannot keep up, or a host short of memory or swapping \
            with no maxmemory, make it likely. Rejected connections and slow commands follow, and \
            are listed when they fire.
            """,
        findings: ["memory-pressure", "evictions", "host-memory", "host-swap", "rejected-connections", "latency", "slow-commands"],
        facts: ["maxmemory_policy", "errorstat_OOM"],
        ruledOutBy: "used memory well below maxmemory with no OOM errors since the last restart",
        nextStep: "Free memory now (delete or expire the surge's keys, or raise maxmemory if the host has room), then find what grew: MEMORY STATS, MEMORY DOCTOR, redis-cli --memkeys on a replica",
        examples: [
            DiagnosisExample(
                "noeviction at maxmemory with 315 writes refused",
                info: "redis_version:7.0.15\nused_memory:1073741824\nmaxmemory:1073741824\nmaxmemory_policy:noeviction\n# Errorstats\nerrorstat_OOM:count=315\n",
                diagnosed: true, confidence: .confirmed, expectEvidence: ["memory exhausted: 315 writes refused with OOM", "memory-pressure CRITICAL"]),
            DiagnosisExample(
                "noeviction at 92 %: close, but nothing refused yet",
                info: "redis_version:7.2.6\nused_memory:988000000\nmem_not_counted_for_evict:0\nmaxmemory:1073741824\nmaxmemory_policy:noeviction\nused_memory_rss:1100000000\ntotal_system_memory:8589934592\n",
                diagnosed: false),
        ]
    )

    public static func diagnose(_ input: DiagnosisInput) -> DiagnosisResult? {
        guard let pressure = input.firing("memory-pressure") else { return nil }
        let oom = input.info.oomRejections ?? 0
        // errorstat_OOM counts since the start: refusals now are growth between the samples,
        // or, from one sample, a server at its limit this moment (memory-pressure CRITICAL).
        let growth = input.growth { $0.oomRejections ?? 0 }
        let refusingNow = growth.map { $0 > 0 } ?? (pressure.status == .critical)
        let consequences = ["evictions", "host-memory", "host-swap"].compactMap(input.firing)
        guard oom > 0 || !consequences.isEmpty else { return nil }
        let followers = ["rejected-connections", "latency", "slow-commands"].compactMap(input.firing)
        let policy = input.info.string(.maxmemoryPolicy)
        var facts: [String] = []
        if oom > 0 { facts.append("errorstat_OOM count=\(HumanFormat.number(oom))" + (policy.map { " with maxmemory_policy=\($0)" } ?? "")
                                  + (growth.map { ", +\(HumanFormat.number($0)) since the previous sample" } ?? "")) }
        let headline = description.title + (oom > 0 ? ": \(HumanFormat.number(oom)) writes refused with OOM" : ": \(DiagnosisInput.clause(pressure))")
        return description.result(oom > 0 && refusingNow ? .confirmed : .likely, headline: headline, findings: [pressure] + consequences + followers, facts: facts)
    }
}
