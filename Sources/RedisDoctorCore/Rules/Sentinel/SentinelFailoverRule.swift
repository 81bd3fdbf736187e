/// A failover is the moment clients lose writes; one that never ends leaves no master at all.
public enum SentinelFailoverRule: HealthRule {
    public static let description = RuleDescription(
        id: "sentinel-failover",
        title: "Sentinel failover",
        category: .sentinel,
        summary: "No failover is running, none is stuck past failover-timeout, and one since the last run is reported once.",
        rationale: """
            A failover in progress (failover_in_progress, with its failover-state) is a WARNING; \
            one that has run longer than the master's failover-timeout (counted from o_down, which \
            starts it) is CRITICAL: the sentinels will retry, and until then there is no writable \
            master. A completed failover is only visible against an earlier sample: with \
            --state-file, --interval or --prev-perfdata (which carries the config epoch), a new \
            master or a higher config epoch is a WARNING once, "failover A → B (config-epoch n → \
            n+1)". Without an earlier sample the rule says OK with the current epoch as evidence.
            """,
        fieldsRead: ["SENTINEL MASTER flags, failover-state, o-down-time, failover-timeout, config-epoch", "SENTINEL GET-MASTER-ADDR-BY-NAME"],
        commandsNeeded: ["SENTINEL MASTER", "SENTINEL GET-MASTER-ADDR-BY-NAME"],
        examples: [
            RuleExample("No failover, no earlier sample", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.healthy), expect: .ok,
                        expectEvidence: ["config-epoch 0, master 127.0.0.1:36379"]),
            RuleExample("The leader is failing over", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.failoverInProgress), expect: .warning,
                        expectEvidence: ["failover of mymaster in progress (wait_start)", "127.0.0.1:46381: flags s_down,o_down,master,disconnected,failover_in_progress"]),
            RuleExample("Still failing over past failover-timeout", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.failoverInProgress.map { sentinel in
                            var late = sentinel
                            late.master = late.master?.replacingFieldValue("o-down-time", with: "12500")
                            return late
                        }), expect: .critical, expectEvidence: ["past failover-timeout (12.5 s > 10 s)"]),
            RuleExample("Failed over since the state file's sample", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.failedOver,
                                                  previous: SentinelSample(masterAddress: "127.0.0.1:36379", configEpoch: 0, source: "the state file")),
                        expect: .warning, expectEvidence: ["failover 127.0.0.1:36379 → 127.0.0.1:36380 (config-epoch 0 → 1)"]),
            RuleExample("Failed over, from the perfdata's epoch alone", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.failedOver,
                                                  previous: SentinelSample(masterAddress: nil, configEpoch: 0, source: "--prev-perfdata")),
                        expect: .warning, expectEvidence: ["failover to 127.0.0.1:36380 (config-epoch 0 → 1) since --prev-perfdata"]),
            RuleExample("Failed over, without an earlier sample", info: "", sentinel: SentinelExample(sentinels: SentinelCaptures.failedOver), expect: .ok,
                        expectEvidence: ["config-epoch 1, master 127.0.0.1:36380"]),
            RuleExample("Nothing changed since the last run", info: "",
                        sentinel: SentinelExample(sentinels: SentinelCaptures.failedOver,
                                                  previous: SentinelSample(masterAddress: "127.0.0.1:36380", configEpoch: 1, source: "the state file")),
                        expect: .ok, expectEvidence: ["no failover since the state file"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let sentinel = context.sentinel else { return context.skipped("not a sentinel check (use check --sentinel --master NAME)") }
        guard !sentinel.answering.isEmpty else { return context.result(.unknown, "no sentinel answered SENTINEL MASTER \(sentinel.masterName)") }
        let epoch = sentinel.configEpoch
        let address = sentinel.agreedMasterAddress ?? "unknown"
        let metrics = epoch.map { [Metric("sentinel_config_epoch", Double($0), min: 0)] } ?? []
        let running = sentinel.answering.filter { view in view.master.map { $0.hasFlag("failover_in_progress") || $0["failover-state"] != nil } ?? false }
        if let first = running.first, let master = first.master {
            let state = master["failover-state"].map { " (\($0))" } ?? ""
            let timeout = master.integer("failover-timeout").map { Double($0) / 1000 }
            let elapsed = running.compactMap { $0.master?.integer("o-down-time") }.max().map { Double($0) / 1000 }
            let since = elapsed.map { ", \(HumanFormat.fixed($0, 1)) s since o_down" } ?? ""
            let evidence = running.map { "\($0.address): flags \($0.master?["flags"] ?? ""), failover-state \($0.master?["failover-state"] ?? "-")" }
            if let timeout, let elapsed, elapsed > timeout {
                return context.result(.critical, "the failover of \(sentinel.masterName) has run past failover-timeout (\(HumanFormat.fixed(elapsed, 1)) s > \(HumanFormat.number(timeout)) s)\(state)",
                                      evidence: evidence,
                                      advice: ["No replica could be promoted or the promoted one does not answer: read the sentinels' logs (+failover-abort-*, -failover-abort-not-elected)."],
                                      metrics: metrics)
            }
            return context.result(.warning, "failover of \(sentinel.masterName) in progress\(state)\(since)", evidence: evidence,
                                  advice: ["Writes fail until a replica is promoted and clients follow it; the sentinels log +switch-master when it is done. Past failover-timeout, read their logs."],
                                  metrics: metrics)
        }
        let now = "config-epoch \(epoch.map { String($0) } ?? "unknown"), master \(address)"
        guard let previous = sentinel.previous else {
            return context.ok("no failover in progress; \(now)", evidence: [now], metrics: metrics,
                              notJudged: "a completed failover: no earlier sample (--state-file, --interval or --prev-perfdata)")
        }
        let movedAddress = previous.masterAddress.map { $0 != address && address != "unknown" } ?? false
        let newerEpoch = (previous.configEpoch ?? Int64.max) < (epoch ?? Int64.min)
        guard movedAddress || newerEpoch else {
            return context.ok("no failover since \(previous.source); \(now)", evidence: [now], metrics: metrics)
        }
        let from = previous.masterAddress.map { "\($0) → " } ?? "to "
        let epochs = "config-epoch \(previous.configEpoch.map { String($0) } ?? "?") → \(epoch.map { String($0) } ?? "?")"
        return context.result(.warning, "failover \(from)\(address) (\(epochs)) since \(previous.source)", evidence: [now],
                              advice: ["Clients that cache the master's address (not asking the sentinels) still write to the old one: check them. Find out why the old master failed before it rejoins as a replica."],
                              metrics: metrics)
    }
}
