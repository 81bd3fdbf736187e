/// Settings of a connection that are not part of the target.
public struct ConnectionOptions: Sendable {
    /// A reply over this size is refused instead of exhausting memory.
    public var maxReplyBytes: Int
    /// Sent with CLIENT SETNAME as a best effort, so operators can spot (and exclude) this tool.
    public var clientName: String?

    public static let defaultMaxReplyBytes = 512 * 1024 * 1024

    public init(maxReplyBytes: Int = ConnectionOptions.defaultMaxReplyBytes, clientName: String? = "redis-doctor") {
        self.maxReplyBytes = maxReplyBytes
        self.clientName = clientName
    }
}
