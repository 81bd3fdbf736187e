/// What the field table knows about one `InfoField`.
public struct InfoFieldSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case number
        /// 0/1, also `yes`/`no`, `true`/`false` (Kvrocks prints words).
        case flag
        case text
    }

    /// INFO keys carrying the quantity, preferred first (renames across
    /// versions and servers). The first key with a usable value wins.
    public var keys: [String]
    public var kind: Kind
    public var unit: InfoUnit
    /// `-1` means "not applicable / unknown" for this field (not a real value).
    public var minusOneIsAbsent: Bool
    /// Values above this are implausible for the field and treated as absent
    /// (an epoch printed where a duration belongs).
    public var maximum: Double?
    /// Printed by every Redis from 2.4 on (and Valkey, KeyDB) in default INFO;
    /// a missing core field hints at an unusual server or a parser bug.
    public var isCore: Bool

    /// What the quantity means, for `:explain` (nil when the table has no text yet).
    public var meaning: String? = nil
    /// What a healthy value looks like, where one can be said in general.
    public var healthy: String? = nil

    /// The same spec with an explanation attached; used in `InfoField.spec`'s table.
    func explained(_ meaning: String, healthy: String?) -> InfoFieldSpec {
        var copy = self
        copy.meaning = meaning
        copy.healthy = healthy
        return copy
    }

    /// Beyond this a number is no real quantity (Int64 tops out at 9.2e18).
    public static let largestPlausible = 1e18

    /// Fragmentation in bytes is negative when RSS is below used memory; every other
    /// quantity in the table (sizes, counts, durations, epochs) is never below zero.
    public var mayBeNegative: Bool { unit == .bytes && keys.contains { $0.hasSuffix("frag_bytes") || $0.hasSuffix("fragmentation_bytes") } }

    /// Values that mean "no value" whatever the field.
    public static let placeholders: Set<String> = ["", "-", "N/A", "n/a", "(null)", "null", "unavailable"]
}
