/// Settings of a connection that are not part of the target.
public struct ConnectionOptions: Sendable {
    /// A reply over this size is refused instead of exhausting memory.
    public var maxReplyBytes: Int
    /// Sent with CLIENT SETNAME as a best effort, so operators can spot (and exclude) this tool.
    public var clientName: String?

    /// 32 MiB: four times a 20,000-client CLIENT LIST (Docs/exit-codes.md), and what keeps
    /// a run under 200 MB RSS however hostile the reply (each element is charged 32 bytes more).
    public static let defaultMaxReplyBytes = 32 * 1024 * 1024

    public init(maxReplyBytes: Int = ConnectionOptions.defaultMaxReplyBytes, clientName: String? = "redis-doctor") {
        self.maxReplyBytes = maxReplyBytes
        self.clientName = clientName
    }
}
