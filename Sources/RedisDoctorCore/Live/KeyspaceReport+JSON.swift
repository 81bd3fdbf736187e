/// `keyspace --format json`: one object; keys as text (invalid UTF-8 replaced), sizes in bytes.
extension KeyspaceReport {
    public func json() -> String {
        func key(_ k: KeyObservation) -> JSONValue {
            .object([("key", .string(String(decoding: k.key, as: UTF8.self))), ("type", .string(k.type)),
                     ("memory_bytes", k.memory.map { .number(Double($0)) } ?? .null), ("length", k.length.map { .number(Double($0)) } ?? .null)])
        }
        let verdict = self.verdict
        var pairs: [(String, JSONValue)] = [
            ("status", .string(verdict.status.rawValue)),
            ("reasons", .array(verdict.reasons.map(JSONValue.string))),
            ("target", .string(target)),
            ("dbsize", dbsize.map { .number(Double($0)) } ?? .null),
            ("sampled", .number(Double(sampled))),
            ("sampled_fraction", .number(sampledFraction)),
            ("complete", .bool(complete)),
            ("start_cursor", .string(startCursor)),
            ("cursor", .string(cursor)),
            ("elapsed_seconds", .number(elapsed)),
            ("keys_per_second", .number(keysPerSecond)),
            ("commands", .number(Double(commands))),
            ("rate", .number(rate)),
            ("budget_seconds", .number(budget)),
            ("vanished", .number(Double(vanished))),
            ("stopped_by", stoppedBy.map(JSONValue.string) ?? .null),
            ("refusal", refusal.map(JSONValue.string) ?? .null),
            ("keys_refused", .number(Double(keysRefused))),
            ("key_refusal", keyRefusal.map(JSONValue.string) ?? .null),
            ("memory_refusal", memoryRefusal.map(JSONValue.string) ?? .null),
            ("ttl_refused", .number(Double(ttlRefused))),
            ("ttl_refusal", ttlRefusal.map(JSONValue.string) ?? .null),
            ("biggest_by_memory", .array(biggestByMemory.map(key))),
            ("biggest_by_length", .object(biggestByLength.map { ($0.type, .array($0.keys.map(key))) })),
            ("types", .object(types.sorted { $0.key < $1.key }.map {
                ($0.key, .object([("keys", .number(Double($0.value.keys))), ("memory_bytes", .number(Double($0.value.memory))),
                                  ("elements", .number(Double($0.value.elements)))]))
            })),
        ]
        if let forecast {
            var object: [(String, JSONValue)] = [
                ("start", .number(Double(forecast.startSecond))),
                ("volatile", .number(Double(forecast.volatile))),
                ("persistent", .number(Double(forecast.persistent))),
                ("later", .number(Double(forecast.later))),
                ("busiest", .array(forecast.busiest(10).map { .object([("second", .number(Double($0.second))), ("keys", .number(Double($0.count)))]) })),
            ]
            if let storm {
                object.append(("peak", .object([
                    ("second", .number(Double(storm.second))), ("time", .string(TimestampText.iso8601(Double(storm.second)))),
                    ("keys", .number(Double(storm.count))), ("share_percent", .number(storm.share)),
                    ("estimated_keys", .number(storm.estimatedKeys)), ("storm", .bool(storm.isStorm)),
                    ("prefixes", .array(storm.prefixes.map { .object([("prefix", .string($0.prefix)), ("keys", .number(Double($0.count)))]) })),
                ])))
            }
            pairs.append(("expiry_forecast", .object(object)))
        }
        return JSONValue.object(pairs).serialized(indent: 2) + "\n"
    }
}
