/// Where a collector that follows what servers announce (cluster nodes, sentinel peers, the
/// master's address) may connect, and what stops it early. The exporter narrows both
/// (allow_targets, a client that left); the command line leaves them open.
public struct Reach: Sendable {
    /// Whether a host (a name or an address, as announced) may be connected to.
    public var allows: @Sendable (String) -> Bool
    public var canceller: Canceller?

    public init(allows: @escaping @Sendable (String) -> Bool = { _ in true }, canceller: Canceller? = nil) {
        self.allows = allows
        self.canceller = canceller
    }

    /// What a node or address that may not be reached says instead of its replies.
    public static let refusal = "not in allow_targets: not visited"
}
