/// One `dbN:keys=..,expires=..,avg_ttl=..` line of the Keyspace section.
public struct KeyspaceEntry: Sendable, Equatable {
    public var db: Int
    public var keys: Int64?
    public var expires: Int64?
    /// Milliseconds; absent before 2.8, `-1` on Dragonfly (kept raw).
    public var avgTTL: Int64?
    /// All sub-fields, including server-specific ones (`subexpiry`, `hits`).
    public var pairs: InfoPairs
}

extension Info {
    /// Every `db<N>` line, from any section (flat 2.4 replies have no Keyspace header).
    /// Kvrocks' non-db keys in Keyspace (`sequence`, `used_percent`) are ignored.
    public var keyspace: [KeyspaceEntry] {
        entries.compactMap { entry in
            guard entry.key.hasPrefix("db"), let db = Int(entry.key.dropFirst(2)), db >= 0 else { return nil }
            let pairs = InfoPairs(parsing: entry.value)
            guard !pairs.pairs.isEmpty else { return nil }
            return KeyspaceEntry(
                db: db, keys: pairs.int("keys"), expires: pairs.int("expires"),
                avgTTL: pairs.int("avg_ttl"), pairs: pairs)
        }
    }
}
