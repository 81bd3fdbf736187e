/// What the address the sentinels give answered to ROLE, asked with the data nodes' credentials.
public struct SentinelMasterProbe: Sendable, Hashable {
    public var address: String
    /// `master`, `slave`, ...; nil when it gave no role.
    public var role: String?
    /// For a replica: the primary it follows.
    public var following: String?
    /// Its error reply to ROLE (NOPERM, NOAUTH), in its words.
    public var refusal: String?
    /// Why it did not answer.
    public var failure: String?
    /// Why it was not asked (the run's time was spent): nothing can be said of it.
    public var notAsked: String?

    public init(address: String, role: String? = nil, following: String? = nil, refusal: String? = nil, failure: String? = nil,
                notAsked: String? = nil) {
        self.notAsked = notAsked
        self.address = address
        self.role = role
        self.following = following
        self.refusal = refusal
        self.failure = failure
    }

    /// From the reply to ROLE.
    public init(address: String, reply: RedisReply) {
        self.address = address
        if let error = reply.errorMessage {
            refusal = OutputText.oneLine(error)
            return
        }
        switch RoleInfo(reply: reply) {
        case .master: role = "master"
        case .replica(let host, let port, _, _):
            role = "slave"
            following = host.map { HostPort.format(host: $0, port: port.map { String($0) } ?? "?") }
        case .sentinel: role = "sentinel"
        case .other(let name): role = OutputText.oneLine(name)
        case nil: refusal = "ROLE: not a role reply"
        }
    }
}
