/// One node of a topology in a report: who it is, and its single-node check.
public struct NodeReport: Sendable {
    public var address: String
    public var nodeID: String
    /// `master`, `slave` or `sentinel`, as the nodes (or the sentinels) agree; nil when none lists it.
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
