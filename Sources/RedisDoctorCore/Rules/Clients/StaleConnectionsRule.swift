/// Connections nobody uses, grouped by the process that opened them: seed 001,
/// where forked workers each inherited or reopened a pool and left it idle until
/// maxclients ran out.
public enum StaleConnectionsRule: HealthRule {
    public static let description = RuleDescription(
        id: "stale-connections",
        title: "Stale connections",
        category: .clients,
        summary: "Connections idle for longer than an hour, grouped by source host and client name.",
        rationale: """
            Connection pools that are opened and forgotten (a forked worker's copy, a leaked client) \
            hold file descriptors and count against maxclients until the server refuses new clients. \
            Replication links, MONITOR, pub/sub subscribers, blocked clients and redis-doctor itself \
            are idle by design and not counted. Connections are grouped by source host and client \
            name (lib-name when unnamed), split into cohorts by age, so one process's pool is one \
            group. WARNING from 100 idle connections or when they hold 25% of maxclients, CRITICAL \
            from 1000 or 50%. A pool of 20 or more whose idle time equals its age (opened, never used) \
            is the fork signature and warns by itself, as does one source holding 25% of maxclients.
            """,
        fieldsRead: ["maxclients", "CLIENT LIST: id addr name lib-name age idle flags sub psub cmd omem tot-mem"],
        commandsNeeded: ["CLIENT LIST", "INFO", "CONFIG GET timeout"],
        enabledByDefault: true,
        primaryMetric: "stale_connections",
        defaultWarning: "100",
        defaultCritical: "1000",
        parameters: [
            RuleParameter(name: "idle", defaultValue: "3600", description: "A connection is stale after this many idle seconds.", kind: .count),
            RuleParameter(name: "share-warning", defaultValue: "25", description: "WARNING when stale connections hold this percentage of maxclients."),
            RuleParameter(name: "share-critical", defaultValue: "50", description: "CRITICAL when stale connections hold this percentage of maxclients."),
            RuleParameter(name: "source-share", defaultValue: "25", description: "WARNING when one source host holds this percentage of maxclients."),
            RuleParameter(name: "fork-pool-min", defaultValue: "20", description: "WARNING for a stale group of at least this many connections never used since connecting (idle = age).", kind: .count),
            RuleParameter(name: "groups-shown", defaultValue: "5", description: "How many of the worst groups the evidence names.", kind: .count),
        ],
        examples: [
            RuleExample(
                "Seed 001: a forked worker's pool of 40, never used for two hours",
                info: "redis_version:7.2.6\nconnected_clients:43\nmaxclients:10000\n",
                clientList: pool(count: 40, host: "10.0.0.7", name: "pool-worker", age: 7200, idle: 7199, firstID: 100)
                    + pool(count: 3, host: "10.0.0.9", name: "web", age: 7200, idle: 0, firstID: 200),
                replies: ["CONFIG GET": "timeout 0"],
                expect: .warning,
                expectEvidence: ["10.0.0.7 pool-worker: 40 idle", "never used", "timeout 0"]),
            RuleExample(
                "Stale connections hold 60% of maxclients",
                info: "redis_version:7.0.15\nconnected_clients:60\nmaxclients:100\n",
                clientList: pool(count: 60, host: "10.0.0.7", name: "", age: 90_000, idle: 80_000, firstID: 1),
                expect: .critical,
                expectEvidence: ["60 of maxclients 100", "10.0.0.7 (no name): 60 idle"]),
            RuleExample(
                "A short idle setting catches a minute-old pool",
                info: "redis_version:7.2.6\nconnected_clients:120\nmaxclients:10000\n",
                clientList: pool(count: 120, host: "10.1.2.3", name: "batch", age: 300, idle: 90, firstID: 1),
                settings: ["stale-connections.idle": "60"],
                expect: .warning,
                expectEvidence: ["120 connections idle", "10.1.2.3 batch"]),
            RuleExample(
                "Busy clients and an idle replica link",
                info: "redis_version:7.2.6\nconnected_clients:11\nmaxclients:10000\n",
                clientList: pool(count: 10, host: "10.0.0.9", name: "web", age: 7200, idle: 0, firstID: 1)
                    + "id=50 addr=10.0.0.20:6379 laddr=10.0.0.1:6379 fd=30 name= age=90000 idle=90000 flags=S db=0 sub=0 psub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 obl=0 oll=0 omem=0 tot-mem=1800 events=r cmd=replconf user=default\n",
                replies: ["CONFIG GET": "timeout 300"],
                expect: .ok),
            RuleExample(
                "CLIENT LIST denied by ACL",
                info: "redis_version:7.2.6\nconnected_clients:11\n",
                replies: ["CLIENT LIST": "-NOPERM this user has no permissions to run the 'client|list' command"],
                expect: .skipped),
        ]
    )

