/// Resident memory INFO does not account for: the first seed's "redis-server using 1 GB
/// more than it reports via info", told apart from fragmentation, which INFO does report.
public enum HostRssGapRule: HealthRule {
    public static let description = RuleDescription(
        id: "host-rss-gap",
        title: "RSS beyond what INFO accounts for",
        category: .host,
        summary: "The process's RSS far above used_memory, beyond what the allocator's own pages (fragmentation) explain.",
        rationale: """
            top shows the process's RSS; INFO's used_memory counts only what the allocator handed out. \
            The difference is mostly fragmentation, which INFO reports (allocator_resident, \
            mem_fragmentation_ratio) and memory-fragmentation judges. What lies beyond allocator_resident \
            is memory no INFO field explains: a module or library calling malloc itself, the Lua or \
            functions VM, mapped files (RssFile), shared memory, transparent huge pages inflating pages \
            after a fork. From min-gap-bytes (256 MiB) that is also at least gap-share (20 %) of the RSS \
            it is a WARNING that names the likely causes it can see. Without allocator_resident (not \
            jemalloc, or before 4.0) the gap cannot be told from fragmentation: the rule stays OK, \
            shows INFO's own used_memory_rss beside the RSS, and leaves the gap to \
            memory-fragmentation. A save child's RSS is \
            its own process, not counted here; top adds it, which is the other common "more than INFO".
            """,
        fieldsRead: ["VmRSS", "RssAnon", "RssFile", "RssShmem", "THP_enabled (/proc/PID/status)", "used_memory", "used_memory_rss",
                     "allocator_resident", "used_memory_vm_total", "used_memory_lua", "module (Modules)"],
        commandsNeeded: ["INFO"],
        parameters: [
            RuleParameter(name: "min-gap-bytes", defaultValue: "268435456", description: "No WARNING unless the unexplained RSS is at least this many bytes (256 MiB)."),
            RuleParameter(name: "gap-share", defaultValue: "0.2", description: "No WARNING unless the unexplained RSS is at least this share of VmRSS."),
        ],
        examples: [
            RuleExample(
                "RSS matches the allocator's pages",
                info: "redis_version:7.0.15\nused_memory:2147483648\nused_memory_rss:2390000000\nallocator_resident:2350000000\nmem_allocator:jemalloc-5.3.0\n",
                host: HostExample(status: "VmRSS:\t 2334000 kB\nRssAnon:\t 2330000 kB\nRssFile:\t    4000 kB\nRssShmem:\t       0 kB\n"),
                expect: .ok, expectEvidence: ["unexplained 38.2 MiB"]),
            RuleExample(
                "1.1 GiB outside the allocator, mostly a mapped file",
                info: "redis_version:6.2.14\nused_memory:2147483648\nused_memory_rss:3500000000\nallocator_resident:2300000000\nmem_allocator:jemalloc-5.1.0\n# Modules\nmodule:name=search,ver=20610,api=1,filters=0,usedby=[],using=[],options=[]\n",
                host: HostExample(status: "VmRSS:\t 3417968 kB\nRssAnon:\t 2400000 kB\nRssFile:\t 1017968 kB\nRssShmem:\t       0 kB\n"),
                expect: .warning, expectEvidence: ["1.12 GiB beyond allocator_resident", "RssFile=994 MiB", "modules loaded: search"]),
            RuleExample(
                "Fragmentation, not a gap: RSS matches INFO's own used_memory_rss (libc malloc)",
                info: "redis_version:2.2.2\nused_memory:2372655104\nused_memory_rss:3416623349\nmem_fragmentation_ratio:1.44\nmem_allocator:libc\n",
                host: HostExample(status: "VmRSS:\t 3336546 kB\nRssAnon:\t 3330000 kB\nRssFile:\t    6546 kB\n"),
                expect: .ok, expectEvidence: ["fragmentation", "memory-fragmentation judges"]),
            RuleExample(
                "No host facts: the server is remote",
                info: "redis_version:7.0.15\nused_memory:2147483648\n",
                host: HostExample(notLocal: "the server is remote (10.0.4.7:6379): host facts are read only on the server's own host"),
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let host = context.host else { return context.hostSkipped() }
        guard let rss = host.rss else { return context.skipped("no VmRSS: \(host.missing(HostPaths.status(host.pid)))") }
        guard let used = context.info.number(.usedMemory) else { return context.skipped("the server prints no used_memory") }
        let minGap = try context.number("min-gap-bytes")
        let gapShare = try context.number("gap-share")
        var evidence = ["VmRSS=\(HumanFormat.bytes(rss)), used_memory=\(HumanFormat.bytes(used)): \(HumanFormat.bytes(max(0, rss - used))) more than INFO's used_memory"]
        var metrics: [Metric] = []

        guard let resident = context.info.number(.allocatorResident) else {
            // Without the allocator's figures, INFO's own RSS is the account: fragmentation.
            let infoRss = context.info.number(.usedMemoryRss)
            evidence.append("no allocator_resident (\(context.info.string(.memAllocator) ?? "allocator unknown")): the gap is fragmentation as INFO reports it"
                            + (infoRss.map { " (used_memory_rss=\(HumanFormat.bytes($0)))" } ?? "") + "; memory-fragmentation judges it")
            return context.ok("RSS accounted for by INFO's used_memory_rss", evidence: evidence, metrics: metrics,
                              notJudged: "gap not judged: without allocator_resident it cannot be told from fragmentation")
        }
        let explained = max(used, resident)
        let gap = max(0, rss - explained)
        metrics.append(Metric("process_rss_unexplained", gap, unit: .bytes))
        evidence.append("allocator_resident=\(HumanFormat.bytes(resident)) (fragmentation included): unexplained \(HumanFormat.bytes(gap))")
        guard gap >= minGap, gap >= gapShare * rss else {
            return context.ok("RSS accounted for by the allocator", evidence: evidence, metrics: metrics)
        }
        evidence[1] = "\(HumanFormat.bytes(gap)) beyond allocator_resident=\(HumanFormat.bytes(resident)) (\(HumanFormat.percent(gap / rss * 100)) of VmRSS)"
        let causes = likelyCauses(context, host)
        evidence += causes.isEmpty ? ["no visible cause: memory allocated outside the allocator (a module or a library calling malloc directly)"] : causes
        return context.result(.warning, "\(HumanFormat.bytes(gap)) of RSS not accounted for by INFO", evidence: evidence,
            advice: ["MEMORY DOCTOR and MEMORY STATS break used memory down; pmap -x PID (as the server's user) shows the largest mappings.",
                     "A module's own allocations are not in used_memory: check MODULE LIST and the module's memory command."],
            metrics: metrics)
    }

    /// What /proc and INFO show that could hold memory outside the allocator.
    static func likelyCauses(_ context: RuleContext, _ host: HostFacts) -> [String] {
        var causes: [String] = []
        let floor = 64.0 * 1024 * 1024
        if let file = host.process?.bytes("RssFile"), file >= floor { causes.append("RssFile=\(HumanFormat.bytes(file)): mapped files (the binary, libraries, a module's data)") }
        if let shmem = host.process?.bytes("RssShmem"), shmem >= floor { causes.append("RssShmem=\(HumanFormat.bytes(shmem)): shared memory") }
        if let vm = context.info.number(.usedMemoryVmTotal) ?? context.info.number(.usedMemoryLua), vm >= floor {
            causes.append("the scripting VMs hold \(HumanFormat.bytes(vm)) (used_memory_vm_total/used_memory_lua)")
        }
        if host.processHasHugepages(disableThp: context.current.config?["disable-thp"]) == true { causes.append("transparent huge pages are on for the process: a fork's copy-on-write touches 2 MiB pages") }
        let modules = context.info.modules.compactMap(\.name)
        if !modules.isEmpty { causes.append("modules loaded: \(modules.joined(separator: ", ")) (their own allocations are not in used_memory)") }
        return causes
    }
}
