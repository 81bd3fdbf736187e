/// Everything a `check --cluster` found: the cluster rules' results, then each node's own.
public struct ClusterReport: Sendable {
    /// `cluster via 127.0.0.1:7000`.
    public var name: String
    public var results: [RuleResult]
    public var nodes: [NodeReport]
    /// Set when the cluster could not be checked at all (no seed answered CLUSTER NODES).
    public var error: CheckError?
    /// Primaries with slots, as the nodes agree.
    public var shardCount: Int
    public var timing: RunTiming?

    public init(name: String, results: [RuleResult] = [], nodes: [NodeReport] = [], error: CheckError? = nil, shardCount: Int = 0,
                timing: RunTiming? = nil) {
        self.name = name
        self.results = results
        self.nodes = nodes
        self.error = error
        self.shardCount = shardCount
        self.timing = timing
    }

    /// The worst of every result, the nodes' included, and the error; derived, never set.
    /// A node that did not answer counts through cluster-nodes, not as an UNKNOWN here.
    public var status: Status {
        Status.worst(results.map(\.status) + nodes.compactMap { $0.report?.status } + (error.map { [$0.status] } ?? []))
    }

    public var exitCode: Int32 { status.nagiosExitCode }

    /// Every finding worse than OK, cluster rules first, each node's with its address; a
    /// node's check-level error (INFO refused) is one, under the id `check`, in its words.
    public var findings: [(node: NodeReport?, result: RuleResult)] {
        let own = results.map { (node: NodeReport?.none, result: $0) }
        let perNode = nodes.flatMap { node -> [(node: NodeReport?, result: RuleResult)] in
            var results = node.report?.results ?? []
            if let error = node.report?.error { results.insert(RuleResult(ruleID: "check", status: error.status, summary: error.message), at: 0) }
            return results.map { (node: Optional(node), result: $0) }
        }
        return (own + perNode).filter { $0.result.status != .ok && $0.result.status != .skipped }
            .enumerated().sorted { a, b in
                a.element.result.status.sortRank != b.element.result.status.sortRank
                    ? a.element.result.status.sortRank > b.element.result.status.sortRank : a.offset < b.offset
            }.map(\.element)
    }
}

/// One node of the cluster in a report: who it is, and its single-node check.
public struct NodeReport: Sendable {
    public var address: String
    public var nodeID: String
    /// `master` or `slave` as the nodes agree; nil when none lists it.
    public var role: String?
    /// For a replica, the primary it follows.
    public var primaryID: String?
    /// The single-node catalogue's report; nil when the node did not answer.
    public var report: CheckReport?
    /// Why it did not answer.
    public var failure: String?

    public init(address: String, nodeID: String, role: String? = nil, primaryID: String? = nil, report: CheckReport? = nil, failure: String? = nil) {
        self.address = address
        self.nodeID = nodeID
        self.role = role
        self.primaryID = primaryID
        self.report = report
        self.failure = failure
    }
}
