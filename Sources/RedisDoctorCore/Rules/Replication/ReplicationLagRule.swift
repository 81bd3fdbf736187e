/// On a primary: how far each replica trails, and whether the expected ones are there.
public enum ReplicationLagRule: HealthRule {
    public static let description = RuleDescription(
        id: "replication-lag",
        title: "Replication lag",
        category: .replication,
        summary: "Per replica: seconds since its last ACK, offset gap against repl_backlog_size, state; and the replica count.",
        rationale: """
            Replicas ACK every second, so a lag (seconds since the last ACK) of 10 s is a WARNING and 30 s \
            CRITICAL. A replica whose offset gap reaches the replication backlog can no longer resume with \
            a partial sync: the next reconnect is a full resync (a fork on the primary, a reload on the \
            replica). The gap warns at backlog-warning (25 %) and is CRITICAL at backlog-critical (75 %) of \
            repl_backlog_size, before that happens. A replica not online (wait_bgsave, send_bulk) is \
            syncing: WARNING. With expected-replicas set, fewer connected replicas are CRITICAL. A server \
            with no replicas and no expectation is SKIPPED. Positional 2.4/2.6 entries carry no lag or offset.
            """,
        fieldsRead: ["slave<N>", "connected_slaves", "master_repl_offset", "repl_backlog_size", "role"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "replica_lag_max",
        defaultWarning: "@10:",
        defaultCritical: "@30:",
        parameters: [
            RuleParameter(name: "backlog-warning", defaultValue: "25", description: "WARNING when a replica's offset gap reaches this percentage of repl_backlog_size."),
            RuleParameter(name: "backlog-critical", defaultValue: "75", description: "CRITICAL when a replica's offset gap reaches this percentage of repl_backlog_size."),
            RuleParameter(name: "expected-replicas", defaultValue: "0", description: "CRITICAL with fewer connected replicas than this; 0 does not check.", kind: .count),
        ],
        examples: [
            RuleExample(
                "One replica 12 s behind",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:2\nslave0:ip=10.0.0.2,port=6379,state=online,offset=4432,lag=0\nslave1:ip=10.0.0.3,port=6379,state=online,offset=4000,lag=12\nmaster_repl_offset:4432\nrepl_backlog_size:1048576\n",
                expect: .warning,
                expectEvidence: ["10.0.0.3:6379", "lag=12"]),
            RuleExample(
                "A replica 900 KiB behind a 1 MiB backlog",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:1\nslave0:ip=10.0.0.2,port=6379,state=online,offset=100000,lag=1\nmaster_repl_offset:1021600\nrepl_backlog_size:1048576\n",
                expect: .critical,
                expectEvidence: ["87.9% of repl_backlog_size"]),
            RuleExample(
                "A replica still loading the RDB",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:1\nslave0:ip=10.0.0.2,port=6379,state=send_bulk,offset=0,lag=0\nmaster_repl_offset:5000000\nrepl_backlog_size:1048576\n",
                expect: .warning,
                expectEvidence: ["state=send_bulk"]),
            RuleExample(
                "Two replicas expected, one connected",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:1\nslave0:ip=10.0.0.2,port=6379,state=online,offset=4432,lag=0\nmaster_repl_offset:4432\nrepl_backlog_size:1048576\n",
                settings: ["replication-lag.expected-replicas": "2"],
                expect: .critical,
                expectEvidence: ["1 of 2 expected replicas"]),
            RuleExample(
                "A replica in step",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:1\nslave0:ip=::1,port=17091,state=online,offset=4432,lag=1\nmaster_repl_offset:4432\nrepl_backlog_size:1048576\n",
                expect: .ok),
            RuleExample(
                "No replicas",
                info: "redis_version:7.0.15\nrole:master\nconnected_slaves:0\nmaster_repl_offset:0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        let replicas = info.replicas
        let expected = try context.integer("expected-replicas")
        let backlogWarning = try context.number("backlog-warning")
        let backlogCritical = try context.number("backlog-critical")
        let connected = info.number(.connectedSlaves).map { Int(saturating: $0) } ?? replicas.count
        guard !replicas.isEmpty || expected > 0 || connected > 0 else {
            return context.skipped("no replicas")
        }
        let threshold = context.threshold()
        let masterOffset = info.number(.masterReplOffset)
        let backlog = info.number(.replBacklogSize).flatMap { $0 > 0 ? $0 : nil }
        var status = Status.ok
        var evidence: [String] = []
        var metrics: [Metric] = []
        var advice: [String] = []
        var maxLag: Double?
        var maxGapPercent: Double?

        if expected > 0 {
            metrics.append(Metric("connected_replicas", Double(connected), min: 0))
            if connected < expected {
                status = .critical
                evidence.append("connected_slaves=\(connected): \(connected) of \(expected) expected replicas")
                advice.append("Find the missing replicas: INFO replication and the log on each; are they up and pointing here (REPLICAOF)?")
            }
        }
        for replica in replicas {
            let name = [replica.ip, replica.port.map(String.init)].compactMap { $0 }.joined(separator: ":")
            let label = "slave\(replica.index) \(name.isEmpty ? "?" : name)"
            let state = replica.state ?? ""
            if !state.isEmpty && state != "online" {
                status = Status.worst([status, .warning])
                evidence.append("\(label): state=\(state) (syncing, not serving the stream yet)")
                continue
            }
            if let lag = replica.lag {
                let value = Double(lag)
                maxLag = max(maxLag ?? value, value)
                let s = threshold.evaluate(value)
                if s != .ok {
                    status = Status.worst([status, s])
                    evidence.append("\(label): lag=\(lag) s since its last ACK")
                }
            }
            if let offset = replica.offset, let masterOffset, let backlog {
                let gap = max(0, masterOffset - Double(offset))
                let percent = gap / backlog * 100
                maxGapPercent = max(maxGapPercent ?? percent, percent)
                let s: Status = percent >= backlogCritical ? .critical : percent >= backlogWarning ? .warning : .ok
                if s != .ok {
                    status = Status.worst([status, s])
                    evidence.append("\(label): offset gap \(HumanFormat.bytes(gap)) is \(HumanFormat.percent(percent)) of repl_backlog_size=\(HumanFormat.bytes(backlog)): a reconnect would need a full resync")
                }
            }
        }
        if let maxLag { metrics.append(Metric("replica_lag_max", maxLag, unit: .seconds, threshold: threshold)) }
        if let maxGapPercent { metrics.append(Metric("replica_backlog_gap_max", maxGapPercent, unit: .percent)) }
        let summary = "\(connected) replica\(connected == 1 ? "" : "s")" + (maxLag.map { ", max lag \(HumanFormat.number($0)) s" } ?? "")
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        advice.append("On the lagging replica: INFO replication, its CPU, disk and network; on the primary: large writes (SLOWLOG, big MULTI/EVAL) and client-output-buffer-limit replica.")
        if maxGapPercent.map({ $0 >= backlogWarning }) == true {
            advice.append("Raise repl-backlog-size (CONFIG SET repl-backlog-size) so a short disconnect can resume with a partial sync.")
        }
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
