/// One node in a cluster rule's example: what it printed for CLUSTER NODES and CLUSTER
/// INFO, or that it did not answer.
public struct ClusterExampleNode: Sendable, Hashable {
    public var address: String
    /// CLUSTER NODES as the node printed it; nil when it did not answer.
    public var nodes: String?
    public var info: String
    /// Why it gave no view ("did not answer within 2.0 s").
    public var failure: String?
    /// The node's clock (`server_time_usec`), seconds since the epoch.
    public var serverTime: Double?
    /// `cluster-node-timeout` in milliseconds, from its CONFIG.
    public var nodeTimeoutMillis: Int

    public init(_ address: String, nodes: String, info: String = "cluster_state:ok\n", serverTime: Double? = nil, nodeTimeoutMillis: Int = 2000) {
        self.address = address
        self.nodes = nodes
        self.info = info
        self.serverTime = serverTime
        self.nodeTimeoutMillis = nodeTimeoutMillis
    }

    public init(_ address: String, failure: String) {
        self.address = address
        self.info = ""
        self.failure = failure
        self.nodeTimeoutMillis = 2000
    }
}
