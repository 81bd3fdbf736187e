/// A background save or AOF rewrite running too long, or making no progress: the first
/// seed outage was a BGSAVE hung for over twenty minutes on a degraded EBS volume.
public enum BgsaveStalledRule: HealthRule {
    public static let description = RuleDescription(
        id: "bgsave-stalled",
        title: "Background save stalled",
        category: .persistence,
        summary: "An RDB background save or AOF rewrite running too long, or making no progress between samples.",
        rationale: """
            While a save child runs, no other BGSAVE can start and changes pile up unsaved; a child \
            stuck on slow disk I/O can run for hours. The duration is judged against fixed limits \
            (600/1200 s, as Netdata) and against the last save's duration: more than \
            relative-factor times as long (at least relative-min) means something changed. With an \
            earlier sample of the same process where a save was already running, unchanged \
            current_save_keys_processed and current_fork_perc (6.2+, reported by the child about \
            once a second) mean the save is stalled, whatever its duration. Servers before 2.6 \
            print no duration: with an earlier sample the interval is a lower bound, else the \
            save is reported as running with an unknown duration.
            """,
        fieldsRead: ["rdb_bgsave_in_progress", "bgsave_in_progress", "rdb_current_bgsave_time_sec",
                     "rdb_last_bgsave_time_sec", "aof_rewrite_in_progress", "aof_current_rewrite_time_sec",
                     "aof_last_rewrite_time_sec", "current_save_keys_processed", "current_save_keys_total",
                     "current_fork_perc", "server_time_usec", "uptime_in_seconds", "run_id", "process_id",
                     "rdb_changes_since_last_save", "state of the save child (/proc/PID/stat, on the server's host)"],
        commandsNeeded: ["INFO", "CONFIG GET dir"],
        enabledByDefault: true,
        primaryMetric: "save_duration",
        defaultWarning: "600",
        defaultCritical: "1200",
        parameters: [
            RuleParameter(name: "relative-factor", defaultValue: "3", description: "WARNING when a save runs longer than this many times the last one of its kind."),
            RuleParameter(name: "relative-min", defaultValue: "120", description: "Seconds: the relative test never fires below this duration."),
            RuleParameter(name: "stall-min-interval", defaultValue: "5", description: "Seconds between samples below which unchanged progress is not judged: the save child reports progress at most once a second and only every 1024 keys, so a few huge keys can look still for seconds."),
        ],
        examples: [
            RuleExample(
                "Redis 7.0: no progress in 5 s is a stall, however young the save",
                info: "redis_version:7.0.15\nserver_time_usec:1763800005000000\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:65\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:9217\ncurrent_save_keys_total:300000\ncurrent_fork_perc:3.07\naof_rewrite_in_progress:0\n",
                previousInfo: "redis_version:7.0.15\nserver_time_usec:1763800000000000\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:60\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:9217\ncurrent_save_keys_total:300000\ncurrent_fork_perc:3.07\naof_rewrite_in_progress:0\n",
                expect: .warning,
                expectEvidence: ["current_save_keys_processed=9217 unchanged over 5s", "current_fork_perc=3.07 unchanged"]),
            RuleExample(
                "A child stuck before its first progress report: 0 keys over 6 s",
                info: "redis_version:7.0.15\nprocess_id:4242\nserver_time_usec:1763800006000000\nrdb_changes_since_last_save:67162\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:7\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:0\ncurrent_save_keys_total:300000\ncurrent_fork_perc:0.00\naof_rewrite_in_progress:0\n",
                previousInfo: "redis_version:7.0.15\nprocess_id:4242\nserver_time_usec:1763800000000000\nrdb_changes_since_last_save:67100\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:1\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:0\ncurrent_save_keys_total:300000\ncurrent_fork_perc:0.00\naof_rewrite_in_progress:0\n",
                expect: .warning,
                expectEvidence: ["current_save_keys_processed=0 unchanged over 6s: the child has reported no progress since the save began",
                                 "67162 changes not on disk while it runs", "ps -o pid,stat,wchan --ppid 4242"]),
            RuleExample(
                "The same stall read on the server's host: the child waits on I/O",
                info: "redis_version:7.0.15\nprocess_id:4242\nserver_time_usec:1763800006000000\nrdb_changes_since_last_save:67162\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:7\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:0\ncurrent_save_keys_total:300000\ncurrent_fork_perc:0.00\naof_rewrite_in_progress:0\n",
                previousInfo: "redis_version:7.0.15\nprocess_id:4242\nserver_time_usec:1763800000000000\nrdb_changes_since_last_save:67100\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:1\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:0\ncurrent_save_keys_total:300000\ncurrent_fork_perc:0.00\naof_rewrite_in_progress:0\n",
                host: HostExample(saveChildStat: "4250 (redis-server) D 4242 4242 4242 0 -1 4194624 2271 0 0 0 3 1 0 0 20 0 1 0 88123 2481307648 601602 18446744073709551615\n"),
                expect: .warning,
                expectEvidence: ["save child 4250: state D (uninterruptible sleep: waiting on I/O)"]),
            RuleExample(
                "Redis 7.0: progress between the samples",
                info: "redis_version:7.0.15\nserver_time_usec:1763800005000000\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:65\nrdb_last_bgsave_time_sec:60\ncurrent_save_keys_processed:120833\ncurrent_save_keys_total:300000\ncurrent_fork_perc:40.28\naof_rewrite_in_progress:0\n",
                previousInfo: "redis_version:7.0.15\nserver_time_usec:1763800000000000\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:60\nrdb_last_bgsave_time_sec:60\ncurrent_save_keys_processed:111617\ncurrent_save_keys_total:300000\ncurrent_fork_perc:37.21\naof_rewrite_in_progress:0\n",
                expect: .ok,
                expectEvidence: ["running for 1m 5s"]),
            RuleExample(
                "Samples 2 s apart: progress is not judged, and the summary says so",
                info: "redis_version:7.0.15\nserver_time_usec:1763800002000000\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:9\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:0\ncurrent_save_keys_total:300000\ncurrent_fork_perc:0.00\naof_rewrite_in_progress:0\n",
                previousInfo: "redis_version:7.0.15\nserver_time_usec:1763800000000000\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:7\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:0\ncurrent_save_keys_total:300000\ncurrent_fork_perc:0.00\naof_rewrite_in_progress:0\n",
                expect: .ok,
                expectEvidence: ["progress not judged: samples 2s apart, need 5s"]),
            RuleExample(
                "One sample of a running save: how to judge its progress",
                info: "redis_version:7.0.15\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:9\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:0\ncurrent_save_keys_total:300000\ncurrent_fork_perc:0.00\naof_rewrite_in_progress:0\n",
                expect: .ok,
                expectEvidence: ["progress not judged: one sample (use --interval 6"]),
            RuleExample(
                "A save running for over ten minutes",
                info: "redis_version:6.2.16\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:700\nrdb_last_bgsave_time_sec:-1\naof_rewrite_in_progress:0\n",
                replies: ["CONFIG GET": "dir /var/lib/redis"],
                expect: .warning,
                expectEvidence: ["rdb_current_bgsave_time_sec=700 (11m 40s)"]),
            RuleExample(
                "Twenty-five minutes is CRITICAL",
                info: "redis_version:7.2.6\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:1500\nrdb_last_bgsave_time_sec:1400\naof_rewrite_in_progress:0\n",
                expect: .critical,
                expectEvidence: ["rdb_current_bgsave_time_sec=1500 (25m 0s)"]),
            RuleExample(
                "Much slower than the last save",
                info: "redis_version:7.2.6\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:100\nrdb_last_bgsave_time_sec:40\naof_rewrite_in_progress:0\n",
                settings: ["bgsave-stalled.relative-factor": "2", "bgsave-stalled.relative-min": "60"],
                expect: .warning,
                expectEvidence: ["over 2 × the last one (rdb_last_bgsave_time_sec=40)"]),
            RuleExample(
                "An AOF rewrite running for a quarter of an hour",
                info: "redis_version:7.2.6\nrdb_bgsave_in_progress:0\naof_rewrite_in_progress:1\naof_current_rewrite_time_sec:900\naof_last_rewrite_time_sec:-1\n",
                expect: .warning,
                expectEvidence: ["aof_current_rewrite_time_sec=900 (15m 0s)"]),
            RuleExample(
                "The first seed outage on 2.4: still saving 21 minutes after the previous sample",
                info: "redis_version:2.4.18\nuptime_in_seconds:5000\nbgsave_in_progress:1\nchanges_since_last_save:67162\n",
                previousInfo: "redis_version:2.4.18\nuptime_in_seconds:3700\nbgsave_in_progress:1\nchanges_since_last_save:60000\n",
                expect: .critical,
                expectEvidence: ["running for at least 21m 40s"]),
            RuleExample(
                "Redis 2.4, one sample: running, duration unknown",
                info: "redis_version:2.4.18\nuptime_in_seconds:5000\nbgsave_in_progress:1\n",
                expect: .ok,
                expectEvidence: ["duration unknown"]),
            RuleExample(
                "Idle server",
                info: "redis_version:7.2.6\nrdb_bgsave_in_progress:0\nrdb_current_bgsave_time_sec:-1\nrdb_last_bgsave_time_sec:2\naof_rewrite_in_progress:0\n",
                expect: .ok),
            RuleExample(
                "No save flag at all",
                info: "redis_version:7.2.5\ngarnet_version:1.0.0\n",
                expect: .skipped),
        ]
    )