    /// `count` CLIENT LIST lines from one host and name: example input.
    private static func pool(count: Int, host: String, name: String, age: Int, idle: Int, firstID: Int) -> String {
        var text = ""
        for i in 0..<count {
            text += "id=\(firstID + i) addr=\(host):\(40000 + i) laddr=127.0.0.1:6379 fd=\(9 + i) name=\(name) age=\(age) idle=\(idle) flags=N db=0 sub=0 psub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 obl=0 oll=0 omem=0 tot-mem=1800 events=r cmd=get user=default\n"
        }
        return text
    }

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let clients = context.current.clients else {
            return context.skipped(context.unavailable("CLIENT LIST") ?? "no CLIENT LIST reply")
        }
        let idleSeconds = try context.integer("idle")
        let shareWarning = try context.number("share-warning")
        let shareCritical = try context.number("share-critical")
        let sourceShare = try context.number("source-share")
        let forkPoolMin = try context.integer("fork-pool-min")
        let shown = max(1, try context.integer("groups-shown"))

        let analysis = ClientGroups(clients, options: ClientGroupOptions(idleThresholdSeconds: idleSeconds))
        let summary = analysis.summary
        let stale = Double(summary.idle)
        let maxClients = context.info.number(.maxClients) ?? context.current.config?["maxclients"].flatMap { Double($0) }
        let threshold = context.threshold()
        var status = threshold.evaluate(stale)
        let countFired = status != .ok
        // What fired besides the stale count, for the summary: the Nagios line must name it.
        var fired: [String] = []
        var evidence = ["\(summary.idle) connections idle >= \(HumanFormat.duration(seconds: Double(idleSeconds))) of \(summary.total)"
                        + (summary.excluded > 0 ? " (\(summary.excluded) replication/pubsub/blocked/monitor/own not counted)" : "")]
        var metrics = [Metric("stale_connections", stale, unit: .none, threshold: threshold, min: 0),
                       Metric("client_list_connections", Double(summary.total), unit: .none, min: 0)]

        if let maxClients, maxClients > 0 {
            let share = stale / maxClients * 100
            metrics.append(Metric("stale_connections_share", share, unit: .percent, min: 0, max: 100))
            if share >= shareCritical || share >= shareWarning {
                status = worse(status, share >= shareCritical ? .critical : .warning)
                evidence.append("\(summary.idle) of maxclients \(HumanFormat.number(maxClients)) (\(HumanFormat.percent(share))) are stale")
                fired.append("\(summary.idle) stale connections hold \(HumanFormat.percent(share)) of \(HumanFormat.number(maxClients)) client slots")
            }
            for source in summary.perSource where Double(source.count) / maxClients * 100 >= sourceShare {
                status = worse(status, .warning)
                let percent = HumanFormat.percent(Double(source.count) / maxClients * 100)
                evidence.append("source \(source.host) holds \(source.count) connections, \(percent) of maxclients")
                var text = "\(source.host) holds \(source.count) of \(HumanFormat.number(maxClients)) client slots (\(percent))"
                if let largest = analysis.groups.filter({ $0.host == source.host && $0.name != nil }).max(by: { $0.count < $1.count }),
                   let name = largest.name {
                    text += ", \(largest.count) named \(name)"
                }
                fired.append(text)
            }
        }

