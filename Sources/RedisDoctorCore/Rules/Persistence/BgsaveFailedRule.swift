/// The last background save failed: with save points and stop-writes-on-bgsave-error
/// (both defaults) the server refuses every write with MISCONF until a save succeeds.
public enum BgsaveFailedRule: HealthRule {
    public static let description = RuleDescription(
        id: "bgsave-failed",
        title: "Background save failed",
        category: .persistence,
        summary: "The last RDB background save failed, CRITICAL when the server refuses writes because of it.",
        rationale: """
            A failed BGSAVE (full disk, fork: Cannot allocate memory, permissions) leaves changes \
            unsaved. Redis refuses writes with MISCONF while the last save failed, save points are \
            configured and stop-writes-on-bgsave-error is yes (the default): that is an outage, \
            CRITICAL. Without save points or with stop-writes-on-bgsave-error no, writes go on \
            and the failure is a WARNING. When CONFIG GET is refused the impact cannot be told: \
            WARNING, and the evidence says so.
            """,
        fieldsRead: ["rdb_last_bgsave_status", "last_bgsave_status", "rdb_changes_since_last_save", "rdb_last_save_time"],
        commandsNeeded: ["INFO", "CONFIG GET stop-writes-on-bgsave-error", "CONFIG GET save"],
        enabledByDefault: true,
        examples: [
            RuleExample(
                "Disk full with the default configuration: writes refused",
                info: "redis_version:7.2.6\nrdb_changes_since_last_save:5120\nrdb_bgsave_in_progress:0\nrdb_last_bgsave_status:err\n",
                replies: ["CONFIG GET": "save 3600 1 300 100 60 10000\nstop-writes-on-bgsave-error yes\ndir /var/lib/redis"],
                expect: .critical,
                expectEvidence: ["rdb_last_bgsave_status=err", "stop-writes-on-bgsave-error=yes", "writes are refused"]),
            RuleExample(
                "stop-writes-on-bgsave-error no: writes go on, unsaved",
                info: "redis_version:7.2.6\nrdb_changes_since_last_save:5120\nrdb_last_bgsave_status:err\n",
                replies: ["CONFIG GET": "save 3600 1\nstop-writes-on-bgsave-error no"],
                expect: .warning,
                expectEvidence: ["stop-writes-on-bgsave-error=no", "writes still accepted"]),
            RuleExample(
                "No save points: a manual BGSAVE failed",
                info: "redis_version:7.2.6\nrdb_last_bgsave_status:err\n",
                replies: ["CONFIG GET": "save \nstop-writes-on-bgsave-error yes"],
                expect: .warning,
                expectEvidence: ["no save points"]),
            RuleExample(
                "CONFIG refused: impact unknown",
                info: "redis_version:7.2.6\nrdb_last_bgsave_status:err\n",
                replies: ["CONFIG GET": "-NOPERM this user has no permissions to run the 'config|get' command"],
                expect: .warning,
                expectEvidence: ["CONFIG GET refused: NOPERM", "cannot tell whether writes are refused"]),
            RuleExample(
                "Kvrocks spelling",
                info: "redis_version:4.0.0\nkvrocks_version:2.17.0\nlast_bgsave_status:err\n",
                expect: .warning,
                expectEvidence: ["last_bgsave_status=err"]),
            RuleExample(
                "Last save succeeded",
                info: "redis_version:7.2.6\nrdb_last_bgsave_status:ok\n",
                expect: .ok),
            RuleExample(
                "Redis 2.4 prints no save status",
                info: "redis_version:2.4.18\nbgsave_in_progress:0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let value = info.string(.lastBgsaveStatus) else {
            return context.skipped("the server prints no rdb_last_bgsave_status")
        }
        let source = info.source(of: .lastBgsaveStatus) ?? "rdb_last_bgsave_status"
        guard value.lowercased() == "err" else {
            return context.ok("the last background save succeeded (\(source)=\(value))")
        }
        var evidence = ["\(source)=\(value)"]
        if let changes = info.number(.changesSinceLastSave) {
            evidence.append("\(info.source(of: .changesSinceLastSave) ?? "rdb_changes_since_last_save")=\(HumanFormat.number(changes)) (changes not on disk)")
        }

        let config = context.current.config
        let stopWrites = config.map { ($0["stop-writes-on-bgsave-error"] ?? "yes").lowercased() }
        let save = config?["save"].map { $0.trimmingSpaces }
        let status: Status
        let summary: String
        if let stopWrites, let save {
            evidence.append("stop-writes-on-bgsave-error=\(stopWrites)")
            evidence.append(save.isEmpty ? "no save points (save \"\")" : "save points: \(save)")
            if stopWrites == "yes" && !save.isEmpty {
                status = .critical
                summary = "the last background save failed and writes are refused (MISCONF) until one succeeds"
                evidence.append("writes are refused: save points are set and stop-writes-on-bgsave-error is yes")
            } else {
                status = .warning
                summary = "the last background save failed; writes still accepted, not saved"
                evidence.append("writes still accepted: \(save.isEmpty ? "no save points" : "stop-writes-on-bgsave-error is no")")
            }
        } else {
            status = .warning
            summary = "the last background save failed"
            let reason = config == nil ? (context.unavailable("CONFIG GET") ?? "CONFIG GET not answered") : "CONFIG GET did not return save"
            evidence.append("\(reason): cannot tell whether writes are refused")
        }

        let dir = config?["dir"].flatMap { $0.isEmpty ? nil : $0 }
        var advice = [
            "Read the server log for the save error (No space left on device, fork: Cannot allocate memory, Permission denied) and check \(dir.map { "dir=\($0)" } ?? "the data directory (CONFIG GET dir)").",
            "Once fixed, BGSAVE and check rdb_last_bgsave_status:ok; a successful save lets writes through again.",
        ]
        if status == .critical {
            advice.append("Emergency only: CONFIG SET stop-writes-on-bgsave-error no accepts writes again, with nothing saved.")
        }
        return context.result(status, summary, evidence: evidence, advice: advice)
    }
}
