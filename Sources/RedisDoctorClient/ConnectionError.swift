import RedisDoctorCore

/// The stage of an exchange, named in errors so an operator knows where it stuck.
public enum ConnectionStage: Sendable, Equatable, CustomStringConvertible {
    case resolve
    case connect
    case auth
    case select
    /// The TLS handshake, after the TCP connect.
    case tlsHandshake
    case command(String)

    public var description: String {
        switch self {
        case .resolve: return "resolve"
        case .connect: return "connect"
        case .auth: return "AUTH"
        case .select: return "SELECT"
        case .tlsHandshake: return "TLS handshake"
        case .command(let name): return name
        }
    }

    /// The name a timeout reports: the connection's first commands are one "handshake",
    /// whatever the tool itself sent in it.
    public var reportedName: String {
        switch self {
        case .auth, .select: return TimeoutText.handshake
        case .command(let name) where name == "CLIENT SETNAME": return TimeoutText.handshake
        default: return description
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
    case replyTooLarge(detail: String)
    /// A text reply had more lines than asked for (CLIENT LIST past --client-list-limit).
    case tooManyLines(limit: Int)
    /// The server sent an error and closed the connection (maxclients, protected mode).
    case refusedByServer(message: String)
    /// A problem on this host: permission on a unix socket, a path too long.
    case local(stage: ConnectionStage, message: String)
    case protocolError(String)
    case cancelled(stage: ConnectionStage)
    /// The server answered the handshake with an error (WRONGPASS, NOAUTH, NOPERM, LOADING...).
    case server(stage: ConnectionStage, message: String)
    case system(stage: ConnectionStage, call: String, errno: Int32, message: String)
    /// The TLS handshake or session failed: an unknown CA, a wrong name, an expired
    /// certificate, an alert, a plain port reached with --tls.
    case tls(stage: ConnectionStage, message: String)
    /// TLS could not be set up on this host: a --cacert, --cert or --key problem, no OpenSSL.
    case tlsSetup(message: String)
}

extension ConnectionError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .refused(let address):
            return "connection refused by \(address)"
        case .timedOut(let stage, let elapsed):
            let name = stage.reportedName
            return name == TimeoutText.handshake ? "no reply in \(formatSeconds(elapsed))" : "no reply to \(name) in \(formatSeconds(elapsed))"
        case .nameNotResolved(let host, let reason):
            return "could not resolve '\(host)': \(reason)"
        case .closed(let stage):
            return "connection closed by the server during \(stage)"
        case .reset(let stage):
            return "connection reset by the server during \(stage)"
        case .notRedis(let what):
            return "not a Redis-protocol server: \(what)"
        case .replyTooLarge(let detail):
            return "refused \(detail) (raise --max-reply-bytes)"
        case .tooManyLines(let limit):
            return "reply of more than \(limit) lines; stopped reading"
        case .refusedByServer(let message):
            return "the server refused the connection: " + Self.refusalText(OutputText.oneLine(message))
        case .local(let stage, let message):
            return "\(message) (during \(stage))"
        case .protocolError(let message):
            return "protocol error: \(message)"
        case .cancelled(let stage):
            return "cancelled during \(stage)"
        case .server(let stage, let message):
            return "\(stage) failed: \(OutputText.oneLine(message))"
        case .system(let stage, let call, _, let message):
            return "\(call) failed during \(stage): \(message)"
        case .tls(_, let message):
            return "TLS: \(message)"
        case .tlsSetup(let message):
            return "TLS: \(message)"
        }
    }

    /// True when the server could not be reached or did not answer in time:
    /// "the service is down" in Nagios terms.
    public var isUnreachable: Bool {
        switch self {
        case .refused, .timedOut, .nameNotResolved, .closed, .reset, .system, .tls: return true
        case .refusedByServer: return true
        case .notRedis, .replyTooLarge, .tooManyLines, .protocolError, .cancelled, .server, .local, .tlsSetup: return false
        }
    }
}

extension ConnectionError {
    /// Errors a server sends to refuse a connection outright, whatever was asked.
    static func isRefusal(_ message: String) -> Bool {
        message.hasPrefix("DENIED") || message.lowercased().contains("max number of clients reached")
    }

    /// The error for an error reply to the handshake (`stage`): judged by the server's
    /// words, since maxclients and protected mode answer whatever comes first, AUTH included.
    static func handshake(stage: ConnectionStage, message: String) -> ConnectionError {
        isRefusal(message) ? .refusedByServer(message: message) : .server(stage: stage, message: message)
    }

    /// The server's words without redundant prefixes, with the setting to look at.
    static func refusalText(_ message: String) -> String {
        var text = message
        if text.hasPrefix("ERR ") { text.removeFirst(4) }
        if text.lowercased().contains("max number of clients") { text += " (maxclients)" }
        return text
    }
}

func formatSeconds(_ s: Double) -> String {
    let tenths = Int((s * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) s"
}
