/// When the sampled volatile keys will expire, in one-second buckets over the next hour,
/// and the second that would hold the most: the expire storm of seed 004, before it comes.
public struct ExpiryForecast: Sendable {
    public static let horizon: Int64 = 3600
    /// Distinct prefixes kept per second: enough to name the culprits, bounded per bucket.
    static let prefixesPerSecond = 16

    /// The server's clock when sampling began, seconds since the epoch.
    public let startSecond: Int64
    public private(set) var counts: [Int64: Int] = [:]
    private var prefixes: [Int64: [String: Int]] = [:]
    public private(set) var volatile = 0
    public private(set) var persistent = 0
    /// Volatile keys expiring after the horizon.
    public private(set) var later = 0

    public init(startSecond: Int64) {
        self.startSecond = startSecond
    }

    /// A key whose PTTL was `pttl` ms when the server's clock read `nowMs`.
    public mutating func record(key: [UInt8], pttl: Int64, nowMs: Int64) {
        guard pttl >= 0 else {
            if pttl == -1 { persistent += 1 }
            return
        }
        volatile += 1
        let second = nowMs.saturatingAdd(pttl) / 1000
        guard second < startSecond.saturatingAdd(Self.horizon) else {
            later += 1
            return
        }
        counts[second, default: 0] += 1
        let prefix = Self.prefix(of: key)
        if prefixes[second]?[prefix] != nil || (prefixes[second]?.count ?? 0) < Self.prefixesPerSecond {
            prefixes[second, default: [:]][prefix, default: 0] += 1
        } else {
            prefixes[second, default: [:]]["(other)", default: 0] += 1
        }
    }

    /// The busiest seconds, most keys first (earlier first on a tie).
    public func busiest(_ n: Int) -> [(second: Int64, count: Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map { ($0.key, $0.value) }
    }

    /// The prefixes most represented in `second`, most first.
    public func prefixes(in second: Int64, top n: Int = 3) -> [(prefix: String, count: Int)] {
        (prefixes[second] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map { ($0.key, $0.value) }
    }

    /// Keys by minute over the hour, for the text chart.
    public func perMinute() -> [Int] {
        var minutes = Array(repeating: 0, count: Int(Self.horizon / 60))
        for (second, n) in counts {
            let minute = Int((second - startSecond) / 60)
            if minute >= 0 && minute < minutes.count { minutes[minute] += n }
        }
        return minutes
    }

    /// A key's family: up to its first `:` `/` `|` or `.` separator, else without trailing
    /// digits; printed with C escapes and a `*`.
    static func prefix(of key: [UInt8]) -> String {
        var cut = key.prefix(64)
        if let at = cut.firstIndex(where: { $0 == 0x3A || $0 == 0x2F || $0 == 0x7C || $0 == 0x2E }) {  // : / | .
            cut = cut[...at]
        } else {
            while let last = cut.last, last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9") { cut = cut.dropLast() }
        }
        let quoted = ReplyFormatter.quoted(Array(cut))
        return String(quoted.dropLast()) + "*\""
    }
}

/// When a forecast warns: one second holding at least `share` % of the sampled volatile
/// keys, and, scaled up to the whole keyspace, at least `minimumKeys`.
public struct StormThreshold: Sendable {
    public var share: Double
    public var minimumKeys: Double

    public static let defaultShare = 10.0
    public static let defaultMinimumKeys = 10_000.0

    public init(share: Double = StormThreshold.defaultShare, minimumKeys: Double = StormThreshold.defaultMinimumKeys) {
        self.share = share
        self.minimumKeys = minimumKeys
    }
}

/// The forecast's finding: the busiest second, and whether it is a storm.
public struct StormForecast: Sendable {
    public var second: Int64
    public var count: Int
    /// Percent of the sampled volatile keys.
    public var share: Double
    /// `count` scaled by the share of the keyspace sampled.
    public var estimatedKeys: Double
    public var prefixes: [(prefix: String, count: Int)]
    public var isStorm: Bool

    /// The busiest second of `forecast`, judged by `threshold`; nil without volatile keys in the hour.
    public init?(_ forecast: ExpiryForecast, sampledFraction: Double, threshold: StormThreshold) {
        guard forecast.volatile > 0, let peak = forecast.busiest(1).first else { return nil }
        second = peak.second
        count = peak.count
        share = Double(peak.count) / Double(forecast.volatile) * 100
        estimatedKeys = sampledFraction > 0 ? Double(peak.count) / min(1, sampledFraction) : Double(peak.count)
        prefixes = forecast.prefixes(in: peak.second)
        isStorm = share >= threshold.share && estimatedKeys >= threshold.minimumKeys
    }

    /// `200,000 keys (50.0% of the sampled volatile keys) expire in the second 2026-12-01T18:00:30Z, in 30 s; prefixes "storm:*" 200,000`
    public func sentence(from nowSecond: Int64) -> String {
        let prefixText = prefixes.map { "\($0.prefix) \(HumanFormat.number(Double($0.count)))" }.joined(separator: ", ")
        let estimate = estimatedKeys > Double(count) * 1.01 ? " (about \(HumanFormat.number(estimatedKeys.rounded())) in the whole keyspace)" : ""
        return "\(HumanFormat.number(Double(count))) sampled keys\(estimate), \(HumanFormat.percent(share)) of the sampled volatile keys, expire in the second "
            + "\(TimestampText.iso8601(Double(second))), in \(HumanFormat.duration(seconds: Double(max(0, second - nowSecond)))); prefixes: \(prefixText)"
    }
}
