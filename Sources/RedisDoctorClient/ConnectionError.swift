/// The stage of an exchange, named in errors so an operator knows where it stuck.
public enum ConnectionStage: Sendable, Equatable, CustomStringConvertible {
    case resolve
    case connect
    case auth
    case select
    case command(String)

    public var description: String {
        switch self {
        case .resolve: return "resolve"
        case .connect: return "connect"
        case .auth: return "AUTH"
        case .select: return "SELECT"
        case .command(let name): return name
        }
    }
}

/// What went wrong talking to a server, and at which stage.
public enum ConnectionError: Error, Sendable, Equatable {
    case refused(address: String)
    case timedOut(stage: ConnectionStage, elapsedSeconds: Double)
    case nameNotResolved(host: String, reason: String)
    case closed(stage: ConnectionStage)
    case reset(stage: ConnectionStage)
    case notRedis(what: String)
    case replyTooLarge(limit: Int)
    case protocolError(String)
    case cancelled(stage: ConnectionStage)
    /// The server answered the handshake with an error (WRONGPASS, NOAUTH, NOPERM, LOADING...).
    case server(stage: ConnectionStage, message: String)
    case system(stage: ConnectionStage, call: String, errno: Int32, message: String)
}

extension ConnectionError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .refused(let address):
            return "connection refused by \(address)"
        case .timedOut(let stage, let elapsed):
            return "timed out in \(stage) after \(formatSeconds(elapsed))"
        case .nameNotResolved(let host, let reason):
            return "could not resolve '\(host)': \(reason)"
        case .closed(let stage):
            return "connection closed by the server during \(stage)"
        case .reset(let stage):
            return "connection reset by the server during \(stage)"
        case .notRedis(let what):
            return "not a Redis-protocol server: \(what)"
        case .replyTooLarge(let limit):
            return "reply larger than the limit of \(limit) bytes; refused to buffer it (raise --max-reply-bytes)"
        case .protocolError(let message):
            return "protocol error: \(message)"
        case .cancelled(let stage):
            return "cancelled during \(stage)"
        case .server(let stage, let message):
            return "\(stage) failed: \(message)"
        case .system(let stage, let call, _, let message):
            return "\(call) failed during \(stage): \(message)"
        }
    }

    /// True when the server could not be reached or did not answer in time:
    /// "the service is down" in Nagios terms.
    public var isUnreachable: Bool {
        switch self {
        case .refused, .timedOut, .nameNotResolved, .closed, .reset, .system: return true
        case .notRedis, .replyTooLarge, .protocolError, .cancelled, .server: return false
        }
    }
}

func formatSeconds(_ s: Double) -> String {
    let tenths = Int((s * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) s"
}
