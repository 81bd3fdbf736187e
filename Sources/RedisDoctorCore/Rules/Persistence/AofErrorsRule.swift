/// AOF write or rewrite failures: a failed AOF write makes Redis refuse every write.
public enum AofErrorsRule: HealthRule {
    public static let description = RuleDescription(
        id: "aof-errors",
        title: "AOF errors",
        category: .persistence,
        summary: "With AOF on, a failed append-only file write (writes refused) or background rewrite.",
        rationale: """
            When appending to the AOF fails (full disk, I/O error) Redis refuses writes with \
            MISCONF until a write succeeds: CRITICAL. A failed BGREWRITEAOF leaves the old file \
            growing and is retried, writes go on: WARNING. Both are read, where existing checkers \
            read only one. aof_last_write_status appeared in 2.8.6; older servers are judged by \
            the rewrite status alone.
            """,
        fieldsRead: ["aof_enabled", "aof_last_write_status", "aof_last_bgrewrite_status"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        examples: [
            RuleExample(
                "Disk full under the AOF: writes refused",
                info: "redis_version:7.2.6\naof_enabled:1\naof_rewrite_in_progress:0\naof_last_bgrewrite_status:ok\naof_last_write_status:err\n",
                expect: .critical,
                expectEvidence: ["aof_last_write_status=err"]),
            RuleExample(
                "A failed rewrite",
                info: "redis_version:6.2.16\naof_enabled:1\naof_last_bgrewrite_status:err\naof_last_write_status:ok\n",
                expect: .warning,
                expectEvidence: ["aof_last_bgrewrite_status=err"]),
            RuleExample(
                "Redis 2.8.0: only the rewrite status exists",
                info: "redis_version:2.8.0\naof_enabled:1\naof_last_bgrewrite_status:ok\n",
                expect: .ok),
            RuleExample(
                "AOF healthy",
                info: "redis_version:7.2.6\naof_enabled:1\naof_last_bgrewrite_status:ok\naof_last_write_status:ok\n",
                expect: .ok),
            RuleExample(
                "AOF disabled",
                info: "redis_version:7.2.6\naof_enabled:0\naof_last_bgrewrite_status:ok\naof_last_write_status:ok\n",
                expect: .ok,
                expectEvidence: ["AOF disabled"]),
            RuleExample(
                "Dragonfly prints no AOF fields",
                info: "redis_version:6.2.11\ndragonfly_version:df-v1.0.0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let enabled = info.flag(.aofEnabled) else {
            return context.skipped("the server prints no aof_enabled")
        }
        guard enabled else { return context.ok("AOF disabled (aof_enabled=0)") }
        let write = info.string(.aofLastWriteStatus)
        let rewrite = info.string(.aofLastBgrewriteStatus)
        guard write != nil || rewrite != nil else {
            return context.skipped("AOF is on but the server prints no aof_last_write_status or aof_last_bgrewrite_status")
        }
        var evidence: [String] = []
        var advice: [String] = []
        var status = Status.ok
        var problems: [String] = []
        if let write, write.lowercased() == "err" {
            status = .critical
            problems.append("the last AOF write failed: writes are refused (MISCONF)")
            evidence.append("aof_last_write_status=\(write)")
            advice.append("Check free space and I/O errors on the disk of CONFIG GET dir and the server log; Redis retries the write every second and accepts writes once it succeeds.")
        }
        if let rewrite, rewrite.lowercased() == "err" {
            if status == .ok { status = .warning }
            problems.append("the last AOF rewrite failed")
            evidence.append("aof_last_bgrewrite_status=\(rewrite)")
            advice.append("Read the server log for the rewrite error (disk space, fork: Cannot allocate memory), fix it, then BGREWRITEAOF and check aof_last_bgrewrite_status:ok.")
        }
        guard status != .ok else {
            let checked = [write.map { "aof_last_write_status=\($0)" }, rewrite.map { "aof_last_bgrewrite_status=\($0)" }].compactMap { $0 }
            return context.ok("AOF on, no errors (\(checked.joined(separator: ", ")))")
        }
        evidence.append("aof_enabled=1")
        return context.result(status, problems.joined(separator: "; "), evidence: evidence, advice: advice)
    }
}
