/// Connections refused at maxclients since the previous sample.
public enum RejectedConnectionsRule: HealthRule {
    public static let description = RuleDescription(
        id: "rejected-connections",
        title: "Rejected connections",
        category: .clients,
        summary: "Connections refused because maxclients was reached, per minute between two samples.",
        rationale: """
            rejected_connections only grows, so a lifetime value (Zabbix's trigger) stays raised forever \
            after one incident. The rule compares two samples of the same process: any rejection in the \
            interval is a WARNING, 10 or more per minute is CRITICAL (the ranges apply to the rate per \
            minute). With one sample the lifetime count is reported and the rule stays OK. Dragonfly prints \
            -1 (not counted): skipped.
            """,
        fieldsRead: ["rejected_connections", "connected_clients", "maxclients", "server_time_usec", "run_id"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "rejected_connections_per_minute",
        defaultWarning: "0",
        defaultCritical: "@10:",
        examples: [
            RuleExample(
                "Two connections refused in a minute",
                info: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800060000000\nconnected_clients:3\nmaxclients:3\nrejected_connections:7\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nconnected_clients:3\nmaxclients:3\nrejected_connections:5\n",
                expect: .warning,
                expectEvidence: ["2 connections rejected", "2 per minute"]),
            RuleExample(
                "A storm: 600 refused in five minutes",
                info: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800300000000\nrejected_connections:600\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nrejected_connections:0\n",
                expect: .critical,
                expectEvidence: ["600 connections rejected", "120 per minute"]),
            RuleExample(
                "None since the previous sample",
                info: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800060000000\nrejected_connections:2\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nrejected_connections:2\n",
                expect: .ok),
            RuleExample(
                "One sample: the lifetime count only",
                info: "redis_version:7.2.6\nrejected_connections:2\n",
                expect: .ok,
                expectEvidence: ["lifetime rejected_connections=2"]),
            RuleExample(
                "Dragonfly does not count them",
                info: "redis_version:6.2.11\ndragonfly_version:df-v1.0.0\nrejected_connections:-1\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let rejected = info.number(.rejectedConnections) else {
            return context.skipped("the server does not count rejected connections")
        }
        guard let delta = context.delta(.rejectedConnections), delta >= 0 else {
            return context.ok("\(HumanFormat.number(rejected)) connections rejected since start",
                              evidence: ["no second sample: lifetime rejected_connections=\(HumanFormat.number(rejected))"])
        }
        let threshold = context.threshold()
        let interval = context.interval
        let perMinute = interval.map { delta / $0 * 60 } ?? delta
        let status = threshold.evaluate(perMinute)
        let over = interval.map { " in \(HumanFormat.duration(seconds: $0))" } ?? " since the previous sample"
        var evidence: [String] = []
        if delta > 0 {
            let rate = interval.map { _ in ", \(HumanFormat.number((perMinute * 100).rounded() / 100)) per minute" } ?? ""
            evidence.append("\(HumanFormat.number(delta)) connections rejected\(over)\(rate) (rejected_connections=\(HumanFormat.number(rejected)))")
            if let connected = info.number(.connectedClients), let maxClients = info.number(.maxClients) {
                evidence.append("connected_clients=\(HumanFormat.number(connected)) of maxclients=\(HumanFormat.number(maxClients))")
            }
        }
        let metrics = [Metric("rejected_connections_per_minute", perMinute, threshold: threshold)]
        let summary = delta > 0 ? "\(HumanFormat.number(delta)) connections rejected\(over)" : "no connection rejected\(over)"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "maxclients was reached: CLIENT LIST to find the sources holding connections (leaking pools, idle clients).",
            "Raise maxclients (CONFIG SET maxclients, within ulimit -n) or set timeout to reap idle clients.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
