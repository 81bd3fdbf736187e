/// Everything one run found, ready for any renderer.
public struct CheckReport: Sendable, Hashable {
    /// Where the check went, without credentials (`127.0.0.1:6379`).
    public var target: String
    /// Facts about the server in display order (version, role, uptime...).
    public var server: [ServerFact]
    /// Every evaluated rule, including OK and SKIPPED ones, in evaluation order.
    public var results: [RuleResult]
    /// Set when the check could not (fully) run.
    public var error: CheckError?
    /// The raw counters the interval rules compare (expired_keys, used_cpu_sys, ...), so
    /// perfdata and metrics carry what a later sample is judged against.
    public var counters: [Metric] = []
    /// When the run ended and how long it took, set by whoever owns a clock (the CLI).
    public var timing: RunTiming?
    /// The root causes the findings imply, worst first; empty when none fits. They never
    /// change `status`, which stays the worst of the results.
    public var diagnoses: [DiagnosisResult] = []

    public init(target: String, server: [ServerFact] = [], results: [RuleResult] = [], error: CheckError? = nil,
                counters: [Metric] = [], timing: RunTiming? = nil) {
        self.target = target
        self.server = server
        self.results = results
        self.error = error
        self.counters = counters
        self.timing = timing
    }

    /// The worst of the results and the error; derived, never set by hand.
    public var status: Status {
        Status.worst(results.map(\.status) + (error.map { [$0.status] } ?? []))
    }

    /// The process exit code for a Nagios plugin run.
    public var exitCode: Int32 { status.nagiosExitCode }

    /// Results worst first; equal statuses keep their evaluation order.
    public var resultsWorstFirst: [RuleResult] {
        results.enumerated()
            .sorted { a, b in
                a.element.status.sortRank != b.element.status.sortRank
                    ? a.element.status.sortRank > b.element.status.sortRank
                    : a.offset < b.offset
            }
            .map(\.element)
    }
}

/// One named fact about the server (`role` = `master`, `uptime` = `3d 4h`).
///
/// Text and Nagios show `value`, written for people; JSON carries `number` when the fact
/// is a quantity, under `key` (the INFO field's name, in its base unit).
public struct ServerFact: Sendable, Hashable {
    public var name: String
    public var value: String
    /// The quantity in base units (bytes, seconds), for machine-readable output.
    public var number: Double?
    /// The JSON key: the INFO field the number comes from (`uptime_in_seconds`).
    public var key: String
    /// Read on the server's host (/proc, /sys), not from the server: the text report
    /// gives these a line of their own.
    public var fromHost: Bool

    public init(_ name: String, _ value: String, number: Double? = nil, key: String? = nil, fromHost: Bool = false) {
        self.name = name
        self.value = value
        self.number = number
        self.key = key ?? name
        self.fromHost = fromHost
    }
}

/// The run's own timing, for monitoring the monitor: a check that stopped running is an
/// alert of its own (seed 002).
public struct RunTiming: Sendable, Hashable {
    /// Seconds since the epoch when the run ended.
    public var finishedAt: Double
    /// Seconds from start-up to the report.
    public var duration: Double

    public init(finishedAt: Double, duration: Double) {
        self.finishedAt = finishedAt
        self.duration = duration
    }
}
