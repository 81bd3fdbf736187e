/// One group of connections: a "process" (source host + client name, split into
/// cohorts by connection age) or a group along another `ClientGrouping`.
public struct ClientGroup: Sendable, Equatable {
    /// A connection, as far as `CLIENT KILL` needs it.
    public struct Member: Sendable, Equatable {
        public var id: Int?
        public var addr: String?
    }

    public struct CommandCount: Sendable, Equatable {
        public var command: String
        public var count: Int
    }

    public var grouping: ClientGrouping
    /// Key fields: only those of the grouping are set. Unix sockets have host `unix`.
    public var host: String?
    /// Client name, else lib-name, else `(no name)` (for `.hostName` and `.name`).
    public var name: String?
    public var lib: String?
    public var user: String?
    public var command: String?
    /// 0 for the oldest connections of the key, 1 for the next cohort...
    public var cohort: Int
    /// Every connection of the group, excluded ones included.
    public var count: Int
    /// Connections left out of idleness counts (replication, monitor, pubsub, blocked, own).
    public var excluded: Int
    /// Counted connections idle for at least the threshold.
    public var idleCount: Int
    public var ageMin: Int?
    public var ageMax: Int?
    public var idleMin: Int?
    public var idleMedian: Int?
    public var idleMax: Int?
    /// Up to 3 last commands, most frequent first.
    public var topCommands: [CommandCount]
    /// Every flag letter seen, sorted.
    public var flags: String
    public var omem: Int
    public var totMem: Int
    /// Every counted connection has idle within a slack of its age: opened and
    /// never used (the fork signature). False when age or idle is unknown.
    public var neverUsed: Bool
    /// The counted idle connections, for `killCommands`.
    public var idleMembers: [Member]

    /// The key as one line: `10.0.0.7 web`, `unix (no name) #2`.
    public var label: String {
        var parts: [String] = []
        for value in [host, name, lib, user, command] { if let value { parts.append(value) } }
        return parts.joined(separator: " ") + (cohort > 0 ? " #\(cohort + 1)" : "")
    }
}

/// Totals over all connections; excluded + counted == total.
public struct ClientGroupsSummary: Sendable, Equatable {
    public var total: Int
    /// Connections left out of idleness counts, by reason.
    public var excluded: Int
    /// By reason; reasons with none are absent.
    public var excludedByReason: [ClientExclusion: Int] {
        get {
            var byReason: [ClientExclusion: Int] = [:]
            for reason in ClientExclusion.allCases where excludedCounts[reason.index] > 0 { byReason[reason] = excludedCounts[reason.index] }
            return byReason
        }
        set {
            excludedCounts = ClientExclusion.allCases.map { newValue[$0] ?? 0 }
        }
    }
    /// The same counts in `ClientExclusion.allCases` order: a check builds no Dictionary
    /// keyed by ClientExclusion, whose first use costs a conformance scan (IntegerTable).
    var excludedCounts: [Int]
    /// Counted connections idle for at least the threshold.
    public var idle: Int
    public var idleThresholdSeconds: Int
    /// Groups holding at least one idle connection.
    public var staleGroups: Int
    /// Connections in never-used groups that are idle.
    public var neverUsed: Int
    /// The source host holding the most connections, and how many.
    public var largestSource: String?
    public var largestSourceCount: Int
    /// Connections per source host, most first.
    public var perSource: [(host: String, count: Int)]

    public static func == (a: Self, b: Self) -> Bool {
        a.total == b.total && a.excluded == b.excluded && a.excludedCounts == b.excludedCounts && a.idle == b.idle
            && a.idleThresholdSeconds == b.idleThresholdSeconds && a.staleGroups == b.staleGroups
            && a.neverUsed == b.neverUsed && a.largestSource == b.largestSource
            && a.largestSourceCount == b.largestSourceCount
            && a.perSource.map(\.host) == b.perSource.map(\.host) && a.perSource.map(\.count) == b.perSource.map(\.count)
    }
}
