/// A failure of the check as a whole (the server could not be reached or asked),
/// as opposed to a rule's finding.
public struct CheckError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case connectionRefused = "connection-refused"
        case connectionReset = "connection-reset"
        case unreachable
        case timeout
        case authentication
        /// The ACL user may not run a command the verdict needs (NOPERM).
        case permission
        /// The server refused a command the verdict needs (unknown, renamed, disabled).
        case commandRefused = "command-refused"
        /// The server answers nothing but BUSY: a script or function is running away.
        case serverBusy = "server-busy"
        /// The server refused INFO with LOADING: it is loading its dataset.
        case serverLoading = "server-loading"
        /// The server sent an error and closed: maxclients reached, protected mode.
        case serverRefused = "server-refused"
        case protocolError = "protocol"
        /// A local problem: an input file, a socket path, a permission on this host.
        case local
        /// Every enabled rule was skipped: the data read holds nothing they can judge.
        case nothingJudged = "nothing-judged"
        /// The TLS handshake or session failed: an unknown CA, a wrong name, an expired
        /// certificate, an alert.
        case tls
        case usage
        case internalError = "internal"

        /// The guidelines' mapping: a server that cannot be reached or is not serving is
        /// down (CRITICAL); when we cannot tell (bad credentials, a refused command, bad
        /// input, our own bug) it is UNKNOWN.
        public var defaultStatus: Status {
            switch self {
            case .connectionRefused, .connectionReset, .unreachable, .timeout, .serverBusy, .serverLoading, .serverRefused, .tls:
                return .critical
            case .authentication, .permission, .commandRefused, .protocolError, .local, .nothingJudged, .usage, .internalError:
                return .unknown
            }
        }
    }

    public var kind: Kind
    /// Full one-line message (`connection refused to 127.0.0.1:6379`).
    public var message: String
    /// The step that failed (`connect`, `AUTH`, `INFO`), when known.
    public var stage: String?
    /// The status this error gives the check; `kind.defaultStatus` unless overridden
    /// (e.g. by `--unreachable-state`).
    public var status: Status

    public init(kind: Kind, message: String, stage: String? = nil, status: Status? = nil) {
        self.kind = kind
        self.message = message
        self.stage = stage
        self.status = status ?? kind.defaultStatus
    }

    public var description: String { message }

    public static func connectionRefused(target: String, detail: String? = nil) -> CheckError {
        CheckError(kind: .connectionRefused, message: "connection refused to \(target)" + (detail.map { " (\($0))" } ?? ""), stage: "connect")
    }

    public static func timeout(stage: String, seconds: Double, target: String) -> CheckError {
        CheckError(kind: .timeout, message: TimeoutText.message(stage: stage, target: target, seconds: "\(NumberText.format(seconds) ?? "?") s"), stage: stage)
    }

    public static func authentication(_ serverMessage: String) -> CheckError {
        CheckError(kind: .authentication, message: "authentication failed: \(serverMessage)", stage: "AUTH")
    }
}
