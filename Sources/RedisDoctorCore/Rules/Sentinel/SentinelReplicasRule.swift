/// A failover needs a replica to promote: one that is up, connected and allowed to be.
public enum SentinelReplicasRule: HealthRule {
    public static let description = RuleDescription(
        id: "sentinel-replicas",
        title: "Sentinel replicas",
        category: .sentinel,
        summary: "The master has at least `expected` replicas the sentinels could promote.",
        rationale: """
            Sentinels remember every replica they ever saw, the dead ones too. A replica flagged \
            s_down or o_down, disconnected, with its master link down (master-link-status err) or \
            with replica-priority 0 cannot be promoted; with none left, the next failure of the \
            master is an outage, not a failover. Each such replica, and fewer promotable replicas \
            than `expected` (1), is a WARNING naming them, from the newest sentinel view (the \
            highest config epoch).
            """,
        fieldsRead: ["SENTINEL REPLICAS flags, master-link-status, slave-priority"],
        commandsNeeded: ["SENTINEL REPLICAS"],
        parameters: [
            RuleParameter(name: "expected", defaultValue: "1", description: "Promotable replicas the master should have.", kind: .count),
        ],
        examples: [
            RuleExample("One replica, promotable", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.healthy), expect: .ok,
                        expectEvidence: ["1 replica, 1 promotable"]),
            RuleExample("The replica stopped", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.replicaStopped), expect: .warning,
                        expectEvidence: ["no replica of mymaster can be promoted", "replica 127.0.0.1:36380 is down (s_down)"]),
            RuleExample("After a failover the old master is listed, down", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.failedOver),
                        expect: .warning, expectEvidence: ["replica 127.0.0.1:36379 is down (s_down,disconnected)"]),
            RuleExample("Two expected", info: "", settings: ["sentinel-replicas.expected": "2"], sentinel: SentinelExample(sentinels: SentinelCaptures.healthy),
                        expect: .warning, expectEvidence: ["1 of 2 expected promotable replicas"]),
            RuleExample("An ACL without SENTINEL REPLICAS", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.healthy.map { sentinel in
                            var refused = sentinel
                            refused.replicas = "-" + SentinelCaptures.noPermission("replicas")
                            return refused
                        }), expect: .unknown,
                        expectEvidence: ["refused SENTINEL REPLICAS: NOPERM this user has no permissions to run the 'sentinel|replicas' command"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let sentinel = context.sentinel else { return context.skipped("not a sentinel check (use check --sentinel --master NAME)") }
        guard let view = sentinel.freshest else { return context.result(.unknown, "no sentinel answered SENTINEL MASTER \(sentinel.masterName)") }
        let expected = try context.integer("expected")
        if let refusal = view.refusal("REPLICAS") {
            return context.result(.unknown, refusal, evidence: [refusal], advice: ["Let the checking user run SENTINEL REPLICAS (--sentinel-user)."])
        }
        var problems: [String] = []
        var promotable = 0
        for replica in view.replicas {
            let address = replica.address ?? "?"
            if replica.isDown {
                problems.append("replica \(address) is down (\(replica.stateFlags.joined(separator: ",")))")
            } else if replica.isDisconnected {
                problems.append("replica \(address) is disconnected from the sentinels")
            } else if replica["master-link-status"] == "err" {
                problems.append("replica \(address) has its master link down (master-link-status err)")
            } else if replica.integer("slave-priority") == 0 {
                problems.append("replica \(address) has replica-priority 0: never promoted")
            } else {
                promotable += 1
            }
        }
        let metrics = [Metric("sentinel_replicas", Double(view.replicas.count), min: 0), Metric("sentinel_replicas_promotable", Double(promotable), min: 0)]
        guard promotable < expected || !problems.isEmpty else {
            return context.ok("\(view.replicas.count) \(view.replicas.count == 1 ? "replica" : "replicas"), \(promotable) promotable", metrics: metrics)
        }
        var summary = problems.joined(separator: "; ")
        if promotable < expected {
            let short = promotable == 0 ? "no replica of \(sentinel.masterName) can be promoted: a failover now would fail"
                                        : "\(promotable) of \(expected) expected promotable replicas"
            summary = short + (problems.isEmpty ? (view.replicas.isEmpty ? " (the sentinels know no replica)" : "") : " (\(summary))")
        }
        return context.result(.warning, summary, evidence: problems.isEmpty ? [summary] : problems,
                              advice: ["Bring the replica back or add one (replicaof MASTER-HOST MASTER-PORT). A replica that is gone for good stays listed until SENTINEL RESET \(sentinel.masterName) on every sentinel, one at a time."],
                              metrics: metrics)
    }
}
