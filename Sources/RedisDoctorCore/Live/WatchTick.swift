/// One tick of a live view (`watch`, the REPL's `:watch`): the counters an operator follows in
/// an outage as per-second rates since the previous tick, and the rules' status, or why the
/// server gave no answer this time.
public struct WatchTick: Sendable {
    /// The host's clock at the tick, seconds since the epoch.
    public var at: Double
    /// Why this tick has nothing to show, as printed (`no answer: ...` for a timeout or a
    /// refused connection, `INFO refused: ...`); nil when it was judged.
    public var failure: String?
    public var values: [(name: String, value: Double?)] = []
    /// keyspace_hits / (hits + misses) over the tick, in percent; nil without lookups.
    public var hitRatio: Double?
    public var save: String?
    public var replication: String?
    /// SLOWLOG entries newer than the previous tick's newest.
    public var newSlowlog: Int?
    public var status: Status = .unknown
    public var problems: [String] = []

    /// Gauges as they are, counters as rates per second: (label, field, is a rate).
    static let columns: [(String, InfoField, Bool)] = [
        ("ops/s", .totalCommandsProcessed, true), ("used", .usedMemory, false), ("rss", .usedMemoryRss, false),
        ("frag", .memFragmentationRatio, false), ("clients", .connectedClients, false), ("blocked", .blockedClients, false),
        ("rejected/s", .rejectedConnections, true), ("evicted/s", .evictedKeys, true), ("expired/s", .expiredKeys, true),
        ("hits/s", .keyspaceHits, true), ("misses/s", .keyspaceMisses, true),
    ]

    /// A tick with nothing judged: `status` as a check would give it (CRITICAL for no
    /// answer, UNKNOWN for a refused or unreadable INFO).
    public init(failure: String, status: Status, at: Double) {
        self.at = at
        self.failure = failure
        self.status = status
    }

    public init(history: WatchHistory, results: [RuleResult], at: Double) {
        self.at = at
        guard let newest = history.newest else {
            failure = "no sample"
            status = .unknown
            return
        }
        let info = newest.snapshot.info
        let previous = history.previous
        let elapsed = previous.map { newest.at - $0.at } ?? 0
        for (name, field, isRate) in Self.columns {
            guard let value = info.number(field) else {
                values.append((name, nil))
                continue
            }
            if !isRate { values.append((name, value)); continue }
            if let before = previous?.snapshot.info.number(field), elapsed > 0, value >= before {
                values.append((name, (value - before) / elapsed))
            } else {
                values.append((name, nil))
            }
        }
        if let before = previous?.snapshot.info, let hits = info.number(.keyspaceHits), let misses = info.number(.keyspaceMisses),
           let hits0 = before.number(.keyspaceHits), let misses0 = before.number(.keyspaceMisses) {
            let lookups = (hits - hits0) + (misses - misses0)
            if lookups > 0 { hitRatio = (hits - hits0) / lookups * 100 }
        }
        save = Self.saveText(info)
        replication = Self.replicationText(info)
        if let entries = newest.snapshot.slowlog, let earlier = previous?.snapshot.slowlog {
            let seen = earlier.map(\.id).max() ?? -1
            newSlowlog = entries.filter { $0.id > seen }.count
        }
        status = Status.worst(results.map(\.status))
        problems = results.filter { $0.status != .ok && $0.status != .skipped }.map { "\($0.status.label) \($0.ruleID)" }
        // Every rule skipped: nothing was judged, which is no OK (as in check).
        if !results.contains(where: { $0.status != .skipped }) { status = .unknown }
    }

    /// `bgsave 12 s, 45,000 of 100,000 keys` while a save or rewrite runs.
    static func saveText(_ info: Info) -> String? {
        var parts: [String] = []
        if info.flag(.bgsaveInProgress) == true {
            parts.append("bgsave" + (info.number(.currentBgsaveTimeSec).map { $0 >= 0 ? " \(HumanFormat.number($0)) s" : "" } ?? ""))
        }
        if info.flag(.aofRewriteInProgress) == true {
            parts.append("aof rewrite" + (info.number(.aofCurrentRewriteTimeSec).map { $0 >= 0 ? " \(HumanFormat.number($0)) s" : "" } ?? ""))
        }
        guard !parts.isEmpty else { return nil }
        if let done = info.number(.currentSaveKeysProcessed), let total = info.number(.currentSaveKeysTotal), total > 0 {
            parts.append("\(HumanFormat.number(done)) of \(HumanFormat.number(total)) keys")
        }
        return parts.joined(separator: ", ")
    }

    /// A master: its replicas and the largest offset lag; a replica: its link.
    static func replicationText(_ info: Info) -> String? {
        guard let role = info.string(.role) else { return nil }
        if role == "master" {
            let replicas = info.replicas
            guard !replicas.isEmpty else { return "master, no replica" }
            let offset = info.number(.masterReplOffset)
            let lags = replicas.compactMap { r in r.offset.flatMap { o in offset.map { $0 - Double(o) } } }
            let lag = lags.max().map { ", offset lag up to \(HumanFormat.bytes(max(0, $0)))" } ?? ""
            let online = replicas.filter { $0.state == "online" }.count
            return "master, \(online) of \(replicas.count) replica(s) online\(lag)"
        }
        let link = info.string(.masterLinkStatus) ?? "?"
        let io = info.number(.masterLastIoSecondsAgo).map { ", last I/O \(HumanFormat.number($0)) s ago" } ?? ""
        let down = link == "down" ? (info.number(.masterLinkDownSinceSeconds).map { ", down \(HumanFormat.duration(seconds: $0))" } ?? "") : ""
        return "replica, link \(link)\(io)\(down)"
    }
}
