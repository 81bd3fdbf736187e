/// What a deadline that passed means, in the operator's terms: what did not answer and
/// the likely causes, never the tool's own housekeeping (its CLIENT SETNAME).
public enum TimeoutText {
    /// The stage name for the commands a connection sends first (AUTH, SELECT, CLIENT SETNAME).
    public static let handshake = "handshake"

    /// `connected to 127.0.0.1:6379, but no reply to INFO in 2.0 s: the server may be frozen, ...`
    public static func message(stage: String, target: String, seconds: String) -> String {
        switch stage {
        case "resolve":
            return "could not resolve \(target) in \(seconds): the DNS server did not answer"
        case "connect":
            return "no answer from \(target) in \(seconds): the host may be down, unreachable or firewalled"
        case handshake:
            return "connected to \(target), but no reply in \(seconds): " + frozen
        default:
            return "connected to \(target), but no reply to \(stage) in \(seconds): " + frozen
        }
    }

    static let frozen = "the server may be frozen, swapping or busy (a long command, a fork)"
}
