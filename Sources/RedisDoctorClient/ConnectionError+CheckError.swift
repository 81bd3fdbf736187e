import RedisDoctorCore

extension ConnectionError {
    /// The one-line message naming the target once ("connection refused by
    /// 127.0.0.1:6390" already names it).
    public func message(target: String) -> String {
        if case .timedOut(let stage, let elapsed) = self {
            return TimeoutText.message(stage: stage.reportedName, target: target, seconds: formatSeconds(elapsed))
        }
        let text = "\(self)"
        return text.contains(target) ? text : "\(text) (\(target))"
    }

    /// The check-level failure: unreachable or silent servers are CRITICAL ("the service
    /// is down"); bad credentials, permissions and protocol garbage are UNKNOWN.
    public func checkError(target: String) -> CheckError {
        let message = message(target: target)
        switch self {
        case .refused: return CheckError(kind: .connectionRefused, message: message, stage: "connect")
        case .timedOut(let stage, _): return CheckError(kind: .timeout, message: message, stage: stage.reportedName)
        case .nameNotResolved: return CheckError(kind: .unreachable, message: message, stage: "resolve")
        case .closed(let stage), .reset(let stage): return CheckError(kind: .connectionReset, message: message, stage: stage.description)
        case .system(let stage, _, _, _): return CheckError(kind: .unreachable, message: message, stage: stage.description)
        case .cancelled(let stage): return CheckError(kind: .internalError, message: message, stage: stage.description)
        case .server(let stage, let reply):
            // By the server's code: BUSY during SELECT is a server not serving, not a login problem.
            var error = CheckError.serverRefusal(reply, command: stage.description)
            error.message += " (\(target))"
            return error
        case .refusedByServer: return CheckError(kind: .serverRefused, message: message, stage: "connect")
        case .local(let stage, _): return CheckError(kind: .local, message: message, stage: stage.description)
        case .tls(let stage, _): return CheckError(kind: .tls, message: message, stage: stage.description)
        // A certificate or key file that cannot be used is the command line's fault.
        case .tlsSetup: return CheckError(kind: .usage, message: message, stage: "TLS setup")
        case .notRedis, .protocolError, .replyTooLarge, .tooManyLines: return CheckError(kind: .protocolError, message: message)
        }
    }
}
