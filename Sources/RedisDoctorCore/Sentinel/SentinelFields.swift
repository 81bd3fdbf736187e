/// One instance as a sentinel describes it (SENTINEL MASTER, one entry of SENTINEL REPLICAS
/// or SENTINEL SENTINELS): a flat array of field names and values.
public struct SentinelFields: Sendable, Equatable {
    public var pairs: [(name: String, value: String)]

    public init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    public static func == (a: SentinelFields, b: SentinelFields) -> Bool {
        a.pairs.elementsEqual(b.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Nil unless the reply is an array of strings (RESP3 maps arrive as arrays of pairs too).
    /// At most `maximumFields` pairs are kept: a hostile reply cannot grow a report.
    public init?(reply: RedisReply) {
        guard let items = reply.array else { return nil }
        var pairs: [(name: String, value: String)] = []
        var index = 0
        while index + 1 < items.count, pairs.count < Self.maximumFields {
            guard let name = items[index].text, let value = items[index + 1].text ?? items[index + 1].integer.map({ String($0) }) else { return nil }
            pairs.append((name, value))
            index += 2
        }
        self.pairs = pairs
    }

    /// A list of instances (SENTINEL REPLICAS, SENTINEL SENTINELS); nil unless an array of them.
    public static func list(_ reply: RedisReply) -> [SentinelFields]? {
        guard let items = reply.array else { return nil }
        return items.prefix(maximumEntries).compactMap(SentinelFields.init(reply:))
    }

    static let maximumFields = 200
    /// A sentinel lists every replica and peer it ever saw; more than this is not a deployment.
    static let maximumEntries = 1_000

    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    public func integer(_ name: String) -> Int64? { self[name].flatMap { Int64($0) } }

    /// `ip:port`, `[v6]:port` for IPv6.
    public var address: String? {
        guard let ip = self["ip"], let port = self["port"] else { return nil }
        return HostPort.format(host: ip, port: port)
    }

    public var flags: [Substring] { (self["flags"] ?? "").split(separator: ",") }
    public func hasFlag(_ flag: String) -> Bool { flags.contains { $0 == flag } }
    /// Flagged down by this sentinel (`s_down`) or by a quorum of them (`o_down`).
    public var isDown: Bool { hasFlag("s_down") || hasFlag("o_down") }
    public var isDisconnected: Bool { hasFlag("disconnected") }
    /// The flags worth showing: everything but the role.
    public var stateFlags: [String] {
        flags.filter { $0 != "master" && $0 != "slave" && $0 != "sentinel" }.map(String.init)
    }
}
