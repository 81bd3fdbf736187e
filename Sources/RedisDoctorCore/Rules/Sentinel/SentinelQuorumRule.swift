/// With too few sentinels left, a dead master stays dead: nobody can start a failover.
public enum SentinelQuorumRule: HealthRule {
    public static let description = RuleDescription(
        id: "sentinel-quorum",
        title: "Sentinel quorum",
        category: .sentinel,
        summary: "Enough sentinels answer to agree the master is down and to authorize a failover.",
        rationale: """
            INFO sentinel never forgets a peer: with two of three sentinels dead the survivor still \
            says status=ok,sentinels=3. SENTINEL CKQUORUM tells the truth, but only once a dead \
            peer has been silent for down-after-milliseconds (30 s by default). So this rule counts \
            both: the sentinels this run could not reach (those given with --seed and those the \
            others list) and each sentinel's CKQUORUM. Fewer answering than the quorum (no one can \
            flag the master o_down) or than a majority of the set (no one can be elected to fail \
            over), or a CKQUORUM that says NOQUORUM, is CRITICAL; any sentinel not answering is a \
            WARNING, naming it.
            """,
        fieldsRead: ["SENTINEL MASTER quorum, num-other-sentinels", "SENTINEL SENTINELS ip, port", "SENTINEL CKQUORUM"],
        commandsNeeded: ["SENTINEL MASTER", "SENTINEL SENTINELS", "SENTINEL CKQUORUM"],
        examples: [
            RuleExample("Three sentinels, each counting three", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.healthy),
                        expect: .ok, expectEvidence: ["3 of 3 sentinels answer; quorum 2, CKQUORUM OK on 3", "127.0.0.1:46379: OK 3 usable Sentinels"]),
            RuleExample("One sentinel killed: CKQUORUM still counts it", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.sentinelKilled),
                        expect: .warning, expectEvidence: ["2 of 3 sentinels answer", "127.0.0.1:46381: connection refused"]),
            RuleExample("Two killed: the survivor's CKQUORUM says OK, the count does not", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.twoSentinelsKilled), expect: .critical,
                        expectEvidence: ["1 of 3 sentinels answer; the quorum is 2", "127.0.0.1:46380: connection refused"]),
            RuleExample("Two killed, past down-after-milliseconds", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.twoSentinelsKilledLater), expect: .critical,
                        expectEvidence: ["1 of 3 sentinels answer"]),
            RuleExample("No sentinel monitors that name", info: "", sentinel: SentinelExample(masterName: "nosuch", sentinels: SentinelCaptures.noSuchMaster),
                        expect: .unknown, expectEvidence: ["no sentinel answered SENTINEL MASTER nosuch", "ERR No such master with that name"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let sentinel = context.sentinel else { return context.skipped("not a sentinel check (use check --sentinel --master NAME)") }
        let answering = sentinel.answering
        guard let quorum = sentinel.quorum, !answering.isEmpty else {
            return context.result(.unknown, "no sentinel answered SENTINEL MASTER \(sentinel.masterName)", evidence: sentinel.silent)
        }
        let known = sentinel.knownCount
        let metrics = [Metric("sentinels_known", Double(known), min: 0), Metric("sentinels_answering", Double(answering.count), min: 0),
                       Metric("sentinel_quorum", Double(quorum), min: 0)]
        let silent = sentinel.silent
        let counted = "\(answering.count) of \(known) sentinels answer"
        let advice = ["Start the stopped sentinels, or fix what keeps them from each other (firewall, announce-ip); redis-cli -p SENTINEL_PORT SENTINEL CKQUORUM \(sentinel.masterName) says what each one counts."]
        let checks = answering.compactMap { view in view.quorumCheck.map { (view.address, $0.ok, $0.text) } }
        // What each sentinel's CKQUORUM says against it, with the ones that did not answer.
        var evidence = checks.filter { !$0.1 }.map { "\($0.0): \($0.2)" } + silent
        // Sentinels it could not list were never asked: the count cannot judge them.
        let unlisted = answering.compactMap { $0.refusal("SENTINELS") }
        let notListed = known - sentinel.members.count
        if notListed > 0 {
            let note = "\(notListed) of the \(known) sentinels the set counts (num-other-sentinels) were not listed, so not asked"
            if !unlisted.isEmpty {
                return context.result(.unknown, "\(counted), but \(unlisted[0])", evidence: unlisted + [note] + evidence,
                                      advice: ["Let the checking user run SENTINEL SENTINELS (--sentinel-user), or name every sentinel with --seed."],
                                      metrics: metrics)
            }
            evidence.append(note)
        }
        if answering.count < quorum {
            return context.result(.critical, "\(counted); the quorum is \(quorum): the master cannot be flagged down, so no failover can start",
                                  evidence: evidence, advice: advice, metrics: metrics)
        }
        if answering.count < sentinel.majority {
            return context.result(.critical, "\(counted): a failover needs a majority (\(sentinel.majority)) to be authorized",
                                  evidence: evidence, advice: advice, metrics: metrics)
        }
        if let failed = checks.first(where: { !$0.1 && $0.2.hasPrefix("NOQUORUM") }) {
            return context.result(.critical, "\(failed.0) says \(failed.2)", evidence: evidence, advice: advice, metrics: metrics)
        }
        if !silent.isEmpty {
            return context.result(.warning, "\(counted) (\(SentinelState.listed(silent)))", evidence: silent, advice: advice, metrics: metrics)
        }
        // CKQUORUM refused (an ACL without it): the count above still judged, but not its view.
        if let refused = checks.first(where: { !$0.1 }) {
            return context.result(.unknown, "\(counted), but \(refused.0) refused SENTINEL CKQUORUM: \(refused.2)", metrics: metrics)
        }
        let unasked = answering.count - checks.count
        return context.ok("\(counted); quorum \(quorum), CKQUORUM OK on \(checks.count)", evidence: checks.map { "\($0.0): \($0.2)" },
                          metrics: metrics, notJudged: unasked > 0 ? "\(unasked) sentinels gave no CKQUORUM answer" : nil)
    }
}
