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
