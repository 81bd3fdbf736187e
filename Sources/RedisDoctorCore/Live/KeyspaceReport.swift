/// What `redis-doctor keyspace` found: the biggest keys by memory and by element count per
/// type, how much of the keyspace it saw, where to resume, and (with --ttl) the expiry forecast.
public struct KeyspaceReport: Sendable {
    public var target: String
    public var budget: Double
    public var rate: Double
    public var startCursor: String
    /// The cursor after the last batch that completed: resume from it with --cursor.
    public var cursor: String
    /// SCAN returned cursor 0: the whole keyspace was walked.
    public var complete = false
    public var dbsize: Int64?
    public var sampled = 0
    /// Keys SCAN returned that were gone by TYPE (expired or deleted meanwhile).
    public var vanished = 0
    public var commands = 0
    public var elapsed = 0.0
    public var stoppedBy: String?
    /// SCAN refused: nothing could be sampled (UNKNOWN).
    public var refusal: String?
    /// Per-key refusals (a key pattern that does not cover every key), the first's words.
    public var keysRefused = 0
    public var keyRefusal: String?
    /// MEMORY USAGE refused (old server, ACL): sizes are not known.
    public var memoryRefusal: String?
    public var bigBytes: Int64
    public var bigElements: Int64
    public private(set) var types: [String: (keys: Int, memory: Int64, elements: Int64)] = [:]
    private var byMemory: TopKeys
    private var byLength: [String: TopKeys] = [:]
    public let top: Int
    public var forecast: ExpiryForecast?
    public var stormThreshold = StormThreshold()

    public static let defaultBigBytes: Int64 = 10 * 1024 * 1024
    public static let defaultBigElements: Int64 = 1_000_000

    public init(target: String, budget: Double, rate: Double, top: Int, cursor: String,
                bigBytes: Int64 = KeyspaceReport.defaultBigBytes, bigElements: Int64 = KeyspaceReport.defaultBigElements) {
        self.target = target
        self.budget = budget
        self.rate = rate
        self.top = top
        self.startCursor = cursor
        self.cursor = cursor
        self.bigBytes = bigBytes
        self.bigElements = bigElements
        byMemory = TopKeys(by: .memory, limit: top)
    }

    /// PTTL refusals with --ttl (the forecast then covers fewer keys), the first's words.
    public var ttlRefused = 0
    public var ttlRefusal: String?
    /// Distinct types counted apart; past that many, `(other)`.
    static let typeLimit = 64

    public mutating func add(_ observation: KeyObservation) {
        sampled += 1
        var key = observation.kept
        if types[key.type] == nil && types.count >= Self.typeLimit { key.type = "(other)" }
        var stats = types[key.type] ?? (0, 0, 0)
        stats.keys += 1
        stats.memory = stats.memory.saturatingAdd(max(0, key.memory ?? 0))
        stats.elements = stats.elements.saturatingAdd(max(0, key.length ?? 0))
        types[key.type] = stats
        byMemory.offer(key)
        byLength[key.type, default: TopKeys(by: .length, limit: top)].offer(key)
    }

    public var biggestByMemory: [KeyObservation] { byMemory.keys }

    /// Per type, most keys first: the biggest by the type's length command.
    public var biggestByLength: [(type: String, keys: [KeyObservation])] {
        types.sorted { $0.value.keys != $1.value.keys ? $0.value.keys > $1.value.keys : $0.key < $1.key }
            .compactMap { type in byLength[type.key].map { (type.key, $0.keys) } }
            .filter { !$0.keys.isEmpty }
    }

    /// The share of the keyspace seen: sampled keys over DBSIZE at the start (1 when walked whole).
    public var sampledFraction: Double {
        if complete { return 1 }
        guard let dbsize, dbsize > 0 else { return sampled > 0 ? 1 : 0 }
        return min(1, Double(sampled) / Double(dbsize))
    }

    /// A SCAN cursor as the server prints it and `--cursor` takes it: decimal, at most 20 digits.
    public static func isCursor(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 20 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    public var keysPerSecond: Double { elapsed > 0 ? Double(sampled) / elapsed : 0 }

    public var storm: StormForecast? {
        forecast.flatMap { StormForecast($0, sampledFraction: sampledFraction, threshold: stormThreshold) }
    }

    /// UNKNOWN when nothing could be read; WARNING for a forecast storm or a key over the
    /// big-key thresholds; else OK.
    public var verdict: (status: Status, reasons: [String]) {
        if let refusal { return (.unknown, [refusal]) }
        if sampled == 0 && keysRefused > 0 { return (.unknown, ["every key was refused: \(keyRefusal ?? "")"]) }
        if sampled == 0, let stoppedBy, dbsize != 0 { return (.unknown, ["nothing sampled: \(stoppedBy)"]) }
        if let forecast, forecast.volatile + forecast.persistent == 0, ttlRefused > 0 {
            return (.unknown, ["the forecast could not read any TTL: \(ttlRefusal ?? "")"])
        }
        var reasons: [String] = []
        if let storm, storm.isStorm, let forecast { reasons.append("expire storm ahead: " + storm.sentence(from: forecast.startSecond)) }
        for key in biggestByMemory where (key.memory ?? 0) >= bigBytes {
            reasons.append("big key \(key.displayName) (\(key.type)): \(HumanFormat.bytes(Double(key.memory ?? 0))) >= \(HumanFormat.bytes(Double(bigBytes)))")
        }
        for (_, keys) in biggestByLength {
            for key in keys where (key.length ?? 0) >= bigElements && key.type != "string" {
                reasons.append("big key \(key.displayName) (\(key.type)): \(HumanFormat.number(Double(key.length ?? 0))) elements >= \(HumanFormat.number(Double(bigElements)))")
            }
            // Without MEMORY USAGE a string's size is still known: STRLEN is its bytes.
            for key in keys where key.type == "string" && key.memory == nil && (key.length ?? 0) >= bigBytes {
                reasons.append("big key \(key.displayName) (string): \(HumanFormat.bytes(Double(key.length ?? 0))) (STRLEN) >= \(HumanFormat.bytes(Double(bigBytes)))")
            }
        }
        return (reasons.isEmpty ? .ok : .warning, reasons)
    }
}
