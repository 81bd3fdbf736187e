extension ClusterReport {
    /// The cluster rules over every view, then the single-node catalogue on each node that
    /// answered. `infos`: INFO already parsed per view address, when the collector has it.
    public static func evaluate(_ cluster: ClusterState, settings: RuleSettings = RuleSettings()) -> ClusterReport {
        let seedSnapshot = cluster.answering.first?.snapshot ?? ParsedSnapshot(Snapshot(target: cluster.seed))
        let results = RuleEngine.evaluate(RuleRegistry.clusterRules, current: seedSnapshot, settings: settings, cluster: cluster)
        let nodes = cluster.views.map { view -> NodeReport in
            let agreed = cluster.agreed(view.nodeID)
            let role = agreed.map { $0.isPrimary ? "master" : $0.isReplica ? "slave" : "unknown" }
            guard let snapshot = view.snapshot else {
                return NodeReport(address: view.address, nodeID: view.nodeID, role: role, primaryID: agreed?.primaryID, failure: view.failure)
            }
            var report = CheckReport.evaluate(parsed: snapshot, settings: settings)
            report.target = view.address
            return NodeReport(address: view.address, nodeID: view.nodeID, role: role, primaryID: agreed?.primaryID, report: report)
        }
        return ClusterReport(name: cluster.name, results: results, nodes: nodes, shardCount: cluster.primaries.count)
    }
}
