import RedisDoctorCore

extension ClusterCollector {
    /// Every node's view, parsed for the cluster rules, or the check-level error when no
    /// seed listed the nodes. Shared by `check --cluster`, `cluster` and the exporter.
    public func state(seeds: [ConnectionTarget], deadline: Deadline, options: ConnectionOptions) throws(CheckError) -> ClusterState {
        let outcome = try collect(seeds: seeds, deadline: deadline, options: options)
        let views = outcome.visits.map { visit in
            ClusterView(address: visit.address, nodeID: visit.nodeID,
                        snapshot: visit.snapshot.map { ParsedSnapshot($0, info: visit.info) }, failure: visit.failure)
        }
        return ClusterState(seed: outcome.seed, seedFailures: outcome.seedFailures, views: views)
    }
}
