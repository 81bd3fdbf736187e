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
    public mutating func merge(_ reply: RedisReply) {
        guard let array = reply.array else { return }
        var index = 0
        while index + 1 < array.count {
            if let name = array[index].text, let value = array[index + 1].text, self[name] == nil {
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
