/// Sentinels that disagree on the master send clients to different servers: a split brain.
public enum SentinelAgreementRule: HealthRule {
    public static let description = RuleDescription(
        id: "sentinel-agreement",
        title: "Sentinel agreement",
        category: .sentinel,
        summary: "Every answering sentinel gives the same master address and config epoch.",
        rationale: """
            Clients ask any sentinel for the master (SENTINEL GET-MASTER-ADDR-BY-NAME). A sentinel \
            that missed a failover (partitioned, restarted with an old config) still sends them to \
            the old master, where writes are lost or refused. Sentinels converge within seconds of \
            a failover through their hello messages, so a disagreement that lasts is a WARNING, \
            naming who says what; so is a sentinel that does not monitor the master at all.
            """,
        fieldsRead: ["SENTINEL GET-MASTER-ADDR-BY-NAME", "SENTINEL MASTER config-epoch"],
        commandsNeeded: ["SENTINEL GET-MASTER-ADDR-BY-NAME", "SENTINEL MASTER"],
        examples: [
            RuleExample("Three sentinels agree", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.healthy), expect: .ok,
                        expectEvidence: ["3 sentinels agree: master 127.0.0.1:36379, config-epoch 0"]),
            RuleExample("After the failover they agree again", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.failedOver), expect: .ok,
                        expectEvidence: ["master 127.0.0.1:36380, config-epoch 1"]),
            RuleExample("One sentinel still on the old master", info: "",
                        sentinel: SentinelExample(sentinels: Array(SentinelCaptures.failedOver.prefix(2)) + [SentinelCaptures.healthy[2]]), expect: .warning,
                        expectEvidence: ["sentinels disagree on the master's address: 127.0.0.1:36380 (127.0.0.1:46379, 127.0.0.1:46380) vs 127.0.0.1:36379 (127.0.0.1:46381)",
                                         "disagree on the config epoch: 1"]),
            RuleExample("An ACL without GET-MASTER-ADDR-BY-NAME", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.healthy.map { sentinel in
                            var refused = sentinel
                            refused.masterAddress = "-" + SentinelCaptures.noPermission("get-master-addr-by-name")
                            return refused
                        }), expect: .unknown,
                        expectEvidence: ["127.0.0.1:46379 refused SENTINEL GET-MASTER-ADDR-BY-NAME: NOPERM this user has no permissions to run the 'sentinel|get-master-addr-by-name' command"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let sentinel = context.sentinel else { return context.skipped("not a sentinel check (use check --sentinel --master NAME)") }
        guard !sentinel.answering.isEmpty else { return context.result(.unknown, "no sentinel answered SENTINEL MASTER \(sentinel.masterName)") }
        // A refused GET-MASTER-ADDR-BY-NAME is no answer, not a disagreement.
        let refused = sentinel.answering.compactMap { $0.refusal("GET-MASTER-ADDR-BY-NAME") }
        if let first = refused.first {
            return context.result(.unknown, first, evidence: refused,
                                  advice: ["Let the checking user run SENTINEL GET-MASTER-ADDR-BY-NAME on every sentinel (--sentinel-user)."])
        }
        var problems: [String] = []
        let addresses = sentinel.groups(\.masterAddress)
        if addresses.count > 1 {
            problems.append("sentinels disagree on the master's address: " + addresses.map { "\($0.value) (\($0.sentinels.joined(separator: ", ")))" }.joined(separator: " vs "))
        }
        let epochs = sentinel.groups { $0.configEpoch.map { String($0) } }
        if epochs.count > 1 {
            problems.append("sentinels disagree on the config epoch: " + epochs.map { "\($0.value) (\($0.sentinels.joined(separator: ", ")))" }.joined(separator: " vs "))
        }
        for view in sentinel.views where !view.answered && view.snapshot != nil {
            let refusal = view.masterRefusal ?? "no answer"
            problems.append(refusal.hasPrefix("ERR No such master") ? "\(view.address) does not monitor \(sentinel.masterName): \(refusal)"
                                                                  : "\(view.address) refused SENTINEL MASTER: \(refusal)")
        }
        guard problems.isEmpty else {
            return context.result(.warning, problems[0] + (problems.count > 1 ? " (+\(problems.count - 1) more)" : ""), evidence: problems,
                                  advice: ["A sentinel that keeps an old master after the others moved on is cut off from them or was restarted from an old sentinel.conf: check its log, and SENTINEL RESET \(sentinel.masterName) on it once it can reach the others."])
        }
        let address = addresses.first?.value ?? "none"
        let epoch = epochs.first?.value ?? "unknown"
        return context.ok("\(sentinel.answering.count) sentinels agree: master \(address), config-epoch \(epoch)")
    }
}
