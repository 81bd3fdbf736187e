/// A hash map from 64-bit keys to `Int`s over one plain array (open addressing, linear
/// probing): interning and counting in the client grouping, the CONFIG GET name index.
///
/// A `Dictionary` would do, but the first Dictionary of each key type in a process makes
/// the Swift runtime check that the key is Hashable by scanning every protocol
/// conformance record in the binary: about 0.2 M instructions per key type, paid by every
/// `check` (callgrind). Nothing here needs a runtime conformance.
struct IntegerTable {
    private struct Slot {
        var key: UInt64
        var value: Int
        var used: Bool
    }

    private var slots: [Slot]
    private(set) var count = 0

    /// Room for `minimumCapacity` keys before the first growth.
    init(minimumCapacity: Int = 8) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: 0, value: 0, used: false), count: size)
    }

    subscript(key: UInt64) -> Int? {
        let slot = position(of: key)
        return slots[slot].used ? slots[slot].value : nil
    }

    mutating func set(_ value: Int, for key: UInt64) {
        var slot = position(of: key)
        if !slots[slot].used {
            // Kept at most half full, so probes stay short.
            if (count + 1) * 2 > slots.count {
                grow()
                slot = position(of: key)
            }
            count += 1
        }
        slots[slot] = Slot(key: key, value: value, used: true)
    }

    /// Adds `amount` to the value of `key`, which starts at 0.
    mutating func add(_ amount: Int, to key: UInt64) {
        set((self[key] ?? 0) + amount, for: key)
    }

    /// Every key and value, in no particular order.
    func forEach(_ body: (_ key: UInt64, _ value: Int) -> Void) {
        for slot in slots where slot.used { body(slot.key, slot.value) }
    }

    /// The slot holding `key`, else the free slot where it belongs.
    private func position(of key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
        while slots[slot].used && slots[slot].key != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: 0, used: false), count: old.count * 2)
        count = 0
        for slot in old where slot.used { set(slot.value, for: slot.key) }
    }

    /// SplitMix64's finaliser: small consecutive keys (interned ids) spread over the table.
    private static func mix(_ key: UInt64) -> UInt64 {
        var z = key &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