    /// One kind of save child: its in-progress flag, current and last durations.
    struct Job {
        var name: String
        var flag: InfoField
        var current: InfoField
        var last: InfoField
    }

    static let jobs = [
        Job(name: "RDB background save", flag: .bgsaveInProgress, current: .currentBgsaveTimeSec, last: .lastBgsaveTimeSec),
        Job(name: "AOF rewrite", flag: .aofRewriteInProgress, current: .aofCurrentRewriteTimeSec, last: .aofLastRewriteTimeSec),
    ]

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard jobs.contains(where: { info.flag($0.flag) != nil }) else {
            return context.skipped("the server prints no background-save flag (rdb_bgsave_in_progress)")
        }
        let threshold = context.threshold()
        let running = jobs.filter { info.flag($0.flag) == true }
        guard !running.isEmpty else {
            return context.ok("no background save or AOF rewrite running",
                              metrics: [Metric("save_duration", 0, unit: .seconds, threshold: threshold)])
        }
        let factor = try context.number("relative-factor")
        let relativeMin = try context.number("relative-min")
        let stallMinInterval = try context.number("stall-min-interval")

        var status = Status.ok
        var evidence: [String] = []
        var summaries: [String] = []
        var longest: Double?
        var notes: [String] = []
        for job in running {
            evidence.append("\(info.source(of: job.flag) ?? "rdb_bgsave_in_progress")=1 (\(job.name) running)")
            var duration = info.number(job.current)
            var durationText = ""
            if let d = duration {
                evidence.append("\(info.source(of: job.current) ?? "duration")=\(HumanFormat.number(d)) (\(HumanFormat.duration(seconds: d)))")
                durationText = "running for \(HumanFormat.duration(seconds: d))"
            } else if let previous = context.comparablePrevious, previous.info.flag(job.flag) == true, let interval = context.interval {
                duration = interval
                durationText = "running for at least \(HumanFormat.duration(seconds: interval))"
                evidence.append("\(durationText): already running in the previous sample, \(HumanFormat.duration(seconds: interval)) earlier")
            } else {
                durationText = "running (duration unknown: no \(job.current.spec.keys[0]) in this server's INFO)"
                evidence.append(durationText)
            }
            var jobStatus = Status.ok
            if let d = duration {
                longest = max(longest ?? 0, d)
                jobStatus = threshold.evaluate(d)
                if let last = info.number(job.last) {
                    let limit = max(relativeMin, factor * last)
                    if d > limit {
                        jobStatus = worse(jobStatus, .warning)
                        evidence.append("\(HumanFormat.duration(seconds: d)) is over \(HumanFormat.number(factor)) × the last one (\(info.source(of: job.last) ?? "last")=\(HumanFormat.number(last))): limit \(HumanFormat.duration(seconds: limit))")
                    }
                }
            }
            if let stall = stallEvidence(context, job: job, duration: duration, minInterval: stallMinInterval) {
                jobStatus = worse(jobStatus, .warning)
                evidence += stall
                let fromStart = previousProgressWasZero(context)
                let over = context.interval.map { " over the last \(HumanFormat.duration(seconds: $0))" } ?? ""
                durationText += fromStart ? ", no progress reported since it began" : ", no progress\(over)"
            } else if let note = progressNotJudged(context, job: job, minInterval: stallMinInterval) {
                // Said, not hidden: an OK here means "not judged", not "progressing".
                evidence.append(note)
                notes.append(note)
                durationText += "; " + note
            }
            status = worse(status, jobStatus)
            summaries.append("\(job.name) \(durationText)")
        }

