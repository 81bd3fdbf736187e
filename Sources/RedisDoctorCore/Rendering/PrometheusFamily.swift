/// A metric's Prometheus name and scale, after the naming guide: base units in the name
/// (seconds, bytes, ratios rather than percentages) and `_total` on counters.
///
/// `ping` in ms becomes `redis_doctor_ping_seconds` (value / 1000); `expired_stale_perc`
/// in % becomes `redis_doctor_expired_stale_ratio` (value / 100); the counter
/// `rejected_connections` becomes `redis_doctor_rejected_connections_total`.
struct PrometheusFamily {
    var name: String
    /// What multiplies the metric's value into the family's unit.
    var scale: Double
    /// ` (in seconds)`: how HELP tells what the perfdata name left to the UOM.
    var unitNote: String

    init(_ metric: Metric) {
        var base = Self.sanitized(metric.name)
        let suffix: String
        switch metric.unit {
        case .bytes: (suffix, scale, unitNote) = ("_bytes", 1, " in bytes")
        case .seconds: (suffix, scale, unitNote) = ("_seconds", 1, " in seconds")
        case .milliseconds: (suffix, scale, unitNote) = ("_seconds", 0.001, " in seconds (measured in ms)")
        case .microseconds: (suffix, scale, unitNote) = ("_seconds", 0.000_001, " in seconds (measured in us)")
        case .percent: (suffix, scale, unitNote) = ("_ratio", 0.01, " as a ratio from 0 to 1 (measured in %)")
        case .none: (suffix, scale, unitNote) = ("", 1, "")
        }
        // The unit is said once, at the end: `expired_stale_perc` is not `..._perc_ratio`.
        for unitWord in ["_milliseconds", "_ms", "_perc", "_pct", "_percent", "_seconds", "_bytes", "_total"] where base.hasSuffix(unitWord) {
            base.removeLast(unitWord.count)
            break
        }
        if !suffix.isEmpty && base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        if metric.kind == .counter {
            // `_total` says it once: total_error_replies is error_replies_total, and a
            // `_count` suffix would read as a histogram's.
            if base.hasPrefix("total_") { base.removeFirst("total_".count) }
            if base.hasSuffix("_count") { base.removeLast("_count".count) }
        }
        name = "redis_doctor_" + base + suffix + (metric.kind == .counter ? "_total" : "")
    }

    /// Metric names are `[a-zA-Z_:][a-zA-Z0-9_:]*`; lower-case by convention.
    static func sanitized(_ name: String) -> String {
        var out = ""
        for c in name.unicodeScalars {
            switch c {
            case "a"..."z", "0"..."9", "_": out.unicodeScalars.append(c)
            case "A"..."Z": out += String(c).lowercased()
            default: out += "_"
            }
        }
        return out
    }
}
