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
    /// The server's words for each SENTINEL command it refused (`GET-MASTER-ADDR-BY-NAME`:
    /// `NOPERM ...`): a refused list is not an empty one.
    public let refusals: [String: String]

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
        var refusals: [String: String] = [:]
        for verb in ["MASTER", "REPLICAS", "SENTINELS", "GET-MASTER-ADDR-BY-NAME"] {
            if let message = reply(verb)?.errorMessage { refusals[verb] = OutputText.oneLine(message) }
        }
        self.refusals = refusals
        masterAddress = reply("GET-MASTER-ADDR-BY-NAME").flatMap { reply in
            guard let items = reply.array, items.count == 2, let host = items[0].text, let port = items[1].text else { return nil }
            return HostPort.format(host: host, port: port)
        }
    }

    /// Whether it answered SENTINEL MASTER: only such a sentinel has a view to count.
    public var answered: Bool { master != nil }
    public var configEpoch: Int64? { master?.integer("config-epoch") }
    public var quorum: Int? { master?.integer("quorum").map { Int(clamping: $0) } }

    /// `127.0.0.1:26379 refused SENTINEL REPLICAS: NOPERM ...`, when it did.
    public func refusal(_ verb: String) -> String? {
        refusals[verb].map { "\(address) refused SENTINEL \(verb): \($0)" }
    }

    /// Whether it answered SENTINEL MASTER with something other than a refusal of who asked:
    /// a server that is not a sentinel, or one that does not monitor this name, is not one of
    /// the set (`ERR No such master`, `ERR unknown command`); one that refused the login is.
    public var isOutsideTheSet: Bool {
        guard !answered, snapshot != nil, let refusal = masterRefusal else { return false }
        return refusal.hasPrefix("ERR")
    }
}
