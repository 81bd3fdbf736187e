/// SLOWLOG entries since the last look: which command, from which client, how long.
public enum SlowCommandsRule: HealthRule {
    public static let description = RuleDescription(
        id: "slow-commands",
        title: "Slow commands",
        category: .latency,
        summary: "SLOWLOG entries since the previous sample, judged by the slowest one.",
        rationale: """
            Redis runs commands one at a time, so one slow command (KEYS, a large HGETALL or SORT, a \
            long Lua script) stalls every client. New entries are those with an id above the previous \
            sample's highest (ids are per process, so only a sample from the same run_id counts); \
            without one, those of the last 300 s on the server's clock. WARNING from one entry of \
            100 ms or 10 new entries, CRITICAL from one entry of a second.
            """,
        fieldsRead: ["server_time_usec", "SLOWLOG GET: id timestamp duration args client-addr client-name"],
        commandsNeeded: ["SLOWLOG GET"],
        enabledByDefault: true,
        primaryMetric: "slowlog_max",
        defaultWarning: "100",
        defaultCritical: "1000",
        parameters: [
            RuleParameter(name: "window", defaultValue: "300", description: "Without a previous sample, entries of this many seconds before the server's clock are new."),
            RuleParameter(name: "count-warning", defaultValue: "10", description: "WARNING at this many new entries, however short.", kind: .count),
            RuleParameter(name: "entries-shown", defaultValue: "3", description: "How many of the slowest new entries the evidence names.", kind: .count),
        ],
        examples: [
            RuleExample(
                "A 1.2 s KEYS from the web tier",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["SLOWLOG GET": "41 1763799950 1200000 10.0.0.7:51234 web KEYS *\n40 1763799900 15000 10.0.0.8:40000 - GET a\n"],
                expect: .critical,
                expectEvidence: ["KEYS *", "10.0.0.7:51234", "web", "1200 ms"]),
            RuleExample(
                "A 250 ms HGETALL",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["SLOWLOG GET": "7 1763799990 250000 10.0.0.7:51234 - HGETALL big:hash\n"],
                expect: .warning,
                expectEvidence: ["HGETALL big:hash", "250 ms"]),
            RuleExample(
                "Only old entries: the slow SORT was an hour ago",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["SLOWLOG GET": "3 1763796400 3000000 10.0.0.7:51234 - SORT big\n"],
                expect: .ok),
            RuleExample(
                "Twelve 20 ms entries in five minutes",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["SLOWLOG GET": (1...12).map { "\($0) \(1763799800 + $0) 20000 10.0.0.7:5000 - ZRANGE z 0 -1" }.joined(separator: "\n")],
                expect: .warning,
                expectEvidence: ["12 new entries"]),
            RuleExample(
                "Empty slow log",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                replies: ["SLOWLOG GET": ""],
                expect: .ok),
            RuleExample(
                "SLOWLOG renamed away",
                info: "redis_version:7.2.6\n",
                replies: ["SLOWLOG GET": "-ERR unknown command 'SLOWLOG'"],
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let slowlog = context.current.slowlog else {
            return context.skipped(context.unavailable("SLOWLOG GET") ?? "no SLOWLOG GET reply")
        }
        let window = try context.number("window")
        let countWarning = try context.integer("count-warning")
        let shown = max(1, try context.integer("entries-shown"))
        var evidence: [String] = []
        let fresh: [SlowlogEntry]
        if let previousMax = context.comparablePrevious?.slowlog?.map(\.id).max() {
            fresh = slowlog.filter { $0.id > previousMax }
            evidence.append("\(entries(fresh.count)) since id \(previousMax)")
        } else if let now = context.now {
            fresh = slowlog.filter { Double($0.timestamp) >= now - window }
            evidence.append("\(entries(fresh.count)) in the last \(HumanFormat.duration(seconds: window))")
        } else {
            fresh = slowlog
            evidence.append("\(entries(fresh.count)) (no server clock: every entry in the log counts)")
        }
        let threshold = context.threshold()
        let maxMs = Double(fresh.map(\.durationMicros).max() ?? 0) / 1000
        var status = threshold.evaluate(maxMs)
        if status == .ok && fresh.count >= countWarning { status = .warning }
        let metrics = [Metric("slowlog_max", maxMs, unit: .milliseconds, threshold: threshold, min: 0),
                       Metric("slowlog_new_entries", Double(fresh.count), unit: .none, min: 0)]
        let slowest = fresh.sorted { $0.durationMicros > $1.durationMicros }
        for entry in slowest.prefix(shown) { evidence.append(describe(entry)) }
        guard let worst = slowest.first else {
            return context.ok("no new SLOWLOG entries", evidence: evidence, metrics: metrics)
        }
        let summary = "\(fresh.count) new slow command\(fresh.count == 1 ? "" : "s"), slowest \(command(worst)) \(HumanFormat.number(maxMs)) ms"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "Find the caller of \(command(worst)) (client \(worst.clientAddr ?? "?")) and replace whole-collection commands (KEYS, HGETALL, SMEMBERS, SORT, LRANGE 0 -1) with SCAN-family cursors or smaller ranges.",
            "SLOWLOG GET 128 shows the full log; SLOWLOG RESET after fixing, so the next run starts clean.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }

    static func entries(_ count: Int) -> String { "\(count) new entr\(count == 1 ? "y" : "ies")" }

    /// The command with up to three arguments, each cut at 40 characters.
    static func command(_ entry: SlowlogEntry) -> String {
        // Servers before 6.2 log AUTH, CONFIG SET requirepass and ACL SETUSER >pw as typed.
        if HistoryFilter.carriesSecret(entry.args) {
            return OutputText.oneLine(entry.args.prefix(1).joined()) + " (arguments hidden: they carry a secret)"
        }
        let words = entry.args.prefix(4).map { OutputText.oneLine($0.count > 40 ? String($0.prefix(40)) + "..." : $0) }
        return words.joined(separator: " ") + (entry.args.count > 4 ? " ..." : "")
    }

    static func describe(_ entry: SlowlogEntry) -> String {
        var line = "#\(entry.id) \(command(entry)): \(HumanFormat.number(Double(entry.durationMicros) / 1000)) ms"
        if let addr = entry.clientAddr, !addr.isEmpty { line += " from \(addr)" }
        if let name = entry.clientName, !name.isEmpty { line += " (name \(name))" }
        return line + " at \(entry.timestamp)"
    }
}
