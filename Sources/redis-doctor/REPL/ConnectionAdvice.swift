import RedisDoctorClient
import RedisDoctorCore

/// A connection failure in words an operator can act on.
enum ConnectionAdvice {
    static func explain(_ error: ConnectionError, target: ConnectionTarget, timeout: Double) -> String {
        let seconds = HumanFormat.number(timeout)
        switch error {
        case .refused(let address):
            return "connection refused by \(address): nothing listens there (server down, wrong port, or bound to another interface)"
        case .timedOut(let stage, _):
            return TimeoutText.message(stage: stage.reportedName, target: target.address, seconds: "\(seconds) s")
        case .nameNotResolved(let host, let reason):
            return "could not resolve '\(host)': \(reason) (check the host name and DNS)"
        case .server(.auth, let message):
            return "AUTH failed: \(OutputText.oneLine(message)) (check -a/--user, REDISCLI_AUTH, or type AUTH)"
        case .server(let stage, let message) where message.hasPrefix("NOAUTH"):
            return "the server requires a password (\(stage): \(OutputText.oneLine(message))); use -a, REDISCLI_AUTH, or type AUTH [user] password"
        case .cancelled:
            return "cancelled"
        default:
            return "\(error) (\(target.address))"
        }
    }
}
