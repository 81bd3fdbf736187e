/// `--host-checks`: read the host only when the server is on it (`auto`, the default),
/// never (`off`), or from a named process (`pid=N`) for containers and odd setups.
public enum HostCheckMode: Sendable, Equatable {
    case auto
    case off
    case pid(Int)

    /// The mode, or the problem with `text`.
    public static func parse(_ text: String) -> Result<HostCheckMode, HostCheckModeError> {
        switch text {
        case "auto": return .success(.auto)
        case "off": return .success(.off)
        default:
            if text.hasPrefix("pid="), let n = Int(text.dropFirst(4)), n > 0 { return .success(.pid(n)) }
            return .failure(HostCheckModeError(message: "--host-checks \(text): expected auto, off or pid=N (a process id on this host)"))
        }
    }

    public var text: String {
        switch self {
        case .auto: return "auto"
        case .off: return "off"
        case .pid(let n): return "pid=\(n)"
        }
    }
}

public struct HostCheckModeError: Error, Sendable, Equatable {
    public var message: String
}

/// Whether the process INFO names is the server connected to, judged from what anyone
/// may read in /proc: its name, and its start time against the server's uptime. (The
/// executable's link and open sockets need the server's own user or root.)
public enum ServerProcessMatch {
    /// Process names of Redis-compatible servers (comm is cut at 15 characters).
    public static let serverNames: Set<String> = [
        "redis-server", "valkey-server", "keydb-server", "kvrocks", "dragonfly", "redis-stack-ser",
    ]

    /// Seconds the two start times may differ: uptime is whole seconds, and the clock
    /// ticks of /proc are read a moment after INFO.
    public static let startTolerance = 5.0

    /// How the process was recognised, or why it is not the server.
    /// - `status`: /proc/PID/status; nil when there is no such process.
    /// - `startedAt`: the process start in seconds since the epoch (btime + starttime / CLK_TCK).
    /// - `serverStartedAt`: the server's clock minus `uptime_in_seconds`.
    public static func judge(pid: Int, status: String?, startedAt: Double?, serverStartedAt: Double?) -> Result<String, HostAbsence> {
        guard let status else {
            return .failure(HostAbsence("process_id \(pid) from INFO is not a process on this host (a container or another host?); --host-checks pid=N names it"))
        }
        let name = ProcFields(parsing: status).text("Name") ?? "?"
        guard serverNames.contains(name) else {
            return .failure(HostAbsence("process \(pid) on this host is \(name), not a Redis-compatible server: the server is elsewhere (a container or a forwarded port?); --host-checks pid=N names it"))
        }
        // Fail closed: a name alone could be another server's (a sentinel is redis-server too).
        guard let startedAt, let serverStartedAt else {
            return .failure(HostAbsence("process \(pid) (\(name)) cannot be told from another server: its start time or the server's uptime is unknown; --host-checks pid=N names it"))
        }
        if (startedAt - serverStartedAt).magnitude > startTolerance {
            return .failure(HostAbsence("process \(pid) (\(name)) started \(TimestampText.iso8601(startedAt)), but the server has been up since \(TimestampText.iso8601(serverStartedAt)): another process with the same id (a container?)"))
        }
        return .success("process_id \(pid) from INFO: \(name), started with the server")
    }
}

/// Why a check has no host facts, worded for a SKIPPED result.
public struct HostAbsence: Error, Sendable, Equatable {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }
}
