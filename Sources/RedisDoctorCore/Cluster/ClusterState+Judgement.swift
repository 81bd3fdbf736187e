extension ClusterState {
    /// Slots with no healthy owner that no pending failover is about to fix: unassigned ones
    /// and those of failed primaries without a replica that can take over in time.
    public var unservedSlotsWithoutPendingFailover: Int {
        var served = 0
        for primary in primaries where !(primary.isFailed || primary.isSuspected) || failoverPending(primary) {
            served += primary.slotCount
        }
        return max(0, 16384 - served)
    }

    /// "1.2 s ago", or "at an unknown time" without clocks.
    static func ago(_ seconds: Double?) -> String {
        guard let seconds else { return "at an unknown time" }
        return HumanFormat.duration(seconds: seconds) + " ago"
    }
}

extension ClusterView {
    /// The server's words when it refused `family`, for an UNKNOWN that says why.
    static func refusal(_ snapshot: ParsedSnapshot, _ family: String) -> String? {
        if case .refused(let reason) = snapshot.status(of: family) { return reason }
        return nil
    }
}
