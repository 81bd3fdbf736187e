/// Changes not yet on disk, by count and by age: the first seed outage ended with
/// 67,162 changes at risk while a background save hung.
public enum UnsavedChangesRule: HealthRule {
    public static let description = RuleDescription(
        id: "unsaved-changes",
        title: "Unsaved changes",
        category: .persistence,
        summary: "Writes accepted since the last successful RDB save, by count and by age.",
        rationale: """
            When saves stop succeeding (a stalled or failing BGSAVE, a full disk) changes pile up \
            in memory only, and a restart or crash loses them. The age of the last successful save \
            is measured on the server's own clock. When CONFIG GET is allowed the configured save \
            points set the warning level (twice the longest interval); AOF covers the changes, so \
            with AOF on the rule only reports. Redis counts its start as the last save time: where \
            that is all there was, the evidence says no save has completed since the start \
            (rdb_saves, 7.0+, tells whether one was even attempted). rdb_last_bgsave_time_sec is \
            not used: a foreground SAVE leaves it at -1, so it proves nothing either way.
            """,
        fieldsRead: ["rdb_changes_since_last_save", "changes_since_last_save", "rdb_changes_since_last_success_save",
                     "rdb_last_save_time", "last_save_time", "aof_enabled", "server_time_usec", "rdb_saves", "uptime_in_seconds"],
        commandsNeeded: ["INFO", "CONFIG GET save"],
        enabledByDefault: true,
        primaryMetric: "unsaved_age",
        defaultWarning: "7200",
        defaultCritical: "86400",
        parameters: [
            RuleParameter(name: "changes-warning", defaultValue: "1000000", description: "WARNING at this many unsaved changes, whatever their age."),
            RuleParameter(name: "save-point-factor", defaultValue: "2", description: "With save points known and no --warning given, WARNING when the last save is older than this many times the longest save interval."),
        ],
        examples: [
            RuleExample(
                "The first seed outage: 67k changes, last save three hours ago",
                info: "redis_version:7.0.15\nserver_time_usec:1763800000000000\nrdb_changes_since_last_save:67162\nrdb_last_save_time:1763789200\naof_enabled:0\n",
                expect: .warning,
                expectEvidence: ["67162 changes", "3h 0m"]),
            RuleExample(
                "Redis 7.0: no save since start (the start time is not a save)",
                info: "redis_version:7.0.15\nserver_time_usec:1763800000000000\nuptime_in_seconds:10800\nrdb_changes_since_last_save:20\nrdb_last_save_time:1763789200\nrdb_saves:0\naof_enabled:0\n",
                replies: ["CONFIG GET": "save "],
                expect: .warning,
                expectEvidence: ["no save has run since the server started 3h 0m ago (rdb_saves=0)"]),
            RuleExample(
                "A save is running but none has finished since the start",
                info: "redis_version:7.0.15\nserver_time_usec:1763800000000000\nuptime_in_seconds:10800\nrdb_changes_since_last_save:20\nrdb_last_save_time:1763789200\nrdb_saves:1\nrdb_bgsave_in_progress:1\naof_enabled:0\n",
                replies: ["CONFIG GET": "save 3600 1"],
                expect: .warning,
                expectEvidence: ["no save has completed since the server started 3h 0m ago (rdb_saves=1 started, none finished)"]),
            RuleExample(
                "Redis 6.2 (no rdb_saves): the last save time is the start time",
                info: "redis_version:6.2.16\nserver_time_usec:1763800000000000\nuptime_in_seconds:600\nrdb_changes_since_last_save:20\nrdb_last_save_time:1763799400\naof_enabled:0\n",
                expect: .ok,
                expectEvidence: ["no save has completed since the server started 10m 0s ago (rdb_last_save_time is the start time)"]),
            RuleExample(
                "Redis 2.4 field names and no server clock: judged by the count alone",
                info: "redis_version:2.4.18\nchanges_since_last_save:1200000\nlast_save_time:1763670400\n",
                expect: .warning,
                expectEvidence: ["changes_since_last_save=1200000"]),
            RuleExample(
                "The first seed outage as pasted: no last_save_time, so the age is unknown, and said",
                info: "aof_enabled:0\nchanges_since_last_save:67162\nbgsave_in_progress:1\nused_memory_human:2.21G\nmem_fragmentation_ratio:1.44\n",
                expect: .ok,
                expectEvidence: ["67162 changes unsaved (age unknown: this INFO has no last_save_time"]),
            RuleExample(
                "Saved a minute ago",
                info: "redis_version:7.0.15\nserver_time_usec:1763800000000000\nrdb_changes_since_last_save:120\nrdb_last_save_time:1763799940\naof_enabled:0\n",
                expect: .ok),
            RuleExample(
                "Save points known: 15 minutes is over twice the 300 s interval",
                info: "redis_version:6.2.16\nserver_time_usec:1763800000000000\nrdb_changes_since_last_save:42\nrdb_last_save_time:1763799100\naof_enabled:0\n",
                replies: ["CONFIG GET": "save 300 10"],
                expect: .warning,
                expectEvidence: ["save points: 300 10"]),
            RuleExample(
                "A million changes in ten minutes",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\nrdb_changes_since_last_save:1500000\nrdb_last_save_time:1763799400\naof_enabled:0\n",
                expect: .warning,
                expectEvidence: ["1500000 changes"]),
            RuleExample(
                "Two days without a save is CRITICAL",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\nrdb_changes_since_last_save:10\nrdb_last_save_time:1763627200\naof_enabled:0\n",
                expect: .critical,
                expectEvidence: ["2d 0h"]),
            RuleExample(
                "AOF on: the changes are in the log",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\nrdb_changes_since_last_save:900\nrdb_last_save_time:1763627200\naof_enabled:1\n",
                expect: .ok),
            RuleExample(
                "Kvrocks prints no change counter",
                info: "redis_version:7.0.0\nkvrocks_version:2.17.0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let changes = info.number(.changesSinceLastSave) else {
            return context.skipped("the server prints no unsaved-change counter")
        }
        let source = info.source(of: .changesSinceLastSave) ?? "rdb_changes_since_last_save"
        var evidence = ["\(source)=\(HumanFormat.number(changes)) (\(HumanFormat.number(changes)) changes not on disk)"]
        let changesWarning = try context.number("changes-warning")
        if info.flag(.aofEnabled) == true {
            return context.ok("\(HumanFormat.number(changes)) changes since the last RDB save; AOF is on and logs them",
                              metrics: [Metric("unsaved_changes", changes)])
        }
        guard changes > 0 else {
            return context.ok("no unsaved changes", metrics: [Metric("unsaved_changes", 0)])
        }
        guard let lastSave = info.number(.lastSaveTime), let now = context.now else {
            // No age to judge (an excerpt pasted from a file): the count alone, and how to get the age.
            let status: Status = changes >= changesWarning ? .warning : .ok
            let why = info.number(.lastSaveTime) == nil
                ? "this INFO has no last_save_time: check the live server, or paste the whole INFO persistence section"
                : "no clock: give --taken-at with the time the INFO was taken"
            let summary = "\(HumanFormat.number(changes)) changes unsaved (age unknown: \(why))"
            return context.result(status, summary, evidence: evidence,
                                  advice: status == .ok ? [] : ["Check INFO persistence and the server log for failing saves."],
                                  metrics: [Metric("unsaved_changes", changes)])
        }
        let age = max(0, now - lastSave)
        if let note = context.current.clockNote { evidence.append(note) }
        // Redis sets rdb_last_save_time at start-up and on each successful save: a last save
        // time equal to the start is no save at all. rdb_saves (7.0+) counts saves started,
        // a running one included, and CONFIG RESETSTAT zeroes it: it only says which words fit.
        let neverSaved = context.lastSaveIsStart == true
        if neverSaved {
            let since = "since the server started \(HumanFormat.duration(seconds: age)) ago"
            switch info.number(.rdbSaves) {
            case 0?: evidence.append("no save has run \(since) (rdb_saves=0)")
            case let started?: evidence.append("no save has completed \(since) (rdb_saves=\(HumanFormat.number(started)) started, none finished)")
            case nil: evidence.append("no save has completed \(since) (\(info.source(of: .lastSaveTime) ?? "rdb_last_save_time") is the start time)")
            }
        } else {
            evidence.append("last successful save \(HumanFormat.duration(seconds: age)) ago (\(info.source(of: .lastSaveTime) ?? "rdb_last_save_time")=\(HumanFormat.number(lastSave)))")
        }

        var threshold = context.threshold()
        if let save = context.current.config?["save"] {
            let intervals = save.split(separator: " ").enumerated().filter { $0.offset % 2 == 0 }.compactMap { Double($0.element) }
            evidence.append("save points: \(save.isEmpty ? "none (save \"\")" : save)")
            if let longest = intervals.max(), context.settings.warning(for: context.ruleID) == nil {
                let factor = try context.number("save-point-factor")
                threshold.warning = try? NagiosRange(end: longest * factor)
            }
        }
        var status = threshold.evaluate(age)
        if status == .ok && changes >= changesWarning { status = .warning }
        let metrics = [Metric("unsaved_changes", changes),
                       Metric("unsaved_age", age, unit: .seconds, threshold: threshold)]
        let summary = "\(HumanFormat.number(changes)) changes unsaved for \(HumanFormat.duration(seconds: age))" + (neverSaved ? ", no save since start" : "")
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        var advice = ["Find out why saves are not succeeding: INFO persistence (rdb_last_bgsave_status, rdb_bgsave_in_progress), then the server log and the disk of CONFIG GET dir."]
        if info.flag(.bgsaveInProgress) == true {
            advice.append("A background save is running: see bgsave-stalled before starting another.")
        } else {
            advice.append("When the disk is healthy, BGSAVE and watch rdb_last_bgsave_status; consider appendonly yes for durability.")
        }
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
