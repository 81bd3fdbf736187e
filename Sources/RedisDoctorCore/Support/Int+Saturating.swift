extension Int {
    /// `Double` to `Int` without the trap `Int(_:)` has for NaN, infinities and values
    /// beyond ±9.2e18: server replies and files can carry any of them (`uptime_in_seconds:1e300`).
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.223_372_036_854_775e18 {
            self = .max
        } else if value <= -9.223_372_036_854_775e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }

    /// `self + other`, pinned at the bounds instead of trapping on overflow.
    public func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}

extension Int64 {
    /// `self + other`, pinned at the bounds: PTTLs, sizes and clocks come from the server.
    public func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// Seconds and microseconds (TIME's reply) as milliseconds; nil when out of range.
    public static func milliseconds(seconds: Int64, micros: Int64) -> Int64? {
        guard seconds >= 0, seconds < Int64.max / 1000 - 1, micros >= 0, micros < 1_000_000 else { return nil }
        return seconds * 1000 + micros / 1000
    }
}
