/// The outcome of one rule, and of a whole check.
///
/// The overall status ranks CRITICAL > WARNING > UNKNOWN > OK. SKIPPED marks a rule
/// that was not evaluated (disabled, or a command it needs was not sent), so it never
/// raises or lowers the overall status: an all-skipped run is OK.
public enum Status: String, Sendable, Hashable, CaseIterable {
    case ok
    case warning
    case critical
    case unknown
    case skipped

    /// The word used in plugin output and reports.
    public var label: String {
        switch self {
        case .ok: return "OK"
        case .warning: return "WARNING"
        case .critical: return "CRITICAL"
        case .unknown: return "UNKNOWN"
        case .skipped: return "SKIPPED"
        }
    }

    /// Nagios plugin exit code. SKIPPED maps to 0 because it never counts as a problem.
    public var nagiosExitCode: Int32 {
        switch self {
        case .ok, .skipped: return 0
        case .warning: return 1
        case .critical: return 2
        case .unknown: return 3
        }
    }

    /// Rank for the overall status; nil for SKIPPED, which takes no part in it.
    public var severity: Int? {
        switch self {
        case .ok: return 0
        case .unknown: return 1
        case .warning: return 2
        case .critical: return 3
        case .skipped: return nil
        }
    }

    /// Rank for sorting findings worst first; SKIPPED sorts after OK.
    var sortRank: Int { severity ?? -1 }

    /// The most significant status in `statuses`, ignoring SKIPPED; OK when none remain.
    public static func worst<S: Sequence>(_ statuses: S) -> Status where S.Element == Status {
        var result = Status.ok
        for status in statuses {
            if let rank = status.severity, rank > (result.severity ?? 0) {
                result = status
            }
        }
        return result
    }
}
