/// Neither RDB save points nor AOF while the server holds data: a restart, a crash or
/// an OOM kill loses every key, and a master restarted empty wipes its replicas too.
public enum PersistenceDisabledRule: HealthRule {
    public static let description = RuleDescription(
        id: "persistence-disabled",
        title: "Persistence disabled",
        category: .persistence,
        summary: "No save points (save \"\") and no AOF while the dataset is not empty.",
        rationale: """
            With save "" and appendonly no, nothing ever reaches the disk: a restart, a crash or \
            the kernel's OOM killer loses the whole dataset. Worse, a master that restarts empty \
            (a supervisor brings it back in a second) is resynchronised to by its replicas, which \
            then drop their copy too. That is a fine setup for a pure cache, which should skip \
            this rule (--skip persistence-disabled, or `skip = persistence-disabled` in the config \
            file); it is a WARNING everywhere else. An empty server has nothing to lose, and a \
            replica without persistence is a common choice (a restart resyncs from its master), \
            so both are OK, as is a server whose saves come from outside (BGSAVE from cron: a \
            last successful save after the start shows one), whose age unsaved-changes judges. A cache should skip unsaved-changes as well. \
            Servers without a save setting (Kvrocks, Pika and Dragonfly persist \
            their own way) are skipped.
            """,
        fieldsRead: ["aof_enabled", "role", "connected_slaves", "db0:keys (Keyspace)", "rdb_saves", "rdb_last_save_time", "uptime_in_seconds", "server_time_usec"],
        commandsNeeded: ["INFO", "CONFIG GET save", "CONFIG GET appendonly"],
        enabledByDefault: true,
        examples: [
            RuleExample(
                "No save points, no AOF, 1.2 million keys",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:0\naof_enabled:0\n# Keyspace\ndb0:keys=1200000,expires=0,avg_ttl=0\n",
                replies: ["CONFIG GET": "save \nappendonly no"],
                expect: .warning,
                expectEvidence: ["save=\"\" (no save points)", "appendonly=no", "1200000 keys in 1 database"]),
            RuleExample(
                "A master with replicas: a restart empty would empty them too",
                info: "redis_version:7.0.15\nrole:master\nconnected_slaves:2\naof_enabled:0\n# Keyspace\ndb0:keys=10,expires=0,avg_ttl=0\ndb3:keys=5,expires=1,avg_ttl=100\n",
                replies: ["CONFIG GET": "save \nappendonly no"],
                expect: .warning,
                expectEvidence: ["15 keys in 2 databases", "2 connected replicas would resync to an empty dataset"]),
            RuleExample(
                "Redis 2.4 with no save points",
                info: "redis_version:2.4.18\nrole:master\naof_enabled:0\ndb0:keys=3,expires=0\n",
                replies: ["CONFIG GET": "save\nappendonly no"],
                expect: .warning,
                expectEvidence: ["save=\"\" (no save points)"]),
            RuleExample(
                "No save points, but saves run from outside (a cron BGSAVE)",
                info: "redis_version:7.2.6\nrole:master\nserver_time_usec:1763800000000000\nuptime_in_seconds:864000\nrdb_saves:9\nrdb_last_save_time:1763792800\naof_enabled:0\n# Keyspace\ndb0:keys=10,expires=0,avg_ttl=0\n",
                replies: ["CONFIG GET": "save \nappendonly no"],
                expect: .ok,
                expectEvidence: ["rdb_saves=9", "unsaved-changes judges"]),
            RuleExample(
                "Save points configured",
                info: "redis_version:7.2.6\nrole:master\naof_enabled:0\n# Keyspace\ndb0:keys=10,expires=0,avg_ttl=0\n",
                replies: ["CONFIG GET": "save 3600 1 300 100 60 10000\nappendonly no"],
                expect: .ok),
            RuleExample(
                "AOF on, no save points",
                info: "redis_version:7.2.6\nrole:master\naof_enabled:1\n# Keyspace\ndb0:keys=10,expires=0,avg_ttl=0\n",
                replies: ["CONFIG GET": "save \nappendonly yes"],
                expect: .ok),
            RuleExample(
                "Nothing to lose: no keys",
                info: "redis_version:7.2.6\nrole:master\naof_enabled:0\n# Keyspace\n",
                replies: ["CONFIG GET": "save \nappendonly no"],
                expect: .ok,
                expectEvidence: ["no keys"]),
            RuleExample(
                "A replica without persistence resyncs from its master",
                info: "redis_version:7.2.6\nrole:slave\nmaster_host:10.0.0.1\naof_enabled:0\n# Keyspace\ndb0:keys=10,expires=0,avg_ttl=0\n",
                replies: ["CONFIG GET": "save \nappendonly no"],
                expect: .ok,
                expectEvidence: ["replica"]),
            RuleExample(
                "CONFIG refused (a managed service)",
                info: "redis_version:7.2.6\nrole:master\naof_enabled:0\n# Keyspace\ndb0:keys=10,expires=0,avg_ttl=0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let config = context.current.config else {
            return context.skipped(context.unavailable("CONFIG GET") ?? "CONFIG GET not answered")
        }
        guard let save = config["save"] else {
            return context.skipped("the server has no save setting (CONFIG GET save): it persists its own way")
        }
        let aof = info.flag(.aofEnabled) ?? config["appendonly"].map { $0 == "yes" }
        guard let aof else { return context.skipped("neither aof_enabled in INFO nor CONFIG GET appendonly") }
        let savePoints = save.split(separator: " ").count >= 2
        if savePoints || aof {
            let how = [savePoints ? "save points \(save)" : nil, aof ? "AOF on" : nil].compactMap { $0 }
            return context.ok("persistence on: " + how.joined(separator: ", "))
        }

        let keyspace = info.keyspace
        let keys = keyspace.reduce(Int64(0)) { $0.addingReportingOverflow($1.keys ?? 0).partialValue }
        var evidence = ["save=\"\" (no save points)", "appendonly=no"]
        guard keys > 0 else {
            return context.ok("persistence off, no keys: nothing to lose", evidence: evidence)
        }
        let databases = keyspace.filter { ($0.keys ?? 0) > 0 }.count
        evidence.append("\(keys) keys in \(databases) \(databases == 1 ? "database" : "databases")")
        if let saves = externalSaves(context) {
            evidence.append(saves)
            return context.ok("no save points, but saves run from outside; unsaved-changes judges their age", evidence: evidence)
        }
        if info.string(.role) == "slave" || info.string(.role) == "replica" {
            return context.ok("persistence off on a replica: a restart resyncs from its master", evidence: evidence)
        }
        if let replicas = info.number(.connectedSlaves), replicas > 0 {
            evidence.append("\(HumanFormat.number(replicas)) connected \(replicas == 1 ? "replica" : "replicas") would resync to an empty dataset after a restart")
        }
        let advice = [
            "If this data matters: CONFIG SET appendonly yes (and CONFIG REWRITE), or set save points (CONFIG SET save \"3600 1 300 100\").",
            "If it is a cache that may start empty: skip this rule and unsaved-changes (--skip persistence-disabled,unsaved-changes, or skip = persistence-disabled, unsaved-changes in the config file).",
            "A master without persistence must not be restarted automatically while replicas follow it: they would copy its empty dataset.",
        ]
        return context.result(.warning, "persistence off: \(keys) keys would be lost on restart", evidence: evidence, advice: advice)
    }

    /// Evidence of saves run by hand or from cron although no save point is set, or nil:
    /// a successful save sets rdb_last_save_time, which is the start time until then.
    /// (rdb_saves counts saves started, a running or failed one too: not proof.)
    static func externalSaves(_ context: RuleContext) -> String? {
        let info = context.info
        guard context.lastSaveIsStart == false, let lastSave = info.number(.lastSaveTime), let now = context.now,
              let uptime = info.number(.uptimeSeconds), lastSave > now - uptime else { return nil }
        let count = info.number(.rdbSaves).map { ", rdb_saves=\(HumanFormat.number($0)) since start" } ?? ""
        return "last successful save \(HumanFormat.duration(seconds: max(0, now - lastSave))) ago, after the start\(count): saves run without save points (BGSAVE from outside)"
    }
}
