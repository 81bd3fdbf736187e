/// One sentinel as `check --sentinel` asked it about one master: its answers, parsed once,
/// or why it gave none.
public struct SentinelView: Sendable {
    /// Where it was reached (`127.0.0.1:26379`).
    public var address: String
    /// Its replies to the SENTINEL commands; nil when it did not answer.
    public var snapshot: Snapshot?
    /// Why there is no snapshot: "connection refused", "did not answer within 2.0 s".
    public var failure: String?

    /// SENTINEL MASTER; nil when refused or not asked.
    public let master: SentinelFields?
    /// The server's words when it refused SENTINEL MASTER (an unknown name, NOPERM, not a sentinel).
    public let masterRefusal: String?
    public let replicas: [SentinelFields]
    /// The other sentinels it knows (SENTINEL SENTINELS).
    public let peers: [SentinelFields]
    /// SENTINEL CKQUORUM: whether it said OK, and its words.
    public let quorumCheck: (ok: Bool, text: String)?
    /// SENTINEL GET-MASTER-ADDR-BY-NAME as `host:port`.
    public let masterAddress: String?

    public init(address: String, snapshot: Snapshot? = nil, failure: String? = nil, masterName: String) {
        self.address = address
        self.snapshot = snapshot
        self.failure = failure
        let reply = { (verb: String) in snapshot?.reply("SENTINEL", verb, masterName) }
        let masterReply = reply("MASTER")
        master = masterReply.flatMap(SentinelFields.init(reply:))
        masterRefusal = masterReply?.errorMessage.map(OutputText.oneLine)
            ?? (masterReply != nil && master == nil ? "SENTINEL MASTER: not a list of fields" : nil)
        replicas = reply("REPLICAS").flatMap(SentinelFields.list) ?? []
        peers = reply("SENTINELS").flatMap(SentinelFields.list) ?? []
        quorumCheck = reply("CKQUORUM").flatMap { reply in
            if let error = reply.errorMessage { return (false, OutputText.oneLine(error)) }
            return reply.text.map { (true, OutputText.oneLine($0)) }
        }
        masterAddress = reply("GET-MASTER-ADDR-BY-NAME").flatMap { reply in
            guard let items = reply.array, items.count == 2, let host = items[0].text, let port = items[1].text else { return nil }
            return SentinelFields.address(host: host, port: port)
        }
    }

    /// Whether it answered SENTINEL MASTER: only such a sentinel has a view to count.
    public var answered: Bool { master != nil }
    public var configEpoch: Int64? { master?.integer("config-epoch") }
    public var quorum: Int? { master?.integer("quorum").map { Int(clamping: $0) } }
}
