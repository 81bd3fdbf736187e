/// One measured value a rule reports, for perfdata, JSON and Prometheus.
///
/// Values are in base units (bytes, not MiB). A metric whose value is NaN or
/// infinite is omitted by every renderer: there is no honest text for it, and the
/// rule that produced it is expected to report UNKNOWN itself.
public struct Metric: Sendable, Hashable {
    /// The perfdata label; rules make it unique within a report (e.g. `used_memory`).
    public var name: String
    public var value: Double
    /// The base unit of `value` (a counter of seconds is `.seconds`, of events `.none`).
    public var unit: MetricUnit
    /// A gauge goes up and down; a counter only grows while the server process lives.
    public var kind: MetricKind
    public var warning: NagiosRange?
    public var critical: NagiosRange?
    public var min: Double?
    public var max: Double?

    public init(
        _ name: String, _ value: Double, unit: MetricUnit = .none, kind: MetricKind = .gauge,
        warning: NagiosRange? = nil, critical: NagiosRange? = nil,
        min: Double? = nil, max: Double? = nil
    ) {
        self.name = name
        self.value = value
        self.unit = unit
        self.kind = kind
        self.warning = warning
        self.critical = critical
        self.min = min
        self.max = max
    }

    /// A metric carrying the ranges of `threshold`.
    public init(_ name: String, _ value: Double, unit: MetricUnit = .none, kind: MetricKind = .gauge, threshold: Threshold,
                min: Double? = nil, max: Double? = nil) {
        self.init(name, value, unit: unit, kind: kind, warning: threshold.warning, critical: threshold.critical, min: min, max: max)
    }

    /// Whether renderers can print this metric (its value is finite).
    public var isRenderable: Bool { value.isFinite }
}

/// Units of measure, as the Nagios plugin guidelines spell them (perfdata UOM).
public enum MetricUnit: String, Sendable, Hashable, CaseIterable {
    case bytes = "B"
    case seconds = "s"
    case milliseconds = "ms"
    case microseconds = "us"
    case percent = "%"
    case none = ""

    /// The unit of measure text as written in perfdata and JSON.
    public var symbol: String { rawValue }
}

/// How a value behaves over time, which decides how tools may graph or rate it.
public enum MetricKind: String, Sendable, Hashable, CaseIterable {
    /// A current value: memory used, a percentage, a duration.
    case gauge
    /// A count that only grows while the server process lives (perfdata `c`,
    /// Prometheus `_total`): expired_keys, used_cpu_sys.
    case counter
}
