/// A shard without a replica survives nothing: the next failure of its primary loses its slots.
public enum ClusterReplicasRule: HealthRule {
    public static let description = RuleDescription(
        id: "cluster-replicas",
        title: "Cluster replicas",
        category: .cluster,
        summary: "Every primary with slots has at least `expected` replicas that can take over.",
        rationale: """
            After a failover the promoted replica runs alone: CLUSTER INFO says ok and redis-cli \
            --cluster check prints [OK] on every line, yet the next failure of that node takes its \
            slots down. A replica counts when no node flags it (fail, fail?, noaddr, handshake; \
            nofailover, which never promotes itself, counts as none) and it answered this check. Fewer than `expected` (1) is a WARNING naming the primary. A \
            failed primary's shard is judged by cluster-nodes, not here.
            """,
        fieldsRead: ["CLUSTER NODES flags, primary id and slots"],
        commandsNeeded: ["CLUSTER NODES"],
        parameters: [
            RuleParameter(name: "expected", defaultValue: "1", description: "Replicas every primary with slots should have.", kind: .count),
        ],
        examples: [
            RuleExample("Three primaries, one replica each", info: "", cluster: ClusterCaptures.Healthy.views, expect: .ok,
                        expectEvidence: ["3 primaries with at least 1 replica each"]),
            RuleExample("After a failover the promoted replica runs alone", info: "", cluster: ClusterCaptures.PrimaryKilled.views,
                        expect: .warning, expectEvidence: ["primary 127.0.0.1:30006 (0-5460) has no replica"]),
            RuleExample("Its replica failed", info: "", cluster: ClusterCaptures.ReplicaStopped.views, expect: .warning,
                        expectEvidence: ["primary 127.0.0.1:30003 (10923-16383) has no replica that can take over (127.0.0.1:30005 failed)"]),
            RuleExample("Two replicas expected", info: "", settings: ["cluster-replicas.expected": "2"], cluster: ClusterCaptures.Healthy.views,
                        expect: .warning, expectEvidence: ["1 of 2 expected replicas"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let cluster = context.cluster else { return context.skipped("not a cluster check (use check --cluster)") }
        guard !cluster.answering.isEmpty else { return context.result(.unknown, "no node answered CLUSTER NODES") }
        let expected = try context.integer("expected")
        var problems: [String] = []
        var short = 0
        let judged = cluster.primaries.filter { !$0.isFailed }
        for primary in judged {
            let replicas = cluster.replicas(of: primary.id)
            let able = replicas.filter(cluster.canTakeOver)
            guard able.count < expected else { continue }
            short += 1
            let name = "primary \(cluster.address(of: primary.id)) (\(primary.slotText))"
            let lost = replicas.filter { !cluster.canTakeOver($0) }.map { replica in
                let why = replica.isFailed ? "failed" : cluster.isHealthy(replica) ? "nofailover" : "not answering or flagged"
                return "\(cluster.address(of: replica.id)) \(why)"
            }
            if able.isEmpty {
                problems.append(replicas.isEmpty ? "\(name) has no replica" : "\(name) has no replica that can take over (\(lost.joined(separator: ", ")))")
            } else {
                problems.append("\(name) has \(able.count) of \(expected) expected replicas" + (lost.isEmpty ? "" : " (\(lost.joined(separator: ", ")))"))
            }
        }
        let metrics = [Metric("cluster_primaries_short_of_replicas", Double(short), min: 0)]
        guard !problems.isEmpty else {
            let text = "\(judged.count) primaries with at least \(expected) \(expected == 1 ? "replica" : "replicas") each"
            return context.ok(text, evidence: [text], metrics: metrics)
        }
        return context.result(.warning, problems[0] + (problems.count > 1 ? " (+\(problems.count - 1) more)" : ""), evidence: problems,
                              advice: ["Bring the failed replica back, or add one: redis-cli --cluster add-node NEW:PORT HOST:PORT --cluster-slave --cluster-master-id PRIMARY-ID. cluster-allow-replica-migration moves a spare replica from a shard that has two."],
                              metrics: metrics)
    }
}
