/// Memory the process holds but does not use, gated on bytes so an idle instance
/// (a fresh 7.0 prints a ratio near 8 with under 1 MB used) never warns.
public enum MemoryFragmentationRule: HealthRule {
    public static let description = RuleDescription(
        id: "memory-fragmentation",
        title: "Memory fragmentation",
        category: .memory,
        summary: "RSS against used memory, alerting only when the wasted bytes matter and the peak does not explain them.",
        rationale: """
            mem_fragmentation_ratio is RSS over used_memory. On a small or idle instance it is meaningless \
            (ratios of 8 to 20 with a few MB used), so the ratio alerts only when the wasted bytes \
            (mem_fragmentation_bytes, else RSS minus used) reach min-wasted-bytes (100 MiB) for WARNING and \
            critical-wasted-bytes (1 GiB) for CRITICAL. After a mass delete the allocator keeps the pages of \
            the peak: when used_memory_peak / used_memory exceeds peak-factor the rule stays OK and suggests \
            MEMORY PURGE. A ratio clearly below 1 (under swap-ratio, 0.95) on a large instance means part \
            of the dataset is swapped out (the first seed: a host that swapped). A 25 GB production capture \
            prints 0.98: a 2 % shortfall is too small to call swapping, so it stays OK. With jemalloc, allocator_frag_ratio >= 1.1 over 10 MiB \
            is fragmentation active defragmentation can reclaim.
            """,
        fieldsRead: ["mem_fragmentation_ratio", "mem_fragmentation_bytes", "used_memory", "used_memory_rss",
                     "used_memory_peak", "allocator_frag_ratio", "allocator_frag_bytes", "mem_allocator",
                     "active_defrag_running"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "mem_fragmentation_ratio",
        defaultWarning: "1.5",
        defaultCritical: "2",
        parameters: [
            RuleParameter(name: "min-wasted-bytes", defaultValue: "104857600", description: "No WARNING unless at least this many bytes are wasted (100 MiB)."),
            RuleParameter(name: "critical-wasted-bytes", defaultValue: "1073741824", description: "No CRITICAL unless at least this many bytes are wasted (1 GiB); below, a critical ratio is a WARNING."),
            RuleParameter(name: "peak-factor", defaultValue: "1.5", description: "When used_memory_peak / used_memory exceeds this, the peak explains the ratio: OK with a MEMORY PURGE hint."),
            RuleParameter(name: "swap-ratio", defaultValue: "0.95", description: "A ratio below this (RSS under used memory) warns of swapping; small shortfalls like 0.98 are pages counted but not resident."),
            RuleParameter(name: "swap-min-used", defaultValue: "104857600", description: "A ratio below 1 warns of swapping only when used_memory is at least this (100 MiB)."),
            RuleParameter(name: "allocator-frag-ratio", defaultValue: "1.1", description: "allocator_frag_ratio from which active defragmentation is suggested."),
            RuleParameter(name: "allocator-frag-bytes", defaultValue: "10485760", description: "allocator_frag_bytes from which active defragmentation is suggested (10 MiB)."),
        ],
        examples: [
            RuleExample(
                "Fragmented after churn: ratio 1.8 wasting 1.2 GiB of a 1.5 GiB dataset",
                info: "redis_version:7.2.6\nused_memory:1610612736\nused_memory_rss:2899102924\nused_memory_peak:1700000000\nmem_fragmentation_ratio:1.80\nmem_fragmentation_bytes:1288490188\nallocator_frag_ratio:1.62\nallocator_frag_bytes:900000000\nmem_allocator:jemalloc-5.3.0\n",
                expect: .warning,
                expectEvidence: ["mem_fragmentation_ratio=1.8", "1.2 GiB", "activedefrag"]),
            RuleExample(
                "Ratio 2.6 wasting 4 GiB is CRITICAL",
                info: "redis_version:7.0.15\nused_memory:2684354560\nused_memory_rss:6979321856\nused_memory_peak:2800000000\nmem_fragmentation_ratio:2.60\nmem_fragmentation_bytes:4294967296\nmem_allocator:jemalloc-5.3.0\n",
                expect: .critical,
                expectEvidence: ["mem_fragmentation_ratio=2.6", "4 GiB"]),
            RuleExample(
                "A fresh 7.0 server: ratio 7.8 but under 7 MiB wasted",
                info: "redis_version:7.0.15\nused_memory:872704\nused_memory_rss:6807552\nused_memory_peak:872704\nmem_fragmentation_ratio:7.80\nmem_fragmentation_bytes:5934848\nallocator_frag_ratio:1.08\nallocator_frag_bytes:113024\nmem_allocator:jemalloc-5.3.0\n",
                expect: .ok),
            RuleExample(
                "After a mass delete the peak explains the ratio",
                info: "redis_version:7.2.6\nused_memory:536870912\nused_memory_rss:1610612736\nused_memory_peak:1503238553\nmem_fragmentation_ratio:3.00\nmem_fragmentation_bytes:1073741824\nmem_allocator:jemalloc-5.3.0\n",
                expect: .ok,
                expectEvidence: ["MEMORY PURGE"]),
            RuleExample(
                "Ratio 0.6 with 4 GiB used: the host is swapping Redis out",
                info: "redis_version:6.2.16\nused_memory:4294967296\nused_memory_rss:2576980377\nused_memory_peak:4294967296\nmem_fragmentation_ratio:0.60\nmem_fragmentation_bytes:-1717986919\nmem_allocator:jemalloc-5.1.0\n",
                expect: .warning,
                expectEvidence: ["possible swapping", "mem_fragmentation_ratio=0.6"]),
            RuleExample(
                "Ratio 0.98 on a 25 GiB box: a shortfall of pages counted but not resident",
                info: "redis_version:7.4.0\nused_memory:27509397504\nused_memory_rss:26947108864\nused_memory_peak:27600000000\nmem_fragmentation_ratio:0.98\nmem_fragmentation_bytes:-562321408\nmem_allocator:jemalloc-5.3.0\n",
                expect: .ok),
            RuleExample(
                "Lowered gate for a small instance",
                info: "redis_version:7.2.6\nused_memory:52428800\nused_memory_rss:94371840\nused_memory_peak:55000000\nmem_fragmentation_ratio:1.80\nmem_fragmentation_bytes:41943040\nmem_allocator:jemalloc-5.3.0\n",
                settings: ["memory-fragmentation.min-wasted-bytes": "10485760"],
                expect: .warning,
                expectEvidence: ["40 MiB"]),
            RuleExample(
                "Kvrocks prints no fragmentation ratio",
                info: "redis_version:7.0.0\nkvrocks_version:2.17.0\nused_memory_rss:104857600\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let ratio = info.number(.memFragmentationRatio) else {
            return context.skipped("the server prints no mem_fragmentation_ratio")
        }
        let used = info.number(.usedMemory)
        let rss = info.number(.usedMemoryRss)
        guard let wasted = info.number(.memFragmentationBytes) ?? rss.flatMap({ r in used.map { r - $0 } }) else {
            return context.skipped("mem_fragmentation_ratio without used_memory and used_memory_rss: wasted bytes unknown")
        }
        let minWasted = try context.number("min-wasted-bytes")
        let criticalWasted = try context.number("critical-wasted-bytes")
        let peakFactor = try context.number("peak-factor")
        let swapRatio = try context.number("swap-ratio")
        let swapMinUsed = try context.number("swap-min-used")
        let allocatorRatioLimit = try context.number("allocator-frag-ratio")
        let allocatorBytesLimit = try context.number("allocator-frag-bytes")

        var evidence = ["mem_fragmentation_ratio=\(HumanFormat.fixed(ratio, 2))"]
        if let used, let rss {
            evidence.append("used_memory=\(HumanFormat.bytes(used)), used_memory_rss=\(HumanFormat.bytes(rss))")
        }
        let wastedSource = info.number(.memFragmentationBytes) != nil ? "mem_fragmentation_bytes" : "rss - used"
        evidence.append("\(wastedSource)=\(HumanFormat.bytes(wasted))")
        let threshold = context.threshold()
        var metrics = [Metric("mem_fragmentation_ratio", ratio, threshold: threshold),
                       Metric("mem_fragmentation_bytes", wasted, unit: .bytes)]

        // Below 1: RSS smaller than the data, so pages of the dataset are in swap.
        if ratio < swapRatio, let used, used >= swapMinUsed {
            return context.result(
                .warning, "possible swapping: RSS is \(HumanFormat.percent(ratio * 100)) of used memory",
                evidence: evidence + ["possible swapping: ratio below 1 with \(HumanFormat.bytes(used)) used"],
                advice: ["Check the host's swap (free -m; VmSwap in /proc/<process_id>/status) and the latency of commands.",
                         "Give Redis the RAM it needs: lower maxmemory, move other processes off the host or add memory; consider vm.swappiness=1."],
                metrics: metrics)
        }

        // Allocator-level fragmentation that active defrag can reclaim (jemalloc only).
        let jemalloc = info.string(.memAllocator).map { $0.hasPrefix("jemalloc") } ?? false
        var defragHint: String?
        if jemalloc, let aRatio = info.number(.allocatorFragRatio), let aBytes = info.number(.allocatorFragBytes),
           aRatio >= allocatorRatioLimit, aBytes >= allocatorBytesLimit {
            metrics.append(Metric("allocator_frag_bytes", aBytes, unit: .bytes))
            if info.flag(.activeDefragRunning) == true {
                evidence.append("allocator_frag_ratio=\(HumanFormat.fixed(aRatio, 2)) (\(HumanFormat.bytes(aBytes))); active defrag is running")
            } else {
                evidence.append("allocator_frag_ratio=\(HumanFormat.fixed(aRatio, 2)) (\(HumanFormat.bytes(aBytes))): reclaimable with activedefrag")
                defragHint = "CONFIG SET activedefrag yes (jemalloc): defragments live, at some CPU cost."
            }
        }

        var status = threshold.evaluate(ratio)
        if status == .critical && wasted < criticalWasted { status = .warning }
        if status == .warning && wasted < minWasted {
            status = .ok
            evidence.append("below min-wasted-bytes \(HumanFormat.bytes(minWasted)): too little to matter")
        }
        if status != .ok, let used, used > 0, let peak = info.number(.usedMemoryPeak), peak / used > peakFactor {
            evidence.append("used_memory_peak=\(HumanFormat.bytes(peak)) is \(HumanFormat.fixed(peak / used, 2))x used: the pages of the peak are still held; MEMORY PURGE (jemalloc) returns them")
            return context.ok("fragmentation explained by the peak (\(HumanFormat.fixed(ratio, 2))); try MEMORY PURGE", evidence: evidence, metrics: metrics)
        }
        let summary = "fragmentation ratio \(HumanFormat.fixed(ratio, 2)), \(HumanFormat.bytes(wasted)) wasted"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        var advice = ["MEMORY PURGE (jemalloc) returns free pages to the system; check the ratio afterwards."]
        advice.append(defragHint ?? "CONFIG SET activedefrag yes (jemalloc, 4.0+) defragments live, at some CPU cost.")
        advice.append("Last resort: restart the instance, or fail over to a replica and restart the old primary, to rebuild the heap.")
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
