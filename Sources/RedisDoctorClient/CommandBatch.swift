/// Commands on keys encoded straight into one pipeline payload: `keyspace` sends thousands
/// per batch, and an argv array per command cost more than the command itself (callgrind).
public struct CommandBatch {
    public private(set) var payload: [UInt8] = []
    public private(set) var count = 0

    public init() {}

    /// `NAME KEY [EXTRA...]`, NAME and EXTRA already as bytes (static, made once).
    public mutating func append(_ name: [UInt8], key: [UInt8], _ extra: [[UInt8]] = []) {
        CommandEncoder.appendHeader(UInt8(ascii: "*"), 2 + extra.count, to: &payload)
        CommandEncoder.appendBulk(name, to: &payload)
        CommandEncoder.appendBulk(key, to: &payload)
        for word in extra { CommandEncoder.appendBulk(word, to: &payload) }
        count += 1
    }

    /// A command without a key (`TIME`).
    public mutating func append(_ name: [UInt8]) {
        CommandEncoder.encode([name], into: &payload)
        count += 1
    }
}
