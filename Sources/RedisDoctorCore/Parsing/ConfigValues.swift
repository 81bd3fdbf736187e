/// CONFIG GET results: ordered name/value pairs, names compared case-insensitively.
///
/// A check merges a CONFIG GET * of about 450 pairs and a rule reads four of them, so
/// pairs stay as the reply's bytes (shared, not copied) and become Strings only when
/// read; names are found through a hash of their lowercased bytes, not a linear scan.
public struct ConfigValues: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// Names and values as the server sent them (a nil value is empty).
    private var names: [[UInt8]] = []
    private var values: [[UInt8]] = []
    /// Hash of a lowercased name to the first pair with that hash; `sameHash` chains the
    /// later ones (only ever used when two different names collide).
    private var firstByHash = IntegerTable()
    private var sameHash: [Int] = []

    public init() {}

    /// Reads the flat `[name, value, name, value, ...]` array; an odd tail is dropped.
    public init(reply: RedisReply) {
        merge(reply)
    }

    /// Adds pairs whose names are not present yet (first wins, like INFO merging).
    /// Pairs kept at most (a real CONFIG GET * has about 500), and the longest value
    /// kept (a real one is under 200 bytes): a hostile reply stays small to split and scan.
    public static let maximumItems = 4096
    public static let maximumValueBytes = 4096

    public mutating func merge(_ reply: RedisReply) {
        guard let array = reply.array else { return }
        var index = 0
        while index + 1 < array.count && names.count < Self.maximumItems {
            // Redis 2.4 answers an unset requirepass with nil: that is "unset", not "unknown".
            var value = array[index + 1].bytes
            if case .null = array[index + 1] { value = [] }
            if let name = array[index].bytes, let value {
                let hash = Self.hash(name)
                if position(of: name, hash: hash, matching: Self.sameLowercased) == nil {
                    let position = names.count
                    names.append(name)
                    values.append(value)
                    sameHash.append(-1)
                    if var last = firstByHash[hash] {
                        while sameHash[last] >= 0 { last = sameHash[last] }
                        sameHash[last] = position
                    } else {
                        firstByHash.set(position, for: hash)
                    }
                }
            }
            index += 2
        }
    }

    /// Every pair, in the server's order.
    public var items: [Item] {
        names.indices.map { Item(name: String(decoding: names[$0], as: UTF8.self), value: value(at: $0)) }
    }

    public subscript(name: String) -> String? {
        let query = Array(name.utf8)
        // Only an ASCII name can equal an ASCII query ignoring ASCII case, and ASCII names
        // are hashed by their ASCII-lowercased bytes: the hash finds them.
        if query.allSatisfy({ $0 < 0x80 }) {
            return position(of: query, hash: Self.hash(query), matching: Self.equalsIgnoringASCIICase).map(value(at:))
        }
        return names.indices.first { Bytes.equalsIgnoringCase(String(decoding: names[$0], as: UTF8.self), name) }.map(value(at:))
    }

    public var isEmpty: Bool { names.isEmpty }

    public static func == (a: Self, b: Self) -> Bool { a.items == b.items }

    /// The value as text, cut to `maximumValueBytes` of UTF-8.
    private func value(at position: Int) -> String {
        let text = String(decoding: values[position], as: UTF8.self)
        if text.utf8.count <= Self.maximumValueBytes { return text }
        return String(decoding: text.utf8.prefix(Self.maximumValueBytes), as: UTF8.self)
    }

    /// The first pair with `hash` whose name `matches` the given one.
    private func position(of name: [UInt8], hash: UInt64, matching matches: ([UInt8], [UInt8]) -> Bool) -> Int? {
        var candidate = firstByHash[hash] ?? -1
        while candidate >= 0 {
            if matches(names[candidate], name) { return candidate }
            candidate = sameHash[candidate]
        }
        return nil
    }

    /// FNV-1a of the name as `String.lowercased()` spells it: ASCII names (all real ones)
    /// are lowercased byte by byte, without building a String.
    private static func hash(_ name: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        if name.allSatisfy({ $0 < 0x80 }) {
            for byte in name { add(Bytes.lower(byte)) }
        } else {
            for byte in String(decoding: name, as: UTF8.self).lowercased().utf8 { add(byte) }
        }
        return hash
    }

    /// Duplicate names when merging: equal once lowercased.
    private static func sameLowercased(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) { return equalsIgnoringASCIICase(a, b) }
        return String(decoding: a, as: UTF8.self).lowercased() == String(decoding: b, as: UTF8.self).lowercased()
    }

    private static func equalsIgnoringASCIICase(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.indices.allSatisfy { Bytes.lower(a[$0]) == Bytes.lower(b[$0]) }
    }
}
