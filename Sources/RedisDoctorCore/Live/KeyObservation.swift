/// One key as `keyspace` saw it: its type, MEMORY USAGE and the type's length command.
public struct KeyObservation: Sendable, Equatable {
    public var key: [UInt8]
    public var type: String
    /// MEMORY USAGE ... SAMPLES 5, in bytes; nil when refused or not sent.
    public var memory: Int64?
    /// STRLEN, LLEN, SCARD, ZCARD, HLEN or XLEN; nil for other types (modules).
    public var length: Int64?

    public init(key: [UInt8], type: String, memory: Int64?, length: Int64?) {
        self.key = key
        self.type = type
        self.memory = memory
        self.length = length
    }

    /// The O(1) length command of each core type, and what it counts.
    public static let lengthCommands: [String: (command: String, unit: String)] = [
        "string": ("STRLEN", "bytes"), "list": ("LLEN", "items"), "set": ("SCARD", "members"),
        "zset": ("ZCARD", "members"), "hash": ("HLEN", "fields"), "stream": ("XLEN", "entries"),
    ]

    /// The key for people: quoted with C escapes as redis-cli prints it.
    public var displayName: String { ReplyFormatter.quoted(key) }
}

/// The N largest keys by one measure, kept sorted, largest first; bounded however many are seen.
struct TopKeys: Sendable {
    enum Measure: Sendable { case memory, length }
    let measure: Measure
    let limit: Int
    private(set) var keys: [KeyObservation] = []

    init(by measure: Measure, limit: Int) {
        self.measure = measure
        self.limit = limit
    }

    func value(_ key: KeyObservation) -> Int64? { measure == .memory ? key.memory : key.length }

    mutating func offer(_ key: KeyObservation) {
        guard limit > 0, let v = value(key) else { return }
        if keys.count == limit, let last = keys.last, let smallest = value(last), v <= smallest { return }
        let at = keys.firstIndex { (value($0) ?? 0) < v } ?? keys.count
        keys.insert(key, at: at)
        if keys.count > limit { keys.removeLast() }
    }
}
