/// The active expire cycle falling behind: seed 004, where many keys expired at
/// once and the expire work pinned the CPU.
public enum ExpireStormRule: HealthRule {
    public static let description = RuleDescription(
        id: "expire-storm",
        title: "Expire storm",
        category: .latency,
        summary: "The active expire cycle hits its time cap while many sampled keys are already expired.",
        rationale: """
            Redis expires keys in a background cycle capped at 25% of the CPU time (250 ms per \
            second). When many keys share a TTL the cycle keeps hitting that cap \
            (expired_time_cap_reached_count rises) and expired_stale_perc, the estimated share of \
            expired-but-present keys, climbs. WARNING when the cap was hit between the samples and \
            10% of keys are stale (ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE); CRITICAL at 50% stale or \
            when the cycle used 250 ms of CPU per second. With one sample only (no deltas), 50% \
            stale is a WARNING: the estimate is current, but whether the cycle is capped is unknown. \
            expired_stale_perc is a moving average that decays over several cycles, so it is \
            cross-checked against the keys that still have a TTL (Keyspace expires): with none \
            left, there is no storm.
            """,
        fieldsRead: ["expired_stale_perc", "expired_time_cap_reached_count", "expire_cycle_cpu_milliseconds", "expired_keys", "db0:expires (Keyspace)"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        parameters: [
            RuleParameter(name: "stale-warning", defaultValue: "10", description: "With the time cap reached between samples, WARNING at this expired_stale_perc."),
            RuleParameter(name: "stale-critical", defaultValue: "50", description: "CRITICAL at this expired_stale_perc (WARNING with one sample)."),
            RuleParameter(name: "cpu-critical", defaultValue: "250", description: "CRITICAL when the expire cycle used this many CPU milliseconds per second between samples."),
        ],
        examples: [
            RuleExample(
                "Seed 004: 500k keys on one TTL",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800005000000\nexpired_keys:480000\nexpired_stale_perc:91.80\nexpired_time_cap_reached_count:53\nexpire_cycle_cpu_milliseconds:742\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_keys:0\nexpired_stale_perc:0.00\nexpired_time_cap_reached_count:0\nexpire_cycle_cpu_milliseconds:0\n",
                expect: .critical,
                expectEvidence: ["expired_stale_perc=91.8", "+53 time-cap hits", "148 ms/s"]),
            RuleExample(
                "Cap reached with 18% stale",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800060000000\nexpired_stale_perc:18.00\nexpired_time_cap_reached_count:12\nexpire_cycle_cpu_milliseconds:3000\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_stale_perc:2.00\nexpired_time_cap_reached_count:10\nexpire_cycle_cpu_milliseconds:1000\n",
                expect: .warning,
                expectEvidence: ["+2 time-cap hits", "expired_stale_perc=18"]),
            RuleExample(
                "One sample, 60% stale",
                info: "redis_version:7.2.6\nexpired_stale_perc:60.00\nexpired_time_cap_reached_count:900\n",
                expect: .warning,
                expectEvidence: ["expired_stale_perc=60", "one sample"]),
            RuleExample(
                "Expiry keeping up",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800060000000\nexpired_stale_perc:1.20\nexpired_time_cap_reached_count:4\nexpire_cycle_cpu_milliseconds:500\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_stale_perc:1.00\nexpired_time_cap_reached_count:4\nexpire_cycle_cpu_milliseconds:400\n",
                expect: .ok),
            RuleExample(
                "The storm is over: no key with a TTL left, the moving average lags",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800005000000\nexpired_keys:500000\nexpired_stale_perc:63.10\nexpired_time_cap_reached_count:60\nexpire_cycle_cpu_milliseconds:900\n# Keyspace\ndb0:keys=12,expires=0,avg_ttl=0\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_keys:480000\nexpired_stale_perc:91.80\nexpired_time_cap_reached_count:53\nexpire_cycle_cpu_milliseconds:742\n",
                expect: .ok,
                expectEvidence: ["no keys with a TTL remain (Keyspace expires=0)", "moving average"]),
            RuleExample(
                "Redis 4 prints no expire statistics",
                info: "redis_version:4.0.14\nexpired_keys:10\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let stale = context.info.number(.expiredStalePerc) else {
            return context.skipped("the server prints no expired_stale_perc (added in Redis 4.0.9)")
        }
        let staleWarning = try context.number("stale-warning")
        let staleCritical = try context.number("stale-critical")
        let cpuCritical = try context.number("cpu-critical")
        var evidence = ["expired_stale_perc=\(HumanFormat.number(stale))% (estimated share of expired keys not yet removed)"]
        var metrics = [Metric("expired_stale_perc", stale, unit: .percent, min: 0, max: 100)]
        var status = Status.ok
        let capHits = context.delta(.expiredTimeCapReachedCount)
        let interval = context.interval

        if let capHits, let interval, interval > 0 {
            evidence.append("+\(HumanFormat.number(capHits)) time-cap hits in \(HumanFormat.number(interval.rounded())) s")
            if capHits > 0 && stale >= staleWarning { status = .warning }
            if let cpu = context.delta(.expireCycleCpuMilliseconds) {
                let perSecond = cpu / interval
                evidence.append("expire cycle used \(HumanFormat.number(perSecond.rounded())) ms/s of CPU (cap 250)")
                // 250 ms/s is 25 % of one core: a share of time, graphed as a percentage.
                metrics.append(Metric("expire_cycle_cpu", perSecond / 10, unit: .percent, min: 0, max: 100))
                if perSecond >= cpuCritical { status = .critical }
            }
            if stale >= staleCritical { status = .critical }
        } else {
            evidence.append("one sample only: time-cap hits and CPU per second need --interval or --state-file")
            if stale >= staleCritical { status = .warning }
        }
        if let expired = context.delta(.expiredKeys), expired > 0 { evidence.append("+\(HumanFormat.number(expired)) keys expired") }
        if status != .ok, let volatile = volatileKeys(context.info), volatile == 0 {
            // expired_stale_perc decays over several cycles: it still reads high seconds
            // after the last volatile key is gone, when there is nothing left to expire.
            evidence.append("no keys with a TTL remain (Keyspace expires=0): expired_stale_perc is a moving average still decaying")
            return context.ok("active expiry has caught up: no keys with a TTL left", evidence: evidence, metrics: metrics)
        }

        let summary = status == .ok ? "active expiry keeps up (\(HumanFormat.number(stale))% stale)"
            : "active expiry falling behind: \(HumanFormat.number(stale))% of keys stale"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "Spread TTLs: add random jitter when setting expiries (EXPIRE key ttl+rand(0..10%)) so keys do not expire together.",
            "Watch INFO stats (expired_keys, expired_stale_perc) and LATENCY HISTORY expire-cycle; active-expire-effort (6.0+) trades CPU for memory.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }

    /// Keys with a TTL across the databases, when the reply has a Keyspace section
    /// (an empty section means no keys at all); nil when the server did not say.
    static func volatileKeys(_ info: Info) -> Int64? {
        let keyspace = info.keyspace
        if keyspace.isEmpty { return info.section(named: "Keyspace") == nil ? nil : 0 }
        var total: Int64 = 0
        for entry in keyspace {
            guard let expires = entry.expires else { return nil }
            total = total.addingReportingOverflow(expires).partialValue
        }
        return total
    }
}
