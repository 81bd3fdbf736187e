/// What `redis-doctor latency` saw: the PING round trips of the run, and what the server's
/// own latency monitor recorded. Filled by the client, judged and printed here.
public struct LatencyReport: Sendable {
    public var target: String
    /// The budget asked for and the time the PINGs actually took.
    public var duration: Double
    public var elapsed: Double = 0
    /// PINGs per second asked for; 0 is one after another.
    public var rate: Double
    public var histogram = LatencyHistogram()
    /// PINGs with no reply within -t: each dropped the connection, and a new one was opened.
    public var timeouts = 0
    public var timeoutSeconds: Double
    /// Error replies to PING (LOADING, NOPERM...), with the first one's words.
    public var errors = 0
    public var firstError: String?
    /// A reconnect that failed ends the sampling; its reason.
    public var stoppedBy: String?
    /// Connections the server closed or reset mid-run (each reopened), the first one's words.
    public var dropped = 0
    public var firstDrop: String?
    /// The last PING was still waiting when the duration ended: the max is a lower bound.
    public var cutShort = false
    public var monitor = LatencyMonitor()

    public init(target: String, duration: Double, rate: Double, timeoutSeconds: Double) {
        self.target = target
        self.duration = duration
        self.rate = rate
        self.timeoutSeconds = timeoutSeconds
    }

    public static let interrupted = "interrupted (Ctrl-C)"

    /// The latency rule's PING thresholds, in milliseconds.
    static let warningMs = Double(LatencyRule.description.defaultWarning ?? "100") ?? 100
    static let criticalMs = Double(LatencyRule.description.defaultCritical ?? "500") ?? 500

    /// The run's verdict and why: the slowest PING against the latency rule's thresholds
    /// (a PING with no reply is CRITICAL); UNKNOWN when no PING was answered at all.
    public var verdict: (status: Status, reason: String) {
        if let stoppedBy, stoppedBy != Self.interrupted {
            return (.critical, "sampling stopped: \(stoppedBy)")
        }
        if dropped > 0 { return (.critical, "the connection was lost \(dropped) time(s): \(firstDrop ?? "")") }
        if histogram.count == 0 {
            if timeouts > 0 { return (.critical, "no PING answered within \(HumanFormat.number(timeoutSeconds)) s (\(timeouts) timed out)") }
            return (.unknown, firstError.map { "PING refused: \($0)" } ?? stoppedBy ?? "no PING was answered")
        }
        if errors > 0 && UInt64(errors) >= histogram.count {
            // No reply was PONG (NOPERM, LOADING, garbage): the round trips measure no answer.
            return (.unknown, "no PING was answered with PONG: \(firstError ?? "")")
        }
        let maxMs = Double(histogram.max) / 1000
        if timeouts > 0 { return (.critical, "\(timeouts) PING(s) had no reply within \(HumanFormat.number(timeoutSeconds)) s") }
        if maxMs >= Self.criticalMs { return (.critical, "max \(LatencyHistogram.ms(histogram.max)) >= \(HumanFormat.number(Self.criticalMs)) ms") }
        if maxMs >= Self.warningMs { return (.warning, "max \(LatencyHistogram.ms(histogram.max)) >= \(HumanFormat.number(Self.warningMs)) ms") }
        if errors > 0 { return (.warning, "\(errors) PING(s) not answered with PONG: \(firstError ?? "")") }
        return (.ok, "max \(LatencyHistogram.ms(histogram.max)) < \(HumanFormat.number(Self.warningMs)) ms")
    }
}

/// The server's latency monitor: LATENCY LATEST, LATENCY HISTORY per event and LATENCY
/// DOCTOR, or why they could not be read.
public struct LatencyMonitor: Sendable {
    /// latency-monitor-threshold in ms; 0 means the monitor records nothing.
    public var threshold: Int64?
    public var latest: [LatencyEvent] = []
    public var history: [(event: String, points: [(timestamp: Int64, ms: Int64)])] = []
    public var doctor: String?
    /// A refused command and the server's words (`LATENCY LATEST: NOPERM ...`).
    public var refusals: [String] = []

    public init() {}

    /// LATENCY HISTORY's rows: [timestamp, latency].
    public static func historyPoints(_ reply: RedisReply) -> [(timestamp: Int64, ms: Int64)] {
        (reply.array ?? []).compactMap { row in
            guard let items = row.array, items.count >= 2, let t = items[0].integer, let ms = items[1].integer else { return nil }
            return (t, ms)
        }
    }
}
