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

    /// The name's length when `key` holds only its first `keptNameBytes` (a hostile or
    /// mistaken multi-megabyte name is not kept whole in the top lists).
    public var fullNameLength: Int?
    public static let keptNameBytes = 512

    /// The key for people: quoted with C escapes as redis-cli prints it.
    public var displayName: String {
        ReplyFormatter.quoted(key) + (fullNameLength.map { "... (a \($0)-byte name)" } ?? "")
    }

    /// A copy fit to keep: the name cut to `keptNameBytes`.
    var kept: KeyObservation {
        guard key.count > Self.keptNameBytes else { return self }
        var copy = self
        copy.fullNameLength = key.count
        copy.key = Array(key.prefix(Self.keptNameBytes))
        return copy
    }

    /// TYPE's reply as a type name: a short word of letters, digits, `-` and `_` (module
    /// types such as `ReJSON-RL`), anything else `?`: it is printed and counted.
    public static func typeName(_ text: String) -> String {
        let ok = !text.isEmpty && text.utf8.count <= 32 && text.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F
        }
        return ok ? text : "?"
    }
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
        // SCAN may return a key twice: it is one key.
        if keys.contains(where: { $0.key == key.key }) { return }
        let at = keys.firstIndex { (value($0) ?? 0) < v } ?? keys.count
        keys.insert(key, at: at)
        if keys.count > limit { keys.removeLast() }
    }
}
