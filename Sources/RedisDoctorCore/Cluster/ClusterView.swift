/// One node of the cluster as a `check --cluster` visited it: what it answered, or why not.
public struct ClusterView: Sendable {
    /// Where it was reached (`127.0.0.1:7001`), as the seed's CLUSTER NODES listed it.
    public var address: String
    /// The node id the seed listed for this address.
    public var nodeID: String
    /// Its replies (INFO, CLUSTER INFO, CLUSTER NODES, the single-node reads); nil when it did not answer.
    public var snapshot: ParsedSnapshot?
    /// Why there is no snapshot: "did not answer within 2.0 s", "connection refused".
    public var failure: String?

    public init(address: String, nodeID: String, snapshot: ParsedSnapshot? = nil, failure: String? = nil) {
        self.address = address
        self.nodeID = nodeID
        self.snapshot = snapshot
        self.failure = failure
    }

    /// The node's own CLUSTER NODES, when it answered it.
    public var nodes: [ClusterNode]? { snapshot?.clusterNodes }
    public var clusterInfo: ClusterInfo? { snapshot?.clusterInfo }
    public var myself: ClusterNode? { nodes?.first { $0.isMyself } }
    /// Whether it answered CLUSTER NODES: only such a node has a view to count.
    public var answered: Bool { nodes != nil }
}
