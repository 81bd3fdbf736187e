extension TopologyReport {
    /// The sentinel rules over every sentinel's view; with `--follow`, the single-node
    /// catalogue on the master and each replica too, their findings under their address.
    public static func evaluate(_ sentinel: SentinelState, followed: [FollowedNode] = [], settings: RuleSettings = RuleSettings()) -> TopologyReport {
        let results = RuleEngine.evaluate(RuleRegistry.sentinelRules, current: ParsedSnapshot(Snapshot(target: sentinel.name)),
                                          settings: settings, sentinel: sentinel)
        // A sentinel is judged by the sentinel rules, not the single-node catalogue: one that
        // answered has an empty report, one that did not has its failure.
        var nodes = sentinel.views.map { view in
            NodeReport(address: view.address, nodeID: view.address, role: "sentinel",
                       report: view.answered ? CheckReport(target: view.address) : nil,
                       failure: view.answered ? nil : view.failure ?? view.masterRefusal.map { "SENTINEL MASTER refused: \($0)" })
        }
        for node in followed {
            guard let snapshot = node.snapshot else {
                // Could not be checked: its error counts (a login refused UNKNOWN, silence CRITICAL).
                let report = node.error.map { CheckReport(target: node.address, error: $0) }
                nodes.append(NodeReport(address: node.address, nodeID: node.address, role: node.role, report: report, failure: node.failure))
                continue
            }
            var report = CheckReport.evaluate(parsed: snapshot, settings: settings)
            report.target = node.address
            nodes.append(NodeReport(address: node.address, nodeID: node.address, role: node.role, report: report))
        }
        return TopologyReport(name: sentinel.name, results: results, nodes: nodes,
                              kind: .sentinel(master: sentinel.masterName, address: sentinel.agreedMasterAddress))
    }
}

/// A data node `check --sentinel --follow` ran the single-node catalogue on: the master the
/// sentinels give, or one of its replicas.
public struct FollowedNode: Sendable {
    public var address: String
    /// `master` or `slave`, as the sentinels list it.
    public var role: String
    public var snapshot: ParsedSnapshot?
    public var failure: String?
    /// Why it could not be checked, classified; nil when it was not visited on purpose.
    public var error: CheckError?

    public init(address: String, role: String, snapshot: ParsedSnapshot? = nil, failure: String? = nil, error: CheckError? = nil) {
        self.error = error
        self.address = address
        self.role = role
        self.snapshot = snapshot
        self.failure = failure
    }
}
