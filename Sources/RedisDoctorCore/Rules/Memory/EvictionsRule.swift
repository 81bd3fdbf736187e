/// Keys evicted and writes refused with OOM between two samples.
public enum EvictionsRule: HealthRule {
    public static let description = RuleDescription(
        id: "evictions",
        title: "Evictions and OOM rejections",
        category: .memory,
        summary: "Keys evicted (evicted_keys) and writes rejected with OOM (errorstat_OOM) since the previous sample.",
        rationale: """
            evicted_keys is a lifetime counter, so the rule compares two samples of the same process (same \
            run_id): any eviction in the interval is a WARNING, with its rate per second; the warning range \
            applies to that rate, so a cache that evicts by design can raise it (--warning evictions=100). \
            Writes refused with OOM (errorstat_OOM, 6.2+) lose data the application meant to store: CRITICAL. \
            With one sample the lifetime counts are reported, and current_eviction_exceeded_time (7.0+) \
            judges: over maxmemory for at least exceeded-time-ms is a WARNING, worded by the policy. An \
            allkeys-* server is evicting without catching up; any other policy refuses writes once nothing \
            it may evict is left, and with writes already rejected (errorstat_OOM above 0) that is CRITICAL.
            """,
        fieldsRead: ["evicted_keys", "errorstat_OOM", "current_eviction_exceeded_time", "maxmemory_policy", "server_time_usec", "run_id"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "evicted_keys_per_second",
        defaultWarning: "0",
        defaultCritical: nil,
        parameters: [
            RuleParameter(name: "exceeded-time-ms", defaultValue: "1000", description: "With one sample, judge current_eviction_exceeded_time from this many milliseconds: WARNING, or CRITICAL with writes rejected with OOM under a policy that is not allkeys-*."),
        ],
        examples: [
            RuleExample(
                "600 keys evicted in a minute",
                info: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800060000000\nmaxmemory_policy:volatile-lru\nevicted_keys:1600\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nmaxmemory_policy:volatile-lru\nevicted_keys:1000\n",
                expect: .warning,
                expectEvidence: ["600 keys evicted", "10 per second"]),
            RuleExample(
                "Writes rejected with OOM",
                info: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800060000000\nmaxmemory_policy:noeviction\nevicted_keys:0\n# Errorstats\nerrorstat_OOM:count=42\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nmaxmemory_policy:noeviction\nevicted_keys:0\n# Errorstats\n",
                expect: .critical,
                expectEvidence: ["42 writes rejected with OOM"]),
            RuleExample(
                "No eviction between the samples",
                info: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800060000000\nevicted_keys:73854\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nevicted_keys:73854\n",
                expect: .ok),
            RuleExample(
                "One sample: the lifetime count only",
                info: "redis_version:7.2.6\nmaxmemory_policy:allkeys-lru\nevicted_keys:73854\ncurrent_eviction_exceeded_time:0\n",
                expect: .ok,
                expectEvidence: ["no second sample: lifetime evicted_keys=73854"]),
            RuleExample(
                "One sample, over maxmemory for 2.5 s",
                info: "redis_version:7.2.6\nmaxmemory_policy:allkeys-lru\nevicted_keys:73854\ncurrent_eviction_exceeded_time:2500\n",
                expect: .warning,
                expectEvidence: ["current_eviction_exceeded_time=2500 ms"]),
            RuleExample(
                "A restart in between resets the counters: no delta",
                info: "redis_version:7.2.6\nrun_id:bbb\nserver_time_usec:1763800060000000\nevicted_keys:5\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nevicted_keys:90000\n",
                expect: .ok),
            RuleExample(
                "One sample, noeviction over maxmemory: writes are failing, nothing is evicted",
                info: "redis_version:7.0.15\nmaxmemory_policy:noeviction\nevicted_keys:0\ncurrent_eviction_exceeded_time:4200\n# Errorstats\nerrorstat_OOM:count=315\n",
                expect: .critical,
                expectEvidence: ["errorstat_OOM count=315", "noeviction refuses writes"]),
            RuleExample(
                "One sample, allkeys-lru over maxmemory for seconds: evicting without catching up",
                info: "redis_version:7.0.15\nmaxmemory_policy:allkeys-lru\nevicted_keys:5000\ncurrent_eviction_exceeded_time:4200\n",
                expect: .warning,
                expectEvidence: ["evicting right now"]),
            RuleExample(
                "Kvrocks prints no eviction counter",
                info: "redis_version:7.0.0\nkvrocks_version:2.17.0\n",
                expect: .skipped),
        ]
    )

    static func oomCount(_ info: Info) -> Double? { info.oomRejections }

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let evicted = info.number(.evictedKeys) else {
            return context.skipped("the server prints no evicted_keys counter")
        }
        let threshold = context.threshold()
        let policy = info.string(.maxmemoryPolicy)
        let policyText = policy.map { " (maxmemory_policy=\($0))" } ?? ""

        guard let previous = context.comparablePrevious, let delta = context.delta(.evictedKeys), delta >= 0 else {
            var evidence = ["no second sample: lifetime evicted_keys=\(HumanFormat.number(evicted))" + policyText]
            if context.previous != nil { evidence.append("the previous sample is from another process or the counters were reset") }
            let limit = try context.number("exceeded-time-ms")
            let oom = oomCount(info) ?? 0
            if oom > 0 { evidence.append("errorstat_OOM count=\(HumanFormat.number(oom)): writes rejected with OOM since start") }
            // noeviction evicts nothing, and volatile-* runs out of keys with a TTL: over
            // maxmemory with writes rejected, writes are failing, whatever is evicted.
            let refusesWrites = policy == "noeviction" || (policy?.hasPrefix("allkeys") != true && oom > 0)
            if refusesWrites, let exceeded = info.number(.currentEvictionExceededTime), exceeded >= limit {
                let name = policy ?? "this policy"
                evidence.append("current_eviction_exceeded_time=\(HumanFormat.number(exceeded)) ms: over maxmemory, and \(name) refuses writes")
                let summary = oom > 0 ? "writes are failing: over maxmemory under \(name), \(HumanFormat.number(oom)) rejected with OOM since start"
                                      : "over maxmemory under \(name): writes are refused"
                return context.result(oom > 0 ? .critical : .warning, summary, evidence: evidence,
                                      advice: ["Writes are failing with OOM: free memory now (raise maxmemory, delete or expire keys), or switch to an evicting policy if the data is a cache."])
            }
            if !refusesWrites, let exceeded = info.number(.currentEvictionExceededTime), exceeded >= limit {
                evidence.append("current_eviction_exceeded_time=\(HumanFormat.number(exceeded)) ms: over maxmemory and evicting right now")
                return context.result(.warning, "evicting for \(HumanFormat.duration(seconds: exceeded / 1000)) without catching up",
                                      evidence: evidence,
                                      advice: ["Memory is at maxmemory and eviction has not brought it under for \(HumanFormat.number(exceeded)) ms: check INFO memory, raise maxmemory or reduce the write rate."])
            }
            return context.ok("\(HumanFormat.number(evicted)) keys evicted since start", evidence: evidence)
        }

        let interval = context.interval
        let rate = interval.map { delta / $0 } ?? delta
        var evidence: [String] = []
        // The raw counters (evicted_keys, errorstat_oom) are in every report's counters.
        let metrics = [Metric("evicted_keys_per_second", rate, threshold: threshold)]
        var status = threshold.evaluate(rate)
        let over = interval.map { " in \(HumanFormat.duration(seconds: $0))" } ?? " since the previous sample"
        if delta > 0 {
            let rateText = interval.map { ", \(HumanFormat.fixed(delta / $0, 2).replacingZeros) per second" } ?? ""
            evidence.append("\(HumanFormat.number(delta)) keys evicted\(over)\(rateText)" + policyText)
        }
        var advice: [String] = []
        if let after = oomCount(info), let before = oomCount(previous.info), after - before > 0 {
            let rejected = after - before
            evidence.append("\(HumanFormat.number(rejected)) writes rejected with OOM\(over) (errorstat_OOM count=\(HumanFormat.number(after)))")
            status = .critical
            advice.append("Writes are failing with OOM: free memory now (raise maxmemory, delete keys) or switch to an evicting policy if the data is a cache.")
        }
        let summary = delta > 0 || status == .critical
            ? "\(HumanFormat.number(delta)) keys evicted\(over)" + (status == .critical ? ", writes rejected with OOM" : "")
            : "no keys evicted\(over)"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        if delta > 0 {
            advice.append(policy?.hasPrefix("volatile") == true
                ? "Under \(policy ?? "volatile-*") only keys with a TTL are evicted: when they run out, writes fail. Raise maxmemory or shrink the dataset."
                : "Keys are being evicted to stay under maxmemory: if they are not disposable cache entries, raise maxmemory or shrink the dataset.")
        }
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}

fileprivate extension String {
    /// `10.00` -> `10`, `2.50` -> `2.5`: fixed decimals without trailing zeros.
    var replacingZeros: String {
        guard contains(".") else { return self }
        var s = self
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
