/// One LATENCY LATEST row: `[event, timestamp, latest-ms, max-ms]`.
public struct LatencyEvent: Sendable, Equatable {
    public var name: String
    public var timestamp: Int64
    public var latestMs: Int64
    public var maxMs: Int64

    public init?(reply: RedisReply) {
        guard let items = reply.array, items.count >= 4, let name = items[0].text,
              let timestamp = items[1].integer, let latest = items[2].integer,
              let max = items[3].integer else { return nil }
        self.name = name
        self.timestamp = timestamp
        self.latestMs = latest
        self.maxMs = max
    }

    /// All well-formed rows of a LATENCY LATEST reply.
    public static func parse(_ reply: RedisReply) -> [LatencyEvent] {
        (reply.array ?? []).compactMap(LatencyEvent.init(reply:))
    }

    /// The rows that are news: LATENCY LATEST keeps an event's last spike forever, so a row
    /// counts when it is newer than the same event in the earlier sample, or, without one,
    /// no older than `window` seconds before `now` (everything, without a clock).
    public static func recent(_ events: [LatencyEvent], previous: [LatencyEvent]?, now: Double?, window: Double) -> [LatencyEvent] {
        events.filter { event in
            if let previous {
                return event.timestamp > (previous.first { $0.name == event.name }?.timestamp ?? Int64.min)
            }
            guard let now else { return true }
            return Double(event.timestamp) >= now - window
        }
    }
}
