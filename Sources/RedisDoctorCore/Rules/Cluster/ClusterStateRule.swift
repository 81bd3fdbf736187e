/// Any node that says `cluster_state:fail` refuses queries: the cluster is down for its clients.
public enum ClusterStateRule: HealthRule {
    public static let description = RuleDescription(
        id: "cluster-state",
        title: "Cluster state",
        category: .cluster,
        summary: "Every node's CLUSTER INFO cluster_state: a node that says fail refuses every query.",
        rationale: """
            A node says cluster_state:fail when a slot is unassigned or owned by a failed node (with \
            cluster-require-full-coverage yes, the default) or when it cannot reach a majority of \
            primaries; it then answers every query with CLUSTERDOWN. Each node is asked, because one \
            partitioned node can fail while the others are ok. CRITICAL, except while a failover is \
            pending: a failed primary whose replica can take over, failed for less than twice \
            cluster-node-timeout. The nodes say fail for that second or two, and the cluster heals \
            itself, so one run reports a WARNING; a failover that does not happen in time is CRITICAL. \
            The same precedence holds in cluster-slots and cluster-nodes.
            """,
        fieldsRead: ["cluster_state (CLUSTER INFO)", "CLUSTER NODES flags, slots and pong-recv", "cluster-node-timeout (CONFIG)"],
        commandsNeeded: ["CLUSTER INFO", "CLUSTER NODES"],
        parameters: [],
        examples: [
            RuleExample("Six nodes, all ok", info: "", cluster: ClusterCaptures.Healthy.views, expect: .ok,
                        expectEvidence: ["cluster_state:ok on 6 of 6 nodes"]),
            RuleExample("A primary just failed, its replica about to take over: a failover pending", info: "",
                        cluster: ClusterCaptures.FailoverPending.views, expect: .warning,
                        expectEvidence: ["127.0.0.1:30002 cluster_state:fail", "failover pending for 127.0.0.1:30001"]),
            RuleExample("A whole shard down: its slots have no owner that can serve them", info: "",
                        cluster: ClusterCaptures.ShardDown.views, expect: .critical,
                        expectEvidence: ["cluster_state:fail on 3 of 3 answering nodes", "127.0.0.1:30003 cluster_state:fail"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\ncluster_enabled:1\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let cluster = context.cluster else { return context.skipped("not a cluster check (use check --cluster)") }
        let views = cluster.answering
        let reports = views.compactMap { view in view.clusterInfo?.state.map { (view, $0) } }
        guard !reports.isEmpty else {
            let refused = views.compactMap { $0.snapshot.flatMap { ClusterView.refusal($0, "CLUSTER INFO") } }.first
            return context.result(.unknown, "no node answered CLUSTER INFO" + (refused.map { ": \($0)" } ?? ""))
        }
        let failing = reports.filter { $0.1 != "ok" }
        let metrics = [Metric("cluster_state_fail_nodes", Double(failing.count), min: 0)]
        guard !failing.isEmpty else {
            return context.ok("cluster_state:ok on \(reports.count) of \(cluster.views.count) nodes",
                              evidence: ["cluster_state:ok on \(reports.count) of \(cluster.views.count) nodes"], metrics: metrics)
        }
        var evidence = failing.map { "\($0.0.address) cluster_state:\($0.1)" }
        let pending = cluster.primaries.filter { $0.isFailed && cluster.failoverPending($0) }
        let status: Status = !pending.isEmpty && cluster.unservedSlotsWithoutPendingFailover == 0 ? .warning : .critical
        if status == .warning {
            evidence += pending.map { "failover pending for \(cluster.address(of: $0.id)) (failed \(ClusterState.ago(cluster.silentFor($0.id))), replica \(cluster.replicas(of: $0.id).filter(cluster.canTakeOver).map { cluster.address(of: $0.id) }.joined(separator: ", ")) can take over)" }
        }
        let summary = "cluster_state:fail on \(failing.count) of \(reports.count) answering nodes" + (status == .warning ? " while a failover is pending" : "")
        return context.result(status, summary, evidence: [summary] + evidence,
                              advice: ["CLUSTER INFO and CLUSTER NODES on a failing node: which slots lack a healthy owner; redis-cli --cluster check HOST:PORT; bring the failed primary or its replica back, or redis-cli --cluster fix."],
                              metrics: metrics)
    }
}