        var metrics: [Metric] = []
        if let longest { metrics.append(Metric("save_duration", longest, unit: .seconds, threshold: threshold)) }
        let summary = summaries.joined(separator: "; ")
        let notJudged = notes.isEmpty ? nil : notes.joined(separator: "; ")
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics, notJudged: notJudged) }

        if let changes = info.number(.changesSinceLastSave), changes > 0 {
            evidence.append("\(HumanFormat.number(changes)) changes not on disk while it runs (\(info.source(of: .changesSinceLastSave) ?? "rdb_changes_since_last_save"))")
        }
        let dir = context.current.config?["dir"].flatMap { $0.isEmpty ? nil : $0 }
        let children = info.number(.processId).map { "ps -o pid,stat,wchan --ppid \(HumanFormat.number($0))" }
            ?? "ps -o pid,stat,wchan --ppid <process_id from INFO server>"
        if let child = context.host?.saveChild {
            // Read on the host: the child's state says what the save waits on.
            evidence.append("save child \(child.pid): state \(child.stateText) (/proc/\(child.pid)/stat)")
        } else {
            evidence.append("next: \(children) on the Redis host shows the save child's state and what it waits on")
        }
        let advice = [
            "State D with a wchan in the filesystem or block layer means the child is stuck on I/O; state R means it is working (huge keys, CPU starvation).",
            "Check the disk I/O of \(dir.map { "dir=\($0)" } ?? "the data directory (CONFIG GET dir)"): iostat -x, free space, a degraded volume.",
            "Watch INFO persistence (rdb_current_bgsave_time_sec, current_save_keys_processed) between samples: redis-doctor check --interval 6.",
            "Do not start another BGSAVE: it is refused while one runs; if the child is hopeless, killing it ends only the save, not the server.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics, notJudged: notJudged)
    }

    /// Evidence that the save child made no progress between two samples of the same
    /// save; nil when it progressed or cannot be told.
    static func stallEvidence(_ context: RuleContext, job: Job, duration: Double?, minInterval: Double) -> [String]? {
        guard let previous = context.comparablePrevious, previous.info.flag(job.flag) == true,
              let interval = context.interval, interval >= minInterval else { return nil }
        // A save younger than the interval started after the previous sample: another save.
        if let current = context.info.number(job.current), current + 1 < interval { return nil }
        var evidence: [String] = []
        for field in [InfoField.currentSaveKeysProcessed, .currentForkPerc] {
            guard let before = previous.info.number(field), let after = context.info.number(field) else { continue }
            guard before == after else { return nil }
            let key = context.info.source(of: field) ?? field.spec.keys[0]
            let since = after == 0 ? ": the child has reported no progress since the save began" : " (stalled)"
            evidence.append("\(key)=\(HumanFormat.number(after)) unchanged over \(HumanFormat.duration(seconds: interval))\(since)")
        }
        return evidence.isEmpty ? nil : evidence
    }

    /// Whether the earlier sample showed no keys processed yet: a child stuck from its start.
    static func previousProgressWasZero(_ context: RuleContext) -> Bool {
        context.comparablePrevious?.info.number(.currentSaveKeysProcessed) == 0
    }

    /// Why progress was not judged although the server reports it, with how to judge it.
    static func progressNotJudged(_ context: RuleContext, job: Job, minInterval: Double) -> String? {
        guard context.info.number(.currentSaveKeysProcessed) != nil || context.info.number(.currentForkPerc) != nil else { return nil }
        let needed = HumanFormat.duration(seconds: minInterval)
        guard let previous = context.comparablePrevious, previous.info.flag(job.flag) == true else {
            // A previous sample that does not say whether a save ran (one rebuilt from perfdata) is none here.
            guard context.comparablePrevious == nil || context.comparablePrevious?.info.flag(job.flag) == nil else { return nil }
            return "progress not judged: one sample (use --interval \(HumanFormat.number((minInterval + 1).rounded(.up))), or a --state-file from its second run on)"
        }
        guard let interval = context.interval, interval < minInterval else { return nil }
        return "progress not judged: samples \(HumanFormat.duration(seconds: interval)) apart, need \(needed)"
    }

    static func worse(_ a: Status, _ b: Status) -> Status {
        (b.severity ?? -1) > (a.severity ?? -1) ? b : a
    }
}
