/// Nodes the cluster flags, or that did not answer this run.
public enum ClusterNodesRule: HealthRule {
    public static let description = RuleDescription(
        id: "cluster-nodes",
        title: "Cluster nodes",
        category: .cluster,
        summary: "Nodes flagged fail?, fail, handshake or noaddr by their peers, or not answering: which, since when, and what follows.",
        rationale: """
            CLUSTER INFO never shows a failed replica: cluster_state stays ok and every slot count \
            too, while every node's CLUSTER NODES flags the replica fail. This rule reads the flags \
            from every node that answered, and visits every node itself. A failed primary that still \
            owns slots and has a replica that can take over is "failover pending", a WARNING for up \
            to twice cluster-node-timeout, then CRITICAL (the failover did not happen: a replica too \
            far behind, cluster-replica-no-failover, no majority of primaries). A failed replica or a \
            failed primary without slots (the old primary after a failover) is a WARNING: the shard \
            lost its spare. Once such a node has been silent for linger-seconds (600) it is probably \
            gone for good, and CLUSTER FORGET is advised. fail? (one node's suspicion), handshake and \
            noaddr are WARNINGs: transient, never CRITICAL on one run. A node that does not answer \
            this check is named with how many peers flag it.
            """,
        fieldsRead: ["CLUSTER NODES flags, slots, primary id and pong-recv", "cluster-node-timeout (CONFIG)"],
        commandsNeeded: ["CLUSTER NODES"],
        parameters: [
            RuleParameter(name: "linger-seconds", defaultValue: "600", description: "Seconds a failed node without slots stays silent before CLUSTER FORGET is advised."),
        ],
        examples: [
            RuleExample("Six nodes, none flagged", info: "", cluster: ClusterCaptures.Healthy.views, expect: .ok,
                        expectEvidence: ["6 nodes, none flagged"]),
            RuleExample("A replica stopped: every peer flags it fail, CLUSTER INFO still says ok", info: "",
                        cluster: ClusterCaptures.ReplicaStopped.views, expect: .warning,
                        expectEvidence: ["replica 127.0.0.1:30005 failed", "(5 peers flag it fail)", "did not answer within 2.0 s"]),
            RuleExample("A primary with slots failed, its replica about to take over", info: "",
                        cluster: ClusterCaptures.FailoverPending.views, expect: .warning,
                        expectEvidence: ["failover pending: primary 127.0.0.1:30001 (5461 slots) failed", "127.0.0.1:30006 can take over"]),
            RuleExample("After the failover: the old primary, without slots, is a spare lost", info: "",
                        cluster: ClusterCaptures.PrimaryKilled.views, expect: .warning,
                        expectEvidence: ["127.0.0.1:30001 failed", "connection refused"]),
            RuleExample("A primary and its replica both failed: nobody can take over", info: "",
                        cluster: ClusterCaptures.ShardDown.views, expect: .critical,
                        expectEvidence: ["primary 127.0.0.1:30002 (5462 slots) failed", "no replica can take over"]),
            RuleExample("Long gone: CLUSTER FORGET advised", info: "", settings: ["cluster-nodes.linger-seconds": "5"],
                        cluster: ClusterCaptures.ShardDown.views, expect: .critical,
                        expectEvidence: ["CLUSTER FORGET b2ecef9bbeeb2de860fe06b92920a5f580d93da3"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let cluster = context.cluster else { return context.skipped("not a cluster check (use check --cluster)") }
        guard !cluster.answering.isEmpty else { return context.result(.unknown, "no node answered CLUSTER NODES") }
        let linger = try context.number("linger-seconds")
        var problems: [(status: Status, text: String)] = []
        var advice: [String] = []
        var failedCount = 0
        var unreachable = 0
        for id in cluster.nodeIDs {
            guard let node = cluster.agreed(id) else { continue }
            let address = cluster.address(of: id)
            let failFlags = cluster.peers(flagging: "fail", id)
            let suspectFlags = cluster.peers(flagging: "fail?", id)
            let view = cluster.view(of: id)
            var notes: [String] = []
            if let view, !view.answered {
                unreachable += 1
                notes.append("\(view.failure ?? "did not answer")")
            }
            let silent = cluster.silentFor(id)
            // A minority's fail flag has not spread yet and may clear: a suspicion, never CRITICAL.
            if failFlags > 0, !cluster.majorityFlagsFailed(id) {
                let seen = cluster.lines(for: id).count
                problems.append((.warning, "\(address) flagged fail by \(failFlags) of \(seen) views; the others do not (yet)" + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; "))))
                continue
            }
            if cluster.majorityFlagsFailed(id) {
                failedCount += 1
                let flagged = "\(failFlags) \(failFlags == 1 ? "peer flags" : "peers flag") it fail"
                if node.isPrimary, node.slotCount > 0 {
                    let takers = cluster.replicas(of: id).filter(cluster.canTakeOver).map { cluster.address(of: $0.id) }
                    if cluster.failoverPending(node) {
                        problems.append((.warning, "failover pending: primary \(address) (\(node.slotCount) slots) failed \(ClusterState.ago(silent)) (\(flagged)); \(takers.joined(separator: ", ")) can take over"))
                    } else {
                        let why = takers.isEmpty ? "no replica can take over"
                            : silent == nil ? "not known since when (no peer has a time for it), so not judged a pending failover"
                            : "no failover within twice cluster-node-timeout (\(HumanFormat.number(2 * cluster.nodeTimeout)) s)"
                        problems.append((.critical, "primary \(address) (\(node.slotCount) slots) failed \(ClusterState.ago(silent)) (\(flagged)); \(why)"))
                    }
                } else {
                    let what = node.isReplica ? "replica" : node.isPrimary ? "primary (no slots)" : "node"
                    if let silent, silent >= linger {
                        notes.append("silent longer than linger-seconds (\(HumanFormat.number(linger)) s): CLUSTER FORGET \(id) if it is gone for good")
                        advice.append("CLUSTER FORGET \(id) on every node within 60 s, once \(address) is gone for good (redis-cli --cluster call HOST:PORT CLUSTER FORGET \(id)); a node still running must first be stopped or reset.")
                    }
                    problems.append((.warning, "\(what) \(address) failed \(ClusterState.ago(silent)) (\(flagged))" + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; "))))
                    continue
                }
                if !notes.isEmpty { problems[problems.count - 1].text += "; " + notes.joined(separator: "; ") }
                continue
            }
            if suspectFlags > 0 || node.isSuspected {
                problems.append((.warning, "\(address) suspected down (fail?) by \(suspectFlags) \(suspectFlags == 1 ? "peer" : "peers")" + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; "))))
            } else if node.isInHandshake || node.hasNoAddress {
                problems.append((.warning, "\(address) in \(node.isInHandshake ? "handshake" : "noaddr"): the cluster does not know it yet or lost its address"))
            } else if !notes.isEmpty {
                problems.append((.warning, "\(address) \(notes.joined(separator: "; ")); no peer flags it (reachable from the cluster, not from here?)"))
            }
        }
        let metrics = [
            Metric("cluster_nodes_failed", Double(failedCount), min: 0),
            Metric("cluster_nodes_unreachable", Double(unreachable), min: 0),
        ]
        // Seeds that listed nothing are said, not judged: a stale address in a seed list is not the cluster's fault.
        let seeds = cluster.seedFailures.map { "seed \($0) (listed no nodes; \(cluster.seed) did)" }
        guard let worst = problems.map(\.status).max(by: { $0.sortRank < $1.sortRank }) else {
            return context.ok("\(cluster.nodeIDs.count) nodes, none flagged",
                              evidence: ["\(cluster.nodeIDs.count) nodes, none flagged, \(cluster.answering.count) answered"] + seeds, metrics: metrics)
        }
        let first = problems.first { $0.status == worst }!.text
        let more = problems.count > 1 ? " (+\(problems.count - 1) more)" : ""
        advice.insert("CLUSTER NODES on any node shows the flags; a failed node's log says why it stopped. A replica that comes back rejoins by itself.", at: 0)
        return context.result(worst, first + more, evidence: problems.map(\.text) + seeds, advice: advice, metrics: metrics)
    }
}
