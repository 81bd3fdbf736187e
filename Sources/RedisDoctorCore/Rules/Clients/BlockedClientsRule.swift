/// Clients parked in blocking commands, when they crowd out the rest.
public enum BlockedClientsRule: HealthRule {
    public static let description = RuleDescription(
        id: "blocked-clients",
        title: "Blocked clients",
        category: .clients,
        summary: "blocked_clients as a share of connected_clients, only once there are many of them.",
        rationale: """
            Workers waiting in BLPOP, BRPOP, BZPOPMIN, XREAD BLOCK or WAIT are normal: a queue consumer \
            pool may be most of the connections. A problem shows as nearly every connection blocked: \
            producers have stopped, a WAIT never gets its replica ACKs, or a client pool is exhausted \
            by blocking calls so ordinary commands queue in the application. The rule therefore warns \
            only when blocked clients are over 90 % of the connections and at least min-blocked (20) of \
            them; there is no CRITICAL by default. Raise min-blocked for large worker fleets.
            """,
        fieldsRead: ["blocked_clients", "connected_clients"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "blocked_clients_share",
        defaultWarning: "90",
        defaultCritical: nil,
        parameters: [
            RuleParameter(name: "min-blocked", defaultValue: "20", description: "No alert with fewer blocked clients than this, whatever the share."),
        ],
        examples: [
            RuleExample(
                "190 of 200 connections blocked",
                info: "redis_version:7.2.6\nconnected_clients:200\nblocked_clients:190\n",
                expect: .warning,
                expectEvidence: ["blocked_clients=190", "95.0%"]),
            RuleExample(
                "A worker pool: 40 of 60 connections in BLPOP",
                info: "redis_version:7.2.6\nconnected_clients:60\nblocked_clients:40\n",
                expect: .ok),
            RuleExample(
                "Five workers, all blocked: too few to matter",
                info: "redis_version:7.2.6\nconnected_clients:6\nblocked_clients:5\n",
                expect: .ok),
            RuleExample(
                "Pika prints no blocked_clients",
                info: "pika_version:3.4.0\nconnected_clients:3\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let blocked = info.number(.blockedClients), let connected = info.number(.connectedClients) else {
            return context.skipped("the server prints no blocked_clients/connected_clients")
        }
        let minBlocked = try context.number("min-blocked")
        let share = connected > 0 ? blocked / connected * 100 : 0
        let threshold = context.threshold()
        var status = threshold.evaluate(share)
        var evidence = ["blocked_clients=\(HumanFormat.number(blocked)) of connected_clients=\(HumanFormat.number(connected)) (\(HumanFormat.percent(share)))"]
        if status != .ok && blocked < minBlocked {
            status = .ok
            evidence.append("fewer than min-blocked=\(HumanFormat.number(minBlocked)): a small worker pool")
        }
        let metrics = [Metric("blocked_clients_share", share, unit: .percent, threshold: threshold, min: 0, max: 100),
                       Metric("blocked_clients", blocked, min: 0)]
        let summary = "\(HumanFormat.number(blocked)) of \(HumanFormat.number(connected)) clients blocked"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "CLIENT LIST and look at flags=b and cmd= (blpop, brpop, xread, wait...): are the producers or replicas they wait for alive?",
            "If a pool is starved by blocking calls, give blocking consumers their own connections; CLIENT UNBLOCK frees a stuck one.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
