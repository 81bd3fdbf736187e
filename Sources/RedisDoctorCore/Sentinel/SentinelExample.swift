/// A sentinel set in a rule's example: each sentinel's replies as text, the master's ROLE,
/// and the earlier sample if any. Built into a `SentinelState` by the same parsing a live
/// run uses.
public struct SentinelExample: Sendable, Hashable {
    public var masterName: String
    public var sentinels: [Sentinel]
    public var probe: SentinelMasterProbe?
    public var previous: SentinelSample?

    public init(masterName: String = "mymaster", sentinels: [Sentinel], probe: SentinelMasterProbe? = nil, previous: SentinelSample? = nil) {
        self.masterName = masterName
        self.sentinels = sentinels
        self.probe = probe
        self.previous = previous
    }

    /// One sentinel's replies, each as it decodes: a field list is `name value` lines, a
    /// list of them is separated by blank lines, an error reply starts with `-`. A sentinel
    /// with a `failure` did not answer.
    public struct Sentinel: Sendable, Hashable {
        public var address: String
        public var master: String?
        public var replicas: String?
        public var sentinels: String?
        public var ckquorum: String?
        /// GET-MASTER-ADDR-BY-NAME as `host port`.
        public var masterAddress: String?
        public var failure: String?

        public init(address: String, master: String? = nil, replicas: String? = nil, sentinels: String? = nil, ckquorum: String? = nil,
                    masterAddress: String? = nil, failure: String? = nil) {
            self.address = address
            self.master = master
            self.replicas = replicas
            self.sentinels = sentinels
            self.ckquorum = ckquorum
            self.masterAddress = masterAddress
            self.failure = failure
        }

        /// The replies as a live run records them.
        func snapshot(masterName: String) -> Snapshot {
            var snapshot = Snapshot(target: address)
            func add(_ verb: String, _ reply: RedisReply?) {
                if let reply { snapshot.exchanges.append(Exchange(command: ["SENTINEL", verb, masterName], reply: reply)) }
            }
            add("MASTER", master.map { Self.reply($0, Self.fields) })
            add("REPLICAS", replicas.map { Self.reply($0) { .array(Self.blocks($0).map(Self.fields)) } })
            add("SENTINELS", sentinels.map { Self.reply($0) { .array(Self.blocks($0).map(Self.fields)) } })
            add("CKQUORUM", ckquorum.map { Self.reply($0) { .status($0) } })
            add("GET-MASTER-ADDR-BY-NAME", masterAddress.map { text in
                Self.reply(text) { .array($0.split(separator: " ").map { .bulk(Array($0.utf8)) }) }
            })
            return snapshot
        }

        static func reply(_ text: String, _ make: (String) -> RedisReply) -> RedisReply {
            text.hasPrefix("-") ? .error(String(text.dropFirst())) : make(text)
        }

        static func blocks(_ text: String) -> [String] {
            text.split(separator: "\n\n", omittingEmptySubsequences: true).map(String.init)
        }

        static func fields(_ text: String) -> RedisReply {
            .array(text.split(separator: "\n").flatMap { line -> [RedisReply] in
                let name = line.prefix { $0 != " " }
                return [.bulk(Array(name.utf8)), .bulk(Array(line.dropFirst(name.count + 1).utf8))]
            })
        }
    }

    public func state() -> SentinelState {
        let views = sentinels.map { sentinel in
            sentinel.failure.map { SentinelView(address: sentinel.address, failure: $0, masterName: masterName) }
                ?? SentinelView(address: sentinel.address, snapshot: sentinel.snapshot(masterName: masterName), masterName: masterName)
        }
        let seed = views.first(where: \.answered)?.address ?? sentinels.first?.address ?? "-"
        return SentinelState(masterName: masterName, seed: seed, views: views, probe: probe, previous: previous)
    }
}

extension String {
    /// A `name value` field list with one field's value replaced, for an example derived from
    /// a capture (a failover held past its timeout).
    func replacingFieldValue(_ name: String, with value: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(name + " ") ? "\(name) \(value)" : String(line)
        }.joined(separator: "\n")
    }
}
