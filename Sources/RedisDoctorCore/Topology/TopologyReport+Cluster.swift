extension TopologyReport {
    /// The cluster rules over every view, then the single-node catalogue on each node that
    /// answered. `infos`: INFO already parsed per view address, when the collector has it.
    public static func evaluate(_ cluster: ClusterState, settings: RuleSettings = RuleSettings()) -> TopologyReport {
        let seedSnapshot = cluster.answering.first?.snapshot ?? ParsedSnapshot(Snapshot(target: cluster.seed))
        let results = RuleEngine.evaluate(RuleRegistry.clusterRules, current: seedSnapshot, settings: settings, cluster: cluster)
        let judgesNodes = RuleRegistry.nodeRules.contains { settings.isEnabled(id: $0.description.id, defaultEnabled: $0.description.enabledByDefault) }
        let nodes = cluster.views.map { view -> NodeReport in
            let agreed = cluster.agreed(view.nodeID)
            let role = agreed.map { $0.isPrimary ? "master" : $0.isReplica ? "slave" : "unknown" }
            guard let snapshot = view.snapshot else {
                return NodeReport(address: view.address, nodeID: view.nodeID, role: role, primaryID: agreed?.primaryID, failure: view.failure)
            }
            // With every single-node rule turned off (--only cluster-replicas) there is nothing
            // to judge on a node, and that is what was asked: its facts only.
            var report = judgesNodes ? CheckReport.evaluate(parsed: snapshot, settings: settings)
                                     : CheckReport(target: view.address, server: snapshot.facts)
            report.target = view.address
            return NodeReport(address: view.address, nodeID: view.nodeID, role: role, primaryID: agreed?.primaryID, report: report)
        }
        return TopologyReport(name: cluster.name, results: results, nodes: nodes, kind: .cluster(shards: cluster.primaries.count))
    }
}
