/// One SLOWLOG GET entry.
public struct SlowlogEntry: Sendable, Equatable {
    public var id: Int64
    /// Unix seconds when the command ran.
    public var timestamp: Int64
    public var durationMicros: Int64
    public var args: [String]
    /// 4.0+ only (6-element entries).
    public var clientAddr: String?
    public var clientName: String?

    /// Reads `[id, timestamp, duration, [args], addr?, name?]`; nil if malformed.
    public init?(reply: RedisReply) {
        guard let items = reply.array, items.count >= 4,
              let id = items[0].integer, let timestamp = items[1].integer,
              let duration = items[2].integer, let args = items[3].array else { return nil }
        self.id = id
        self.timestamp = timestamp
        self.durationMicros = duration
        // Args are bulk strings; RESP3 or proxies may send other scalars.
        self.args = args.map { $0.text ?? $0.integer.map(String.init) ?? "" }
        self.clientAddr = items.count > 4 ? items[4].text : nil
        self.clientName = items.count > 5 ? items[5].text : nil
    }

    /// All well-formed entries of a SLOWLOG GET reply; malformed ones are dropped.
    public static func parse(_ reply: RedisReply) -> [SlowlogEntry] {
        (reply.array ?? []).compactMap(SlowlogEntry.init(reply:))
    }
}
