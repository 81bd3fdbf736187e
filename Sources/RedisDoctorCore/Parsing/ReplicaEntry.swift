/// One `slave<N>:` line on a master: a connected replica.
public struct ReplicaEntry: Sendable, Equatable {
    public var index: Int
    public var ip: String?
    public var port: Int?
    /// `online`, `wait_bgsave`, `send_bulk`, or empty.
    public var state: String?
    /// Acked replication offset (2.8+).
    public var offset: Int64?
    /// Seconds since the replica's last ACK (2.8+).
    public var lag: Int64?
}

extension Info {
    /// Replicas listed by a master, in both forms: 2.8+ `ip=..,port=..` and
    /// the positional 2.4/2.6 form `slave0:127.0.0.1,6380,online`.
    /// At most the first 1,000 (real masters have a handful), so a hostile INFO of
    /// `slaveN` lines stays cheap to read.
    public var replicas: [ReplicaEntry] {
        entries.lazy.filter { $0.key.hasPrefix("slave") }.prefix(1000).compactMap { entry in
            guard entry.key.hasPrefix("slave"), let index = Int(entry.key.dropFirst(5)), index >= 0 else { return nil }
            let pairs = InfoPairs(parsing: entry.value)
            if pairs.pairs.isEmpty {
                // Positional: IPv6 could not occur (2.6 had no IPv6), so ',' is safe.
                let items = pairs.positional
                return ReplicaEntry(
                    index: index,
                    ip: items.count > 0 ? items[0] : nil,
                    port: items.count > 1 ? Int(items[1]) : nil,
                    state: items.count > 2 ? items[2] : nil,
                    offset: nil, lag: nil)
            }
            return ReplicaEntry(
                index: index, ip: pairs["ip"], port: pairs.int("port").map { Int($0) },
                state: pairs["state"], offset: pairs.int("offset"), lag: pairs.int("lag"))
        }
    }
}
