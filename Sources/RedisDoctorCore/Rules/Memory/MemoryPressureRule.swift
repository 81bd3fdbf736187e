/// How close the dataset is to maxmemory, judged by what happens there under the
/// eviction policy; without maxmemory, RSS against the host's RAM.
public enum MemoryPressureRule: HealthRule {
    public static let description = RuleDescription(
        id: "memory-pressure",
        title: "Memory pressure",
        category: .memory,
        summary: "used_memory (less mem_not_counted_for_evict) against maxmemory, policy-aware; RSS against host RAM when unbounded.",
        rationale: """
            At maxmemory a noeviction server rejects writes with OOM and a volatile-* server does so once \
            no key with a TTL is left, so those policies warn at 80 % and are CRITICAL at 90 %. Under \
            allkeys-* reaching the limit is the cache working as designed: WARNING at 95 % only (the \
            allkeys-warning and allkeys-critical parameters; --warning/--critical override every policy). \
            Replication and AOF buffers (mem_not_counted_for_evict) are left out, as Redis does. With \
            maxmemory 0 nothing stops the dataset but the host: RSS is judged against total_system_memory \
            (the out-of-memory surge of the third seed). A fork (BGSAVE, AOF rewrite, full sync) copies \
            pages that change: when RSS plus the last copy-on-write size reaches fork-headroom of the \
            host's RAM, the next fork may push the host into swap or the OOM killer.
            """,
        fieldsRead: ["used_memory", "mem_not_counted_for_evict", "maxmemory", "maxmemory_policy", "used_memory_rss",
                     "total_system_memory", "rdb_last_cow_size", "aof_last_cow_size", "errorstat_OOM"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "used_memory_of_maxmemory",
        defaultWarning: "80",
        defaultCritical: "90",
        parameters: [
            RuleParameter(name: "allkeys-warning", defaultValue: "95", description: "WARNING percentage under an allkeys-* policy."),
            RuleParameter(name: "allkeys-critical", defaultValue: "", description: "CRITICAL percentage under an allkeys-* policy; empty for none."),
            RuleParameter(name: "fork-headroom", defaultValue: "90", description: "WARNING when RSS plus the last copy-on-write size reaches this percentage of total_system_memory."),
        ],
        examples: [
            RuleExample(
                "noeviction at 92 % of maxmemory: writes will fail soon",
                info: "redis_version:7.2.6\nused_memory:988000000\nmem_not_counted_for_evict:0\nmaxmemory:1073741824\nmaxmemory_policy:noeviction\nused_memory_rss:1100000000\ntotal_system_memory:8589934592\n",
                expect: .critical,
                expectEvidence: ["92.0%", "maxmemory_policy=noeviction"]),
            RuleExample(
                "noeviction at maxmemory: writes are already failing",
                info: "redis_version:7.0.15\nused_memory:1073741824\nmaxmemory:1073741824\nmaxmemory_policy:noeviction\n# Errorstats\nerrorstat_OOM:count=315\n",
                expect: .critical,
                expectEvidence: ["errorstat_OOM count=315: writes rejected with OOM since start"]),
            RuleExample(
                "volatile-lru at 85 %",
                info: "redis_version:7.2.6\nused_memory:912680550\nmaxmemory:1073741824\nmaxmemory_policy:volatile-lru\n",
                expect: .warning,
                expectEvidence: ["85.0%"]),
            RuleExample(
                "An LRU cache at 92 % is doing its job",
                info: "redis_version:7.2.6\nused_memory:988000000\nmaxmemory:1073741824\nmaxmemory_policy:allkeys-lru\n",
                expect: .ok),
            RuleExample(
                "An LRU cache at 99.9 % warns",
                info: "redis_version:7.2.6\nused_memory:221224568\nmaxmemory:221299096\nmaxmemory_policy:allkeys-lru\n",
                expect: .warning,
                expectEvidence: ["100.0%", "allkeys-lru"]),
            RuleExample(
                "Unbounded, RSS at 93 % of the host (the out-of-memory surge)",
                info: "redis_version:6.2.16\nused_memory:7900000000\nused_memory_rss:8000000000\nmaxmemory:0\nmaxmemory_policy:noeviction\ntotal_system_memory:8589934592\n",
                expect: .critical,
                expectEvidence: ["maxmemory=0 (unbounded)", "93.1%"]),
            RuleExample(
                "Unbounded but small: a fresh server",
                info: "redis_version:7.0.15\nused_memory:872704\nused_memory_rss:6807552\nmaxmemory:0\nmaxmemory_policy:noeviction\ntotal_system_memory:25275695104\n",
                expect: .ok,
                expectEvidence: ["maxmemory=0 (unbounded)"]),
            RuleExample(
                "A fork would not fit: 60 % RSS plus 35 % copy-on-write",
                info: "redis_version:7.2.6\nused_memory:5000000000\nused_memory_rss:5153960755\nmaxmemory:0\nmaxmemory_policy:noeviction\ntotal_system_memory:8589934592\nrdb_last_cow_size:3006477107\naof_last_cow_size:0\n",
                expect: .warning,
                expectEvidence: ["rdb_last_cow_size"]),
            RuleExample(
                "Unbounded and no host size",
                info: "redis_version:3.0.7\nused_memory:1000000\nused_memory_rss:2000000\nmaxmemory:0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        let maxmemory = info.number(.maxmemory) ?? 0
        let total = info.number(.totalSystemMemory).flatMap { $0 > 0 ? $0 : nil }
        let rss = info.number(.usedMemoryRss)
        let policy = info.string(.maxmemoryPolicy)
        var evidence: [String] = []
        var metrics: [Metric] = []
        var threshold = context.threshold()
        let percent: Double
        var summary: String
        var oomRejected: Double?

        if maxmemory > 0 {
            guard let usedRaw = info.number(.usedMemory) else { return context.skipped("the server prints no used_memory") }
            let notCounted = info.number(.memNotCountedForEvict) ?? 0
            let used = max(0, usedRaw - notCounted)
            percent = used / maxmemory * 100
            let isAllkeys = policy?.hasPrefix("allkeys") == true
            if isAllkeys {
                let allkeysWarning = try context.number("allkeys-warning")
                let criticalText = context.text("allkeys-critical")
                var allkeysCritical: Double?
                if !criticalText.isEmpty { allkeysCritical = try context.number("allkeys-critical") }
                if context.settings.warning(for: context.ruleID) == nil {
                    threshold.warning = allkeysWarning.isNaN ? nil : try? NagiosRange(end: allkeysWarning)
                }
                if context.settings.critical(for: context.ruleID) == nil {
                    threshold.critical = allkeysCritical.flatMap { try? NagiosRange(end: $0) }
                }
            }
            evidence.append("used_memory=\(HumanFormat.bytes(usedRaw))" + (notCounted > 0 ? " less mem_not_counted_for_evict=\(HumanFormat.bytes(notCounted))" : "")
                            + " is \(HumanFormat.percent(percent)) of maxmemory=\(HumanFormat.bytes(maxmemory))")
            evidence.append("maxmemory_policy=\(policy ?? "unknown")" + (isAllkeys ? " (evicts any key: full is normal for a cache)" : ""))
            metrics.append(Metric("used_memory_of_maxmemory", percent, unit: .percent, threshold: threshold, min: 0, max: 100))
            metrics.append(Metric("used_memory", usedRaw, unit: .bytes, min: 0, max: maxmemory))
            summary = "\(HumanFormat.percent(percent)) of maxmemory used (\(policy ?? "policy unknown"))"
            // Writes already refused (errorstat_OOM, 6.2+) are said, not only foreseen.
            if !isAllkeys, let oom = EvictionsRule.oomCount(info), oom > 0 {
                oomRejected = oom
                evidence.append("errorstat_OOM count=\(HumanFormat.number(oom)): writes rejected with OOM since start")
                if percent >= 100 { summary += "; writes are failing (\(HumanFormat.number(oom)) rejected with OOM since start)" }
            }
        } else {
            guard let total, let rss else {
                return context.skipped("maxmemory is 0 (unbounded) and the server prints no total_system_memory to judge RSS against")
            }
            percent = rss / total * 100
            evidence.append("maxmemory=0 (unbounded): only the host's RAM limits the dataset")
            evidence.append("used_memory_rss=\(HumanFormat.bytes(rss)) is \(HumanFormat.percent(percent)) of total_system_memory=\(HumanFormat.bytes(total))")
            metrics.append(Metric("used_memory_rss_of_host", percent, unit: .percent, threshold: threshold, min: 0, max: 100))
            metrics.append(Metric("used_memory_rss", rss, unit: .bytes, min: 0, max: total))
            summary = "RSS at \(HumanFormat.percent(percent)) of host RAM, maxmemory unbounded"
        }
        var status = threshold.evaluate(percent)

        // Fork headroom: the copy-on-write of the last fork, on top of RSS.
        let cows = [(info.number(.rdbLastCowSize), "rdb_last_cow_size"), (info.number(.aofLastCowSize), "aof_last_cow_size")]
            .compactMap { pair in pair.0.map { ($0, pair.1) } }
        var forkAdvice: String?
        if let total, let rss, let cow = cows.max(by: { $0.0 < $1.0 }), cow.0 > 0 {
            let headroom = try context.number("fork-headroom")
            let forkPercent = (rss + cow.0) / total * 100
            metrics.append(Metric("fork_memory_of_host", forkPercent, unit: .percent))
            if forkPercent >= headroom {
                evidence.append("used_memory_rss=\(HumanFormat.bytes(rss)) + \(cow.1)=\(HumanFormat.bytes(cow.0)) is \(HumanFormat.percent(forkPercent)) of total_system_memory=\(HumanFormat.bytes(total))")
                forkAdvice = "The next BGSAVE/BGREWRITEAOF/full sync may swap the host: keep RSS + copy-on-write under the RAM (lower maxmemory, save less often, or add memory); vm.overcommit_memory=1."
                if status == .ok {
                    status = .warning
                    summary += "; a fork would need \(HumanFormat.percent(forkPercent)) of host RAM"
                }
            }
        }
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        var advice: [String] = []
        if maxmemory > 0 {
            if policy?.hasPrefix("allkeys") == true {
                advice.append("The cache is at its limit: check evicted_keys and the hit rate (keyspace_hits/misses); raise maxmemory if the evictions hurt.")
            } else {
                let lead = oomRejected != nil && percent >= 100 ? "Writes are failing with OOM. Free memory now" : "Free memory before writes fail with OOM"
                advice.append("\(lead): raise maxmemory (CONFIG SET maxmemory), delete or expire keys (MEMORY USAGE / redis-cli --bigkeys), or move to an allkeys-* policy if this is a cache.")
            }
        } else {
            advice.append("Set a limit below the host's RAM: CONFIG SET maxmemory <bytes> with an eviction policy (CONFIG SET maxmemory-policy), then CONFIG REWRITE.")
        }
        if let forkAdvice { advice.append(forkAdvice) }
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
