/// The sentinels may agree on an address that is no longer a master: clients then write to a replica.
public enum SentinelMasterRule: HealthRule {
    public static let description = RuleDescription(
        id: "sentinel-master",
        title: "Sentinel master",
        category: .sentinel,
        summary: "No sentinel flags the master down, and the address they give answers ROLE as master.",
        rationale: """
            A master flagged o_down by a quorum is down and a failover is due (CRITICAL); flagged \
            s_down by some sentinels only, it may be cut off from them (WARNING). And whatever the \
            sentinels believe, the address they hand to clients must be a master now: it is asked \
            ROLE directly, with the data nodes' credentials (-a/--user), not the sentinels'. An \
            address that does not answer, or answers as a replica (a demoted primary the sentinels \
            still point at), is CRITICAL; a ROLE refused by the server is UNKNOWN in its words.
            """,
        fieldsRead: ["SENTINEL MASTER flags, s-down-time, o-down-time", "SENTINEL GET-MASTER-ADDR-BY-NAME", "ROLE at that address"],
        commandsNeeded: ["SENTINEL MASTER", "SENTINEL GET-MASTER-ADDR-BY-NAME", "ROLE"],
        examples: [
            RuleExample("The master answers as master", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.healthy, probe: SentinelCaptures.healthyProbe), expect: .ok,
                        expectEvidence: ["master 127.0.0.1:36379 answers ROLE as master"]),
            RuleExample("Killed, and flagged o_down by the failover's leader", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.failoverInProgress, probe: SentinelCaptures.killedMasterProbe),
                        expect: .critical, expectEvidence: ["the master 127.0.0.1:36379 is objectively down (o_down on 1 of 3 sentinels", "127.0.0.1:46381: flags s_down,o_down,master"]),
            RuleExample("The address the sentinels give answers as a replica", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.healthy, probe: SentinelCaptures.demotedProbe), expect: .critical,
                        expectEvidence: ["127.0.0.1:36379, the master the sentinels give, answers ROLE as slave of 127.0.0.1:36380"]),
            RuleExample("The new master after a failover", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.failedOver, probe: SentinelCaptures.failedOverProbe), expect: .ok,
                        expectEvidence: ["master 127.0.0.1:36380 answers ROLE as master"]),
            RuleExample("ROLE refused by the data node", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.healthy,
                                                  probe: SentinelMasterProbe(address: "127.0.0.1:36379", reply: .error("NOPERM this user has no permissions to run the 'role' command"))),
                        expect: .unknown, expectEvidence: ["127.0.0.1:36379 refused ROLE: NOPERM"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let sentinel = context.sentinel else { return context.skipped("not a sentinel check (use check --sentinel --master NAME)") }
        guard !sentinel.answering.isEmpty else { return context.result(.unknown, "no sentinel answered SENTINEL MASTER \(sentinel.masterName)") }
        let address = sentinel.agreedMasterAddress ?? sentinel.freshest?.master?.address ?? "unknown"
        let objective = sentinel.answering.filter { $0.master?.hasFlag("o_down") == true }
        let subjective = sentinel.answering.filter { $0.master?.hasFlag("s_down") == true }
        let advice = ["Find out why the master stopped answering its sentinels (its log, the host); the sentinels fail over once a quorum agrees it is down."]
        if let first = objective.first {
            let seconds = first.master?.integer("o-down-time").map { " for \(HumanFormat.fixed(Double($0) / 1000, 1)) s" } ?? ""
            return context.result(.critical, "the master \(address) is objectively down (o_down on \(objective.count) of \(sentinel.answering.count) sentinels\(seconds))",
                                  evidence: objective.map { "\($0.address): flags \($0.master?["flags"] ?? "")" }, advice: advice)
        }
        let probeResult = probe(context, sentinel, address: address)
        if let probeResult, probeResult.status == .critical { return probeResult }
        if !subjective.isEmpty {
            return context.result(.warning, "\(SentinelState.listed(subjective.map(\.address))) flag the master \(address) s_down (subjectively down)",
                                  evidence: subjective.map { "\($0.address): flags \($0.master?["flags"] ?? "")" }, advice: advice)
        }
        let refused = sentinel.answering.compactMap { $0.refusal("GET-MASTER-ADDR-BY-NAME") }.first
        return probeResult ?? context.result(.unknown, refused ?? "no sentinel gave the master's address (SENTINEL GET-MASTER-ADDR-BY-NAME)")
    }

    /// What the agreed address answered to ROLE.
    private static func probe(_ context: RuleContext, _ sentinel: SentinelState, address: String) -> RuleResult? {
        guard let probe = sentinel.probe else { return nil }
        if let reason = probe.notAsked {
            return context.result(.unknown, "ROLE was not asked at \(probe.address): \(reason)", evidence: ["ROLE at \(probe.address): not asked"])
        }
        if let failure = probe.failure {
            return context.result(.critical, "the master \(probe.address) the sentinels give does not answer: \(failure)", evidence: ["ROLE at \(probe.address): \(failure)"],
                                  advice: ["Clients are sent to an address that does not answer: check the server, and whether the sentinels see it down."])
        }
        if let refusal = probe.refusal {
            return context.result(.unknown, "\(probe.address) refused ROLE: \(refusal)", evidence: ["ROLE at \(probe.address): \(refusal)"],
                                  advice: ["Give the checking user ROLE on the data nodes (-a/--user are for the data nodes; the sentinels' own are --sentinel-user and REDISDOCTOR_SENTINEL_AUTH)."])
        }
        guard probe.role == "master" else {
            let following = probe.following.map { " of \($0)" } ?? ""
            return context.result(.critical, "\(probe.address), the master the sentinels give, answers ROLE as \(probe.role ?? "nothing")\(following)",
                                  evidence: ["ROLE at \(probe.address): \(probe.role ?? "no role")\(following)"],
                                  advice: ["Clients asking the sentinels write to a server that is not a master. SENTINEL FAILOVER \(sentinel.masterName) on one sentinel, or fix the server's replicaof, then check again."])
        }
        return context.ok("master \(probe.address) answers ROLE as master; no sentinel flags it down")
    }
}
