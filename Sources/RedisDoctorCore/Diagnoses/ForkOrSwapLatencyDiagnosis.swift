/// Latency spikes that come from forks: the kernel copying page tables (worse with
/// transparent huge pages). Swap's share of latency is `server-starved`.
public enum ForkOrSwapLatencyDiagnosis: Diagnosis {
    public static let description = DiagnosisDescription(
        id: "fork-latency",
        title: "latency from forks",
        summary: "Latency spikes recorded as fork events, or matching a long latest_fork_usec, with huge pages making forks dearer.",
        rationale: """
            fork() stops the main thread while the kernel copies the page tables: about 10 ms per GB, \
            and with transparent huge pages every later copy-on-write copies 2 MiB. When the latency \
            rule fires and LATENCY LATEST records a fork event in the last 10 minutes (or since the \
            previous sample), or latest_fork_usec is above 100 ms, the forks are the spikes: \
            confirmed with a recent fork event, likely from latest_fork_usec alone. SLOWLOG never \
            holds fork time, so slow-commands is not read. Huge pages on for the process \
            (host-kernel) are named as the aggravation.
            """,
        findings: ["latency", "host-kernel"],
        facts: ["LATENCY LATEST fork event", "latest_fork_usec", "THP_enabled"],
        ruledOutBy: "no fork event and latest_fork_usec far below the spikes (then look at slow commands or the host)",
        nextStep: "Make forks rarer or cheaper: fewer save points or AOF rewrites on the primary (save from a replica), transparent huge pages to madvise, a smaller dataset per instance",
        examples: [
            DiagnosisExample(
                "A 1.5 s fork spike a minute ago",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\nlatest_fork_usec:1500000\n",
                replies: ["PING": "350", "LATENCY LATEST": "fork 1763799940 1500 1500\n"],
                diagnosed: true, confidence: .confirmed, expectEvidence: ["latency from forks", "latest_fork_usec=1500000", "LATENCY LATEST fork"]),
            DiagnosisExample(
                "A slow PING with quick forks: not the forks",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\nlatest_fork_usec:800\n",
                replies: ["PING": "180000", "LATENCY LATEST": ""],
                diagnosed: false),
        ]
    )

    /// A fork slower than this explains a latency finding by itself.
    static let forkMicros = 100_000.0
    /// A fork event this recent (seconds) is the spike being judged.
    static let recentSeconds = 600.0

    public static func diagnose(_ input: DiagnosisInput) -> DiagnosisResult? {
        guard let latency = input.firing("latency") else { return nil }
        // LATENCY LATEST keeps an event forever: only one since the previous sample, or recent, counts.
        // Without a clock nothing is recent here (the rule's filter would take every row).
        let forkEvent = input.current.serverTimeSeconds == nil && input.previous == nil ? nil
            : LatencyEvent.recent(input.current.latency ?? [], previous: input.previous?.latency,
                                  now: input.current.serverTimeSeconds, window: Self.recentSeconds).first { $0.name == "fork" }
        let forkMicros = input.info.number(.latestForkUsec) ?? 0
        guard forkEvent != nil || forkMicros >= Self.forkMicros else { return nil }
        var facts = ["latest_fork_usec=\(HumanFormat.number(forkMicros))"]
        if let forkEvent { facts.append("LATENCY LATEST fork: \(HumanFormat.number(Double(forkEvent.latestMs))) ms") }
        var findings = [latency]
        // The kernel finding counts when it is about huge pages, judged by the fact, not its wording.
        if let kernel = input.firing("host-kernel"), input.host?.processHasHugepages(disableThp: input.current.config?["disable-thp"]) == true {
            findings.append(kernel)
        }
        return description.result(forkEvent != nil ? .confirmed : .likely, headline: "\(description.title): \(DiagnosisInput.clause(latency))",
                                  findings: findings, facts: facts)
    }
}
