import RedisDoctorCore

/// Each target's previous sample, for the interval rules: at most `capacity` targets and
/// `byteLimit` bytes of replies, the least recently scraped dropped first. Kept in memory
/// only: lost on restart (Docs/serve.md). A sample keeps what the interval rules compare
/// (INFO, SLOWLOG, LATENCY), and CLIENT LIST only while it is small.
struct PreviousSamples {
    enum Sample: Sendable {
        case node(Snapshot)
        case sentinel(SentinelSample)
    }

    private struct Entry {
        var sample: Sample
        var takenAt: Double
        var bytes: Int
        var used: UInt64
    }

    private var entries: [String: Entry] = [:]
    /// Keys by last use, oldest first: eviction without a scan.
    private var order: [UInt64: String] = [:]
    private var oldest: UInt64 = 0
    private var clock: UInt64 = 0
    private var bytes = 0
    let capacity: Int
    let byteLimit: Int

    /// 64 MiB: a thousand ordinary targets, and what keeps the exporter well under 200 MB.
    static let defaultByteLimit = 64 << 20
    /// A CLIENT LIST larger than this is not kept (stale-connections then judges one sample).
    static let clientListLimit = 256 << 10

    init(capacity: Int, byteLimit: Int = defaultByteLimit) {
        self.capacity = capacity
        self.byteLimit = byteLimit
    }

    mutating func get(_ key: String) -> (sample: Sample, takenAt: Double)? {
        guard let entry = entries[key] else { return nil }
        touch(key)
        return (entry.sample, entry.takenAt)
    }

    /// Keeps `sample` unless the one kept is younger than `minimumInterval` seconds: scrapes
    /// closer together than that would give deltas too short to judge.
    mutating func record(_ sample: Sample, at time: Double, for key: String, minimumInterval: Double) {
        guard capacity > 0 else { return }
        if let kept = entries[key], time - kept.takenAt >= 0, time - kept.takenAt < minimumInterval { return }
        let trimmed = Self.trimmed(sample)
        let size = Self.size(trimmed) + key.utf8.count
        guard size <= byteLimit else { return }
        remove(key)
        clock += 1
        entries[key] = Entry(sample: trimmed, takenAt: time, bytes: size, used: clock)
        order[clock] = key
        bytes += size
        while entries.count > capacity || bytes > byteLimit, let victim = nextOldest() { remove(victim) }
    }

    var count: Int { entries.count }

    private mutating func touch(_ key: String) {
        guard let used = entries[key]?.used else { return }
        order[used] = nil
        clock += 1
        entries[key]?.used = clock
        order[clock] = key
    }

    private mutating func remove(_ key: String) {
        guard let entry = entries.removeValue(forKey: key) else { return }
        order[entry.used] = nil
        bytes -= entry.bytes
    }

    private mutating func nextOldest() -> String? {
        while oldest <= clock {
            if let key = order[oldest] { return key }
            oldest += 1
        }
        return nil
    }

    static func trimmed(_ sample: Sample) -> Sample {
        guard case .node(var snapshot) = sample else { return sample }
        snapshot.exchanges.removeAll { exchange in
            exchange.command.first?.uppercased() == "CLIENT" && (exchange.reply.bytes?.count ?? 0) > clientListLimit
        }
        return .node(snapshot)
    }

    /// Bytes held, as the reply budget counts them (32 per element on top of the payload).
    static func size(_ sample: Sample) -> Int {
        guard case .node(let snapshot) = sample else { return 256 }
        return snapshot.exchanges.reduce(256) { $0 + replySize($1.reply) + 32 * $1.command.count }
    }

    static func replySize(_ reply: RedisReply) -> Int {
        switch reply {
        case .bulk(let bytes): return 32 + bytes.count
        case .status(let text), .error(let text): return 32 + text.utf8.count
        case .array(let items): return 32 + items.reduce(0) { $0 + replySize($1) }
        case .integer, .null: return 32
        }
    }
}
