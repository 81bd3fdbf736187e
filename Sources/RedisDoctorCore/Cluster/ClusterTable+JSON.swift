extension ClusterTable {
    /// The same rows as JSON: `{"cluster":..., "nodes":[{"shard", "role", "address", ...}]}`.
    public func json() -> String {
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        let nodes = rows.map { row -> JSONValue in
            .object([
                ("shard", .string(row.shard)), ("role", .string(row.role)), ("address", .string(row.address)), ("id", .string(row.id)),
                ("slots", .string(row.slots)), ("flags", .string(row.flags)),
                ("links_up", .number(Double(row.linksUp))), ("links_seen", .number(Double(row.linksSeen))),
                ("lag_bytes", number(row.lagBytes)), ("used_memory", number(row.usedMemory)), ("ops_per_second", number(row.opsPerSecond)),
                ("disagreeing", .array(row.disagreeing.map(JSONValue.string))), ("failure", row.failure.map(JSONValue.string) ?? .null),
            ])
        }
        return JSONValue.object([("cluster", .string(name)), ("nodes", .array(nodes))]).serialized(indent: nil)
    }
}
