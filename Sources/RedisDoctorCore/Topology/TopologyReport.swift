/// Everything a `check --cluster` or `check --sentinel` found: the topology's rules'
/// results, then each node's own (a cluster's nodes; a sentinel set's sentinels, and with
/// `--follow` its master and replicas).
public struct TopologyReport: Sendable {
    /// `cluster via 127.0.0.1:7000`, `sentinel master mymaster via 127.0.0.1:26379`.
    public var name: String
    public var results: [RuleResult]
    public var nodes: [NodeReport]
    /// Set when the cluster could not be checked at all (no seed answered CLUSTER NODES).
    public var error: CheckError?
    public var kind: Kind
    public var timing: RunTiming?

    public init(name: String, results: [RuleResult] = [], nodes: [NodeReport] = [], error: CheckError? = nil, kind: Kind = .cluster(shards: 0),
                timing: RunTiming? = nil) {
        self.name = name
        self.results = results
        self.nodes = nodes
        self.error = error
        self.kind = kind
        self.timing = timing
    }

    /// The worst of every result, the nodes' included, and the error; derived, never set.
    /// A node that did not answer counts through cluster-nodes, not as an UNKNOWN here.
    public var status: Status {
        Status.worst(results.map(\.status) + nodes.compactMap { $0.report?.status } + (error.map { [$0.status] } ?? []))
    }

    public var exitCode: Int32 { status.nagiosExitCode }

    /// What was checked, for the words of each renderer.
    public enum Kind: Sendable, Equatable {
        /// Primaries with slots, as the nodes agree.
        case cluster(shards: Int)
        /// The master's name, and its address as the sentinels agree.
        case sentinel(master: String, address: String?)
    }

    /// Primaries with slots; 0 for a sentinel set.
    public var shardCount: Int {
        if case .cluster(let shards) = kind { return shards }
        return 0
    }

    public var isSentinel: Bool {
        if case .sentinel = kind { return true }
        return false
    }

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

