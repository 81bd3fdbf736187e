/// Uptime, and a restart since the previous sample: context for other findings, never an
/// alert by itself.
public enum RecentRestartRule: HealthRule {
    public static let description = RuleDescription(
        id: "recent-restart",
        title: "Recent restart",
        category: .server,
        summary: "Uptime, and whether the server restarted since the previous sample (informational, never alerts).",
        rationale: """
            A restart explains reset counters, an empty cache and a reload; it is worth saying, \
            but a restart that went well is not a problem, so this rule always reports OK. With \
            an earlier sample a run_id change is a restart even when uptime alone would miss it; \
            servers before 2.4.17 print no run_id, and then uptime going down is the sign.
            """,
        fieldsRead: ["uptime_in_seconds", "run_id"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        informational: true,
        examples: [
            RuleExample(
                "Restarted since the previous sample",
                info: "redis_version:7.2.6\nrun_id:bbbbbbbb61e59d3d4e8e2e50d3bd5e2f2f1c0a11\nuptime_in_seconds:300\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaaaaaaa0f4a0b2f8a96bf5d6e3a2b1c0d9e8f77\nuptime_in_seconds:864000\n",
                expect: .ok,
                expectEvidence: ["run_id aaaaaaaa0f4a0b2f8a96bf5d6e3a2b1c0d9e8f77 → bbbbbbbb61e59d3d4e8e2e50d3bd5e2f2f1c0a11", "restarted since the previous sample"]),
            RuleExample(
                "Redis 2.4.4 has no run_id: uptime went down",
                info: "redis_version:2.4.4\nuptime_in_seconds:60\n",
                previousInfo: "redis_version:2.4.4\nuptime_in_seconds:7200\n",
                expect: .ok,
                expectEvidence: ["uptime_in_seconds went from 7200 to 60"]),
            RuleExample(
                "Same process as the previous sample",
                info: "redis_version:7.2.6\nrun_id:aaaaaaaa0f4a0b2f8a96bf5d6e3a2b1c0d9e8f77\nuptime_in_seconds:864300\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaaaaaaa0f4a0b2f8a96bf5d6e3a2b1c0d9e8f77\nuptime_in_seconds:864000\n",
                expect: .ok,
                expectEvidence: ["up 10d 0h"]),
            RuleExample(
                "One sample: uptime only",
                info: "redis_version:7.2.6\nrun_id:aaaaaaaa0f4a0b2f8a96bf5d6e3a2b1c0d9e8f77\nuptime_in_seconds:90\n",
                expect: .ok,
                expectEvidence: ["up 1m 30s"]),
            RuleExample(
                "Neither uptime nor run_id",
                info: "redis_version:7.2.5\ngarnet_version:1.0.0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        let uptime = info.number(.uptimeSeconds)
        let runID = info.string(.runId)
        guard uptime != nil || runID != nil else {
            return context.skipped("the server prints neither uptime_in_seconds nor run_id")
        }
        var evidence: [String] = []
        var metrics: [Metric] = []
        var parts: [String] = []
        if let uptime {
            parts.append("up \(HumanFormat.duration(seconds: uptime))")
            evidence.append("uptime_in_seconds=\(HumanFormat.number(uptime)) (\(HumanFormat.duration(seconds: uptime)))")
            metrics.append(Metric("uptime", uptime, unit: .seconds))
        }
        if let previous = context.previous {
            let before = previous.info.string(.runId)
            let beforeUptime = previous.info.number(.uptimeSeconds)
            if let before, let runID, before != runID {
                parts.append("restarted since the previous sample (run_id \(before.prefix(8)) → \(runID.prefix(8)))")
                evidence.append("restarted since the previous sample: run_id \(before) → \(runID)")
            } else if before == nil || runID == nil, let beforeUptime, let uptime, uptime < beforeUptime {
                parts.append("restarted since the previous sample (uptime went down)")
                evidence.append("restarted since the previous sample: uptime_in_seconds went from \(HumanFormat.number(beforeUptime)) to \(HumanFormat.number(uptime))")
            } else {
                parts.append("same process as the previous sample")
            }
        }
        return context.ok(parts.joined(separator: "; "), evidence: evidence, metrics: metrics)
    }
}
