/// `latency --format json`: one object, round trips in milliseconds.
extension LatencyReport {
    public func json() -> String {
        func ms(_ micros: UInt64) -> JSONValue { .number(Double(micros) / 1000) }
        var pings: [(String, JSONValue)] = [
            ("count", .number(Double(histogram.count))),
            ("timeouts", .number(Double(timeouts))),
            ("errors", .number(Double(errors))),
            ("last_cut_short", .bool(cutShort)),
            ("connections_lost", .number(Double(dropped))),
        ]
        if histogram.count > 0 {
            pings.append(("min_ms", ms(histogram.min)))
            for p in LatencyHistogram.percentiles { pings.append(("p\(HumanFormat.number(p))_ms", ms(histogram.value(atPercentile: p)))) }
            pings.append(("max_ms", ms(histogram.max)))
            pings.append(("mean_ms", .number(histogram.mean / 1000)))
        }
        let verdict = self.verdict
        let monitorObject: [(String, JSONValue)] = [
            ("threshold_ms", monitor.threshold.map { .number(Double($0)) } ?? .null),
            ("latest", .array(monitor.latest.map { .object([("event", .string($0.name)), ("timestamp", .number(Double($0.timestamp))),
                                                             ("latest_ms", .number(Double($0.latestMs))), ("max_ms", .number(Double($0.maxMs)))]) })),
            ("history", .object(monitor.history.map { ($0.event, .array($0.points.map { .array([.number(Double($0.timestamp)), .number(Double($0.ms))]) })) })),
            ("doctor", monitor.doctor.map(JSONValue.string) ?? .null),
            ("refusals", .array(monitor.refusals.map(JSONValue.string))),
        ]
        let object: JSONValue = .object([
            ("status", .string(verdict.status.rawValue)),
            ("reason", .string(verdict.reason)),
            ("target", .string(target)),
            ("duration_seconds", .number(duration)),
            ("elapsed_seconds", .number(elapsed)),
            ("rate", .number(rate)),
            ("stopped_by", stoppedBy.map(JSONValue.string) ?? .null),
            ("first_error", firstError.map(JSONValue.string) ?? .null),
            ("ping", .object(pings)),
            ("latency_monitor", .object(monitorObject)),
        ])
        return object.serialized(indent: 2) + "\n"
    }
}
