/// The server is loading its dataset from disk and answers LOADING to most commands.
public enum LoadingRule: HealthRule {
    public static let description = RuleDescription(
        id: "loading",
        title: "Loading the dataset",
        category: .server,
        summary: "The server is loading its RDB or AOF and refuses most commands until done.",
        rationale: """
            After a restart, or on a replica during a full sync, Redis loads the dataset and \
            answers -LOADING to most commands: for clients the server is down. A short load is a \
            WARNING; one with more than eta-critical seconds to go is CRITICAL. No existing \
            checker alerts on this.
            """,
        fieldsRead: ["loading", "loading_loaded_perc", "loading_eta_seconds"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        parameters: [
            RuleParameter(name: "eta-critical", defaultValue: "300", description: "CRITICAL when loading_eta_seconds is above this many seconds."),
        ],
        examples: [
            RuleExample(
                "Loading, almost done",
                info: "redis_version:7.2.6\nloading:1\nloading_start_time:1795342874\nloading_total_bytes:68241408\nloading_loaded_bytes:61417267\nloading_loaded_perc:90.00\nloading_eta_seconds:4\n",
                expect: .warning,
                expectEvidence: ["loading_loaded_perc=90%", "loading_eta_seconds=4 (4s)"]),
            RuleExample(
                "Loading with twenty minutes to go",
                info: "redis_version:6.2.16\nloading:1\nloading_loaded_perc:3.07\nloading_eta_seconds:1200\n",
                expect: .critical,
                expectEvidence: ["loading_eta_seconds=1200 (20m 0s)"]),
            RuleExample(
                "A lower limit for the ETA",
                info: "redis_version:6.2.16\nloading:1\nloading_loaded_perc:50.00\nloading_eta_seconds:90\n",
                settings: ["loading.eta-critical": "60"],
                expect: .critical,
                expectEvidence: ["loading_eta_seconds=90"]),
            RuleExample(
                "Not loading",
                info: "redis_version:7.2.6\nloading:0\n",
                expect: .ok),
            RuleExample(
                "No loading flag",
                info: "redis_version:7.2.5\ngarnet_version:1.0.0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let loading = info.flag(.loading) else {
            return context.skipped("the server prints no loading flag")
        }
        guard loading else { return context.ok("not loading", metrics: [Metric("loading", 0)]) }
        let etaCritical = try context.number("eta-critical")
        var evidence = ["loading=1"]
        var metrics = [Metric("loading", 1)]
        var summary = "loading the dataset: most commands answer -LOADING"
        let perc = info.number(.loadingLoadedPerc)
        let eta = info.number(.loadingEtaSeconds)
        if let perc {
            evidence.append("loading_loaded_perc=\(HumanFormat.number(perc))%")
            metrics.append(Metric("loading_loaded_perc", perc, unit: .percent, min: 0, max: 100))
        }
        var status = Status.warning
        if let eta {
            evidence.append("loading_eta_seconds=\(HumanFormat.number(eta)) (\(HumanFormat.duration(seconds: eta)))")
            let critical = try? NagiosRange(end: etaCritical)
            metrics.append(Metric("loading_eta", eta, unit: .seconds, critical: critical))
            if eta > etaCritical {
                status = .critical
                evidence.append("over eta-critical=\(HumanFormat.number(etaCritical)) s")
            }
        }
        if let perc, let eta {
            summary += " (\(HumanFormat.percent(perc)) done, about \(HumanFormat.duration(seconds: eta)) to go)"
        }
        let advice = [
            "Wait for loading:0, or send clients to a replica meanwhile; INFO persistence shows the progress.",
            "A slow load points at disk read speed or a large AOF: once loaded, BGREWRITEAOF shrinks the AOF.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
