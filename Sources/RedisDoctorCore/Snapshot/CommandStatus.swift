/// What happened to a command family in a snapshot, so rules can say why
/// they could not run ("SKIPPED: CONFIG GET refused: NOPERM ...").
public enum CommandStatus: Sendable, Equatable {
    /// Sent and answered with a non-error reply.
    case answered
    /// Sent; the server replied with an error.
    case refused(reason: String)
    /// Deliberately not sent by the collector.
    case skipped(reason: String)
    /// Neither sent nor recorded as skipped.
    case notSent

    /// A one-line explanation for unavailable data, nil when answered.
    public func explanation(for family: String) -> String? {
        switch self {
        case .answered: return nil
        case .refused(let reason): return "\(family) refused: \(reason)"
        case .skipped(let reason): return "\(family) skipped: \(reason)"
        case .notSent: return "\(family) not sent"
        }
    }
}
