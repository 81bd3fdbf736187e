/// How long the server takes to answer: the PING round trip, and the spikes the
/// latency monitor recorded since the last look.
public enum LatencyRule: HealthRule {
    public static let description = RuleDescription(
        id: "latency",
        title: "Latency",
        category: .latency,
        summary: "PING round trip and recent LATENCY LATEST spikes.",
        rationale: """
            A PING round trip over 100 ms means clients wait (the event loop is busy, the host is \
            swapping, or the network is slow); 500 ms is an outage for most applications. LATENCY \
            LATEST keeps the latest spike per event (fork, expire-cycle, command, aof-fsync...); an \
            event counts when its latest spike is newer than the previous sample, or within the last \
            300 s without one, and is judged by that latest spike (the all-time max may be old). \
            With latency-monitor-threshold 0 the monitor records nothing, so the rule says so.
            """,
        fieldsRead: ["server_time_usec", "latency-monitor-threshold", "LATENCY LATEST: event timestamp latest max"],
        commandsNeeded: ["PING", "LATENCY LATEST", "CONFIG GET latency-monitor-threshold"],
        enabledByDefault: true,
        primaryMetric: "ping",
        defaultWarning: "100",
        defaultCritical: "500",
        parameters: [
            RuleParameter(name: "spike-warning", defaultValue: "100", description: "WARNING for a recent latency spike of this many milliseconds."),
            RuleParameter(name: "spike-critical", defaultValue: "1000", description: "CRITICAL for a recent latency spike of this many milliseconds."),
            RuleParameter(name: "window", defaultValue: "300", description: "Without a previous sample, spikes of this many seconds before the server's clock are recent."),
        ],
        examples: [
            RuleExample(
                "A 1.5 s fork spike a minute ago",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["PING": "350", "LATENCY LATEST": "fork 1763799940 1500 1500\ncommand 1763700000 200 900\n"],
                expect: .critical,
                expectEvidence: ["fork: 1500 ms", "PING 0.35 ms"]),
            RuleExample(
                "PING takes 180 ms",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["PING": "180000", "LATENCY LATEST": ""],
                expect: .warning,
                expectEvidence: ["PING 180 ms"]),
            RuleExample(
                "Fast PING, an old spike only",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["PING": "250", "LATENCY LATEST": "expire-cycle 1763790000 300 300\n"],
                expect: .ok),
            RuleExample(
                "Latency monitor off: a hint",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["PING": "400", "LATENCY LATEST": "", "CONFIG GET": "latency-monitor-threshold 0"],
                expect: .ok,
                expectEvidence: ["CONFIG SET latency-monitor-threshold 100"]),
            RuleExample(
                "No PING timing and LATENCY refused",
                info: "redis_version:7.2.6\n",
                replies: ["LATENCY LATEST": "-NOPERM no permissions"],
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let ping = context.current.pingMicros.flatMap { $0 > 0 ? Double($0) / 1000 : nil }
        let events = context.current.latency
        if ping == nil && events == nil {
            return context.skipped("no PING timing" + (context.unavailable("LATENCY LATEST").map { " and \($0)" } ?? " and no LATENCY LATEST"))
        }
        let spikeWarning = try context.number("spike-warning")
        let spikeCritical = try context.number("spike-critical")
        let window = try context.number("window")
        let threshold = context.threshold()
        var status = Status.ok
        var evidence: [String] = []
        var advice: [String] = []
        var metrics: [Metric] = []
        var summaryParts: [String] = []

        if let ping {
            status = threshold.evaluate(ping)
            metrics.append(Metric("ping", ping, unit: .milliseconds, threshold: threshold, min: 0))
            evidence.append("PING \(HumanFormat.fixed(ping, ping < 10 ? 2 : 0)) ms round trip")
            summaryParts.append("PING \(HumanFormat.fixed(ping, ping < 10 ? 2 : 0)) ms")
            if status != .ok {
                advice.append("A slow PING is a busy event loop or a slow path: check slow-commands, INFO cpu and, on the host, swap and network (redis-cli --latency from near the server).")
            }
        }

        if let events {
            let recent = LatencyEvent.recent(events, previous: context.comparablePrevious?.latency, now: context.now, window: window)
            let worst = recent.map(\.latestMs).max() ?? 0
            metrics.append(Metric("latency_spike", Double(worst), unit: .milliseconds, min: 0))
            for event in recent.sorted(by: { $0.latestMs > $1.latestMs }) {
                evidence.append("\(event.name): \(event.latestMs) ms at \(event.timestamp) (max \(event.maxMs) ms since reset)")
            }
            let spikeStatus: Status = Double(worst) >= spikeCritical ? .critical : Double(worst) >= spikeWarning ? .warning : .ok
            if spikeStatus != .ok {
                status = status == .critical ? .critical : spikeStatus == .critical ? .critical : .warning
                summaryParts.append("\(recent.count) recent latency event\(recent.count == 1 ? "" : "s"), worst \(worst) ms")
                advice.append("LATENCY DOCTOR explains each event; LATENCY HISTORY <event> shows when it repeats. "
                              + recent.filter { Double($0.latestMs) >= spikeWarning }.map { hint($0.name) }.joined(separator: " "))
            } else if !recent.isEmpty {
                summaryParts.append("recent spikes under \(HumanFormat.number(spikeWarning)) ms")
            }
        } else if let reason = context.unavailable("LATENCY LATEST") {
            evidence.append(reason)
        }
        if context.current.config?["latency-monitor-threshold"] == "0" {
            evidence.append("latency-monitor-threshold 0: the latency monitor records nothing; CONFIG SET latency-monitor-threshold 100")
        }

        let summary = summaryParts.isEmpty ? "no latency data" : summaryParts.joined(separator: ", ")
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }

    /// The usual cause per latency event, as LATENCY DOCTOR would say it.
    static func hint(_ event: String) -> String {
        switch event {
        case "fork": return "fork: a large dataset forks slowly (BGSAVE/AOF rewrite); consider a smaller instance or no THP."
        case "command", "fast-command": return "\(event): slow commands, see slow-commands."
        case "expire-cycle": return "expire-cycle: many keys expiring at once, see expire-storm."
        case "eviction-cycle", "eviction-del": return "\(event): maxmemory eviction under pressure."
        case let name where name.hasPrefix("aof"): return "\(name): the disk is slow for AOF fsync."
        default: return "\(event): see LATENCY DOCTOR."
        }
    }
}
