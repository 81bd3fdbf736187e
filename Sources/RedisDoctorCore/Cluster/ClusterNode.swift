/// One line of CLUSTER NODES: a node as the answering node sees it.
///
/// `id ip:port@cport[,hostname] flags primary-id ping-sent pong-recv config-epoch link-state slot...`
public struct ClusterNode: Sendable, Hashable {
    public var id: String
    /// Empty for a node whose address is unknown (`noaddr`, `:0@0`).
    public var host: String
    public var port: Int
    public var busPort: Int?
    /// `cluster-announce-hostname` (7.0+), when set.
    public var hostname: String?
    /// As printed: myself, master, slave, fail?, fail, handshake, noaddr, nofailover, noflags.
    public var flags: [String]
    /// The primary a replica follows; nil on a primary (`-`).
    public var primaryID: String?
    /// Milliseconds since the epoch on the answering node's clock; 0 when none is pending or known.
    public var pingSentMillis: Int64
    public var pongReceivedMillis: Int64
    public var configEpoch: Int64
    /// `link-state`: the answering node's bus link to this one.
    public var linkConnected: Bool
    public var slots: [ClosedRange<Int>]
    /// `[slot->-id]` and `[slot-<-id]` as printed (on the `myself` line only): a slot being
    /// migrated or imported; one that stays is a stuck resharding.
    public var openSlots: [String]

    public init(id: String, host: String, port: Int, busPort: Int? = nil, hostname: String? = nil, flags: [String],
                primaryID: String? = nil, pingSentMillis: Int64 = 0, pongReceivedMillis: Int64 = 0, configEpoch: Int64 = 0,
                linkConnected: Bool = true, slots: [ClosedRange<Int>] = [], openSlots: [String] = []) {
        self.id = id
        self.host = host
        self.port = port
        self.busPort = busPort
        self.hostname = hostname
        self.flags = flags
        self.primaryID = primaryID
        self.pingSentMillis = pingSentMillis
        self.pongReceivedMillis = pongReceivedMillis
        self.configEpoch = configEpoch
        self.linkConnected = linkConnected
        self.slots = slots
        self.openSlots = openSlots
    }

    public var isMyself: Bool { flags.contains("myself") }
    public var isPrimary: Bool { flags.contains("master") }
    public var isReplica: Bool { flags.contains("slave") }
    /// `fail`: a majority of primaries agreed the node is down.
    public var isFailed: Bool { flags.contains("fail") }
    /// `fail?` (PFAIL): this node alone has not heard from it within the node timeout.
    public var isSuspected: Bool { flags.contains("fail?") }
    public var isInHandshake: Bool { flags.contains("handshake") }
    public var hasNoAddress: Bool { flags.contains("noaddr") || host.isEmpty }
    public var slotCount: Int { slots.reduce(0) { $0 + $1.count } }
    /// The flags that say something is wrong or special (`fail`, `fail?`, `nofailover`...):
    /// all but myself, master and slave.
    public var stateFlags: [String] { flags.filter { !["myself", "master", "slave"].contains($0) } }

    /// `127.0.0.1:7000`, `[::1]:7000`: an address a person can paste.
    public var address: String {
        HostPort.format(host: host, port: port)
    }

    /// The first 8 characters of the id, as redis-cli shows it.
    public var shortID: String { String(id.prefix(8)) }
}

extension ClusterNode {
    /// `0-5460`, `0-10,42`: the slots as redis-cli writes them; `-` for none.
    public var slotText: String {
        slots.isEmpty ? "-" : slots.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }
}
