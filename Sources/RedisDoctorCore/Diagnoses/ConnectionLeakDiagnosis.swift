/// Seed 001: forked workers each kept a copy of their parent's pool, idle for hours, until
/// the client table and then the host's memory ran out.
public enum ConnectionLeakDiagnosis: Diagnosis {
    public static let description = DiagnosisDescription(
        id: "connection-leak",
        title: "connection leak from stale workers",
        summary: "Idle pools that were never used (forked or leaked clients) filling the client table or the host's memory.",
        rationale: """
            Stale connections alone are housekeeping. With the client table near maxclients, \
            connections refused, or the host's memory short or swapping, they are the cause: each \
            idle pool holds a connection slot and buffers, and a forked worker's copy of its parent's \
            pool is never closed. A pool opened and never used (idle time equal to its age) is the \
            fork signature and makes the diagnosis confirmed.
            """,
        findings: ["stale-connections", "client-capacity", "rejected-connections", "host-memory", "host-swap"],
        facts: ["CLIENT LIST idle and age per source and name"],
        ruledOutBy: "the stale pools gone after the workers restart, with the client count and memory back to normal",
        nextStep: "redis-doctor clients --idle 3600 names the pools; restart the workers that own them and make them open their own connections after fork (redis-doctor clients --kill prints the CLIENT KILL lines)",
        examples: [
            DiagnosisExample(
                "Seed 001: a forked pool of 40 never used, the client table at 95 %",
                info: "redis_version:7.2.4\nconnected_clients:9500\nmaxclients:10000\nserver_time_usec:1763800000000000\n",
                clientList: StaleConnectionsRule.description.examples[0].clientList,
                diagnosed: true, confidence: .confirmed,
                expectEvidence: ["stale-connections WARNING", "client-capacity", "never used"]),
            DiagnosisExample(
                "The same pool on a server with room: stale connections alone are no diagnosis",
                info: "redis_version:7.2.4\nconnected_clients:66\nmaxclients:10000\nserver_time_usec:1763800000000000\n",
                clientList: StaleConnectionsRule.description.examples[0].clientList,
                diagnosed: false),
        ]
    )

    public static func diagnose(_ input: DiagnosisInput) -> DiagnosisResult? {
        guard let stale = input.firing("stale-connections") else { return nil }
        let pressure = ["client-capacity", "rejected-connections", "host-memory", "host-swap"].compactMap(input.firing)
        guard !pressure.isEmpty else { return nil }
        let forked = stale.evidence.contains { $0.contains("never used") }
        // Slots taken or connections refused are the leak's own harm; memory or swap on this
        // host may be someone else's.
        let ownHarm = pressure.contains { $0.ruleID == "client-capacity" || $0.ruleID == "rejected-connections" }
        return description.result(forked && ownHarm ? .confirmed : .likely, headline: "\(description.title): \(DiagnosisInput.clause(stale))", findings: [stale] + pressure)
    }
}