        let staleGroups = analysis.groups.filter { $0.idleCount > 0 }
        for group in staleGroups.prefix(shown) {
            var line = "\(group.label): \(group.idleCount) idle of \(group.count)"
            if let median = group.idleMedian, let max = group.idleMax {
                line += ", idle \(HumanFormat.duration(seconds: Double(median))) median, \(HumanFormat.duration(seconds: Double(max))) max"
            }
            if let command = group.topCommands.first { line += ", last command \(command.command)" }
            evidence.append(line)
        }
        if staleGroups.count > shown { evidence.append("... and \(staleGroups.count - shown) more stale groups") }

        for group in staleGroups where group.neverUsed && group.idleCount >= forkPoolMin {
            status = worse(status, .warning)
            let age = group.ageMax.map { " \(HumanFormat.duration(seconds: Double($0))) ago" } ?? ""
            evidence.append("\(group.label): \(group.idleCount) connections opened\(age) and never used: the fork signature")
            fired.append("\(group.label): \(group.idleCount) connections never used since they opened (a forked pool)")
        }

        // Growth per source: only when the earlier sample carried CLIENT LIST too.
        if let previousClients = context.comparablePrevious?.clients {
            var before: [String: Int] = [:]
            for client in previousClients { before[ClientGroups.sourceHost(client), default: 0] += 1 }
            for source in summary.perSource {
                let grown = source.count - (before[source.host] ?? 0)
                if grown >= forkPoolMin {
                    status = worse(status, .warning)
                    evidence.append("source \(source.host) grew by \(grown) connections since the previous sample (now \(source.count))")
                    fired.append("\(source.host) grew by \(grown) connections (now \(source.count))")
                }
            }
        }

        let timeout = context.current.config?["timeout"]
        if let timeout { evidence.append("timeout \(timeout)" + (timeout == "0" ? " (idle connections are never closed by the server)" : "")) }

        var summaryText = "\(summary.idle) stale connection\(summary.idle == 1 ? "" : "s") in \(staleGroups.count) group\(staleGroups.count == 1 ? "" : "s")"
            + (staleGroups.first.map { ", worst \($0.label) (\($0.idleCount))" } ?? "")
        if !countFired, !fired.isEmpty { summaryText = fired.joined(separator: "; ") }
        guard status != .ok else { return context.ok(summaryText, evidence: evidence, metrics: metrics) }

        var advice: [String] = []
        if let worst = staleGroups.first {
            advice.append("Find the process behind \(worst.label) and make it close (or share) its pool; a forked worker must open its own connections after fork and close the parent's.")
        } else {
            advice.append("Find the process holding the most connections (CLIENT LIST, grouped by addr host and name) and check its pool size.")
        }
        let kills = ClientGroupsTable.killCommands(for: staleGroups, limit: 5)
        if !kills.isEmpty {
            let total = staleGroups.reduce(0) { $0 + $1.idleMembers.count }
            advice.append("To close them now (review first; not run by redis-doctor): " + kills.joined(separator: "; ")
                          + (total > kills.count ? "; ... and \(total - kills.count) more, one line per idle connection" : ""))
        }
        advice.append("redis-doctor clients shows every group, worst first (--idle SECONDS, --by host, name, lib, user or cmd).")
        if timeout == "0" {
            advice.append("CONFIG SET timeout 300 so the server closes connections idle for 5 minutes (and persist it in redis.conf).")
        }
        return context.result(status, summaryText, evidence: evidence, advice: advice, metrics: metrics)
    }

    private static func worse(_ a: Status, _ b: Status) -> Status {
        if a == .critical || b == .critical { return .critical }
        if a == .warning || b == .warning { return .warning }
        return a
    }
}
