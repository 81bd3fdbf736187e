/// Interns byte strings to small integers: hosts, names and commands of 50,000 clients
/// become a few hundred ids without building a String or retaining a slice per client.
struct ByteInterner {
    private(set) var keys: [[UInt8]] = []
    /// Hash to the newest id with that hash; `next` chains the older ones.
    private var heads = IntegerTable()
    private var next: [Int] = []

    /// The id of `bytes`, adding it when new.
    mutating func id(_ bytes: UnsafeRawBufferPointer) -> Int {
        let hash = Self.fnv1a(bytes)
        let head = heads[hash] ?? -1
        var candidate = head
        while candidate >= 0 {
            if keys[candidate].elementsEqual(bytes) { return candidate }
            candidate = next[candidate]
        }
        let id = keys.count
        keys.append(Array(bytes))
        next.append(head)
        heads.set(id, for: hash)
        return id
    }

    mutating func id(_ text: StaticString) -> Int {
        text.withUTF8Buffer { id(UnsafeRawBufferPointer($0)) }
    }

    func string(_ id: Int) -> String { String(decoding: keys[id], as: UTF8.self) }

    /// FNV-1a, 64 bits: a few instructions a byte, and collisions are checked above.
    static func fnv1a(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
