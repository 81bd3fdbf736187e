/// CONFIG GET results: ordered name/value pairs, names compared case-insensitively.
public struct ConfigValues: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public private(set) var items: [Item] = []

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
        var seen = Set(items.map { $0.name.lowercased() })
        var index = 0
        while index + 1 < array.count && items.count < Self.maximumItems {
            // Redis 2.4 answers an unset requirepass with nil: that is "unset", not "unknown".
            let raw = array[index + 1] == .null ? "" : array[index + 1].text
            if let name = array[index].text, var value = raw, seen.insert(name.lowercased()).inserted {
                if value.utf8.count > Self.maximumValueBytes { value = String(decoding: value.utf8.prefix(Self.maximumValueBytes), as: UTF8.self) }
                items.append(Item(name: name, value: value))
            }
            index += 2
        }
    }

    public subscript(name: String) -> String? {
        items.first { Bytes.equalsIgnoringCase($0.name, name) }?.value
    }

    public var isEmpty: Bool { items.isEmpty }
}
