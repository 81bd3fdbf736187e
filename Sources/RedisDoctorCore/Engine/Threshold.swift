/// A warning/critical pair of ranges for one metric.
public struct Threshold: Sendable, Hashable {
    public var warning: NagiosRange?
    public var critical: NagiosRange?

    public init(warning: NagiosRange? = nil, critical: NagiosRange? = nil) {
        self.warning = warning
        self.critical = critical
    }

    /// Parses both ranges; nil text means "no threshold".
    public init(warning: String?, critical: String?) throws(NagiosRangeError) {
        self.warning = try warning.map { (text) throws(NagiosRangeError) in try NagiosRange(parsing: text) }
        self.critical = try critical.map { (text) throws(NagiosRangeError) in try NagiosRange(parsing: text) }
    }

    /// CRITICAL is checked first, so overlapping ranges report the worse state.
    /// A NaN value is UNKNOWN: it cannot be judged either way.
    public func evaluate(_ value: Double) -> Status {
        if value.isNaN { return .unknown }
        if let critical, critical.alerts(value) { return .critical }
        if let warning, warning.alerts(value) { return .warning }
        return .ok
    }
}
