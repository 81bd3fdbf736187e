/// One measured value a rule reports, for perfdata, JSON and Prometheus.
///
/// Values are in base units (bytes, not MiB). A metric whose value is NaN or
/// infinite is omitted by every renderer: there is no honest text for it, and the
/// rule that produced it is expected to report UNKNOWN itself.
public struct Metric: Sendable, Hashable {
    /// The perfdata label; rules make it unique within a report (e.g. `used_memory`).
    public var name: String
    public var value: Double
    public var unit: MetricUnit
    public var warning: NagiosRange?
    public var critical: NagiosRange?
    public var min: Double?
    public var max: Double?

    public init(
        _ name: String, _ value: Double, unit: MetricUnit = .none,
        warning: NagiosRange? = nil, critical: NagiosRange? = nil,
        min: Double? = nil, max: Double? = nil
    ) {
        self.name = name
        self.value = value
        self.unit = unit
        self.warning = warning
        self.critical = critical
        self.min = min
        self.max = max
    }

    /// A metric carrying the ranges of `threshold`.
    public init(_ name: String, _ value: Double, unit: MetricUnit = .none, threshold: Threshold, min: Double? = nil, max: Double? = nil) {
        self.init(name, value, unit: unit, warning: threshold.warning, critical: threshold.critical, min: min, max: max)
    }

    /// Whether renderers can print this metric (its value is finite).
    public var isRenderable: Bool { value.isFinite }
}

/// Units of measure allowed in perfdata; base units only.
public enum MetricUnit: String, Sendable, Hashable, CaseIterable {
    case bytes = "B"
    case seconds = "s"
    case milliseconds = "ms"
    case microseconds = "us"
    case percent = "%"
    case counter = "c"
    case none = ""

    /// The unit of measure text as written in perfdata.
    public var symbol: String { rawValue }
}
