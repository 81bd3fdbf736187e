/// A replica's link to its primary: up, silent, down or resyncing.
public enum ReplicationLinkRule: HealthRule {
    public static let description = RuleDescription(
        id: "replication-link",
        title: "Replication link",
        category: .replication,
        summary: "On a replica: master_link_status with a grace period, master_last_io_seconds_ago, and full-sync progress.",
        rationale: """
            A replica whose link is down serves stale reads and cannot take over. Short drops happen (a \
            primary restart, a network blip), so a link down for less than down-grace (60 s) is a WARNING \
            and CRITICAL beyond. master_link_down_since_seconds is unusable when the link never came up: \
            before 6.2.2 it prints the epoch time, from 6.2.2 -1; the rule then takes the uptime as the \
            duration (the link has been down at most that long, and since start if it never came up). \
            While the link is up, the primary pings every repl-ping-replica-period (10 s), so \
            master_last_io_seconds_ago over 30 s is a WARNING and over 60 s (the default repl-timeout) \
            CRITICAL. A full sync in progress is a WARNING with the bytes left and, with two samples, an ETA. \
            On a primary the rule does not apply: SKIPPED.
            """,
        fieldsRead: ["role", "master_link_status", "master_link_down_since_seconds", "master_last_io_seconds_ago",
                     "master_sync_in_progress", "master_sync_left_bytes", "master_sync_total_bytes",
                     "master_sync_read_bytes", "master_host", "master_port", "uptime_in_seconds"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "master_last_io_age",
        defaultWarning: "@30:",
        defaultCritical: "@60:",
        parameters: [
            RuleParameter(name: "down-grace", defaultValue: "60", description: "Seconds a down link is only a WARNING; CRITICAL from then on."),
        ],
        examples: [
            RuleExample(
                "Link down for 4 s",
                info: "redis_version:7.2.6\nuptime_in_seconds:3600\nrole:slave\nmaster_host:127.0.0.1\nmaster_port:19040\nmaster_link_status:down\nmaster_last_io_seconds_ago:-1\nmaster_sync_in_progress:0\nmaster_link_down_since_seconds:4\n",
                expect: .warning,
                expectEvidence: ["master_link_status=down", "4s"]),
            RuleExample(
                "Link down for 10 minutes",
                info: "redis_version:7.2.6\nuptime_in_seconds:86400\nrole:slave\nmaster_host:10.0.0.5\nmaster_port:6379\nmaster_link_status:down\nmaster_last_io_seconds_ago:-1\nmaster_sync_in_progress:0\nmaster_link_down_since_seconds:600\n",
                expect: .critical,
                expectEvidence: ["10m 0s"]),
            RuleExample(
                "Redis 5.0 prints the epoch for a link that never came up: the uptime bounds it",
                info: "redis_version:5.0.14\nuptime_in_seconds:7200\nrole:slave\nmaster_host:10.0.0.5\nmaster_port:6379\nmaster_link_status:down\nmaster_last_io_seconds_ago:-1\nmaster_sync_in_progress:0\nmaster_link_down_since_seconds:1795342236\n",
                expect: .critical,
                expectEvidence: ["duration unknown", "2h 0m"]),
            RuleExample(
                "Full sync in progress, ETA from two samples",
                info: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800010000000\nuptime_in_seconds:100\nrole:slave\nmaster_link_status:down\nmaster_sync_in_progress:1\nmaster_sync_total_bytes:2147483648\nmaster_sync_read_bytes:1073741824\nmaster_sync_left_bytes:1073741824\nmaster_link_down_since_seconds:-1\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nuptime_in_seconds:90\nrole:slave\nmaster_link_status:down\nmaster_sync_in_progress:1\nmaster_sync_total_bytes:2147483648\nmaster_sync_read_bytes:536870912\nmaster_sync_left_bytes:1610612736\n",
                expect: .warning,
                expectEvidence: ["1 GiB left", "ETA 20s"]),
            RuleExample(
                "Primary silent for 45 s",
                info: "redis_version:7.2.6\nrole:slave\nmaster_link_status:up\nmaster_last_io_seconds_ago:45\nmaster_sync_in_progress:0\n",
                expect: .warning,
                expectEvidence: ["master_last_io_seconds_ago=45"]),
            RuleExample(
                "Healthy replica",
                info: "redis_version:7.2.6\nrole:slave\nmaster_host:127.0.0.1\nmaster_port:6379\nmaster_link_status:up\nmaster_last_io_seconds_ago:1\nmaster_sync_in_progress:0\n",
                expect: .ok),
            RuleExample(
                "A primary",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let role = info.string(.role) else { return context.skipped("the server prints no role") }
        guard role == "slave" || role == "replica" else { return context.skipped("not a replica (role:\(role))") }
        let threshold = context.threshold()
        let master = [info.string(.masterHost), info.number(.masterPort).map { HumanFormat.number($0) }]
            .compactMap { $0 }.joined(separator: ":")
        let of = master.isEmpty ? "" : " to \(master)"
        var metrics: [Metric] = []
        let linkStatus = info.string(.masterLinkStatus)
        let advice = [
            "On the replica: INFO replication and the log (\"Connecting to MASTER\", \"MASTER aborted replication\"); check the primary is up and reachable (redis-cli -h <master_host> -p <master_port> PING).",
            "Check masterauth/masteruser, repl-timeout and the primary's client-output-buffer-limit replica; a sync that keeps restarting needs a larger repl-backlog-size or buffer limit.",
        ]

        // A full sync in progress: report progress and an ETA.
        if info.flag(.masterSyncInProgress) == true {
            var evidence = ["master_sync_in_progress=1 (full sync\(of))"]
            let left = info.number(.masterSyncLeftBytes)
            if let left {
                var line = "\(HumanFormat.bytes(left)) left"
                if let total = info.number(.masterSyncTotalBytes), total > 0 { line += " of \(HumanFormat.bytes(total))" }
                let read = context.delta(.masterSyncReadBytes) ?? context.delta(.masterSyncLeftBytes).map { -$0 }
                if let read, read > 0, let interval = context.interval {
                    let rate = read / interval
                    line += " at \(HumanFormat.bytes(rate))/s, ETA \(HumanFormat.duration(seconds: left / rate))"
                    metrics.append(Metric("master_sync_eta", left / rate, unit: .seconds))
                }
                evidence.append(line)
                metrics.append(Metric("master_sync_left", left, unit: .bytes))
            } else {
                evidence.append("size unknown (master_sync_left_bytes=-1: diskless or not started)")
                if let read = info.number(.masterSyncReadBytes) { evidence.append("master_sync_read_bytes=\(HumanFormat.bytes(read))") }
            }
            return context.result(.warning, "full sync\(of) in progress", evidence: evidence, advice: advice, metrics: metrics)
        }

        if let linkStatus, linkStatus != "up" {
            let grace = try context.number("down-grace")
            var evidence = ["master_link_status=\(linkStatus)\(of)"]
            let duration: Double?
            if let since = info.number(.masterLinkDownSinceSeconds) {
                duration = since
                evidence.append("master_link_down_since_seconds=\(HumanFormat.number(since)) (down for \(HumanFormat.duration(seconds: since)))")
            } else {
                duration = info.number(.uptimeSeconds)
                evidence.append("duration unknown (master_link_down_since_seconds is -1 or an epoch time: the link never came up)"
                                + (duration.map { "; down at most the uptime, \(HumanFormat.duration(seconds: $0))" } ?? ""))
            }
            let status: Status = (duration ?? .infinity) < grace ? .warning : .critical
            if let duration { metrics.append(Metric("master_link_down", duration, unit: .seconds)) }
            let summary = "link\(of) down" + (duration.map { " for \(HumanFormat.duration(seconds: $0))" } ?? "")
            return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
        }

        guard let lastIO = info.number(.masterLastIoSecondsAgo) else {
            return context.ok("link\(of) \(linkStatus ?? "status unknown")")
        }
        let status = threshold.evaluate(lastIO)
        metrics.append(Metric("master_last_io_age", lastIO, unit: .seconds, threshold: threshold))
        let evidence = ["master_link_status=\(linkStatus ?? "?")", "master_last_io_seconds_ago=\(HumanFormat.number(lastIO))"]
        let summary = "link\(of) \(linkStatus ?? "up"), last I/O \(HumanFormat.duration(seconds: lastIO)) ago"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
