/// What connections are grouped by when looking for stale per-process pools.
public enum ClientGrouping: String, Sendable, CaseIterable {
    /// Source host plus client name (lib-name when the name is empty): one "process".
    case hostName = "host+name"
    case host
    /// The client name, else lib-name, else `(no name)`.
    case name
    /// `lib-name` (7.2+), else `(no lib)`.
    case lib
    case user
    /// The last command.
    case cmd
}

/// Why a connection is left out of idleness counts: idle is its normal state.
public enum ClientExclusion: String, Sendable, CaseIterable {
    /// Flags S (replica) or M (master link).
    case replication
    /// Flag O.
    case monitor
    /// Flag P, or sub/psub > 0.
    case pubsub
    /// Flag b: waiting in a blocking command.
    case blocked
    /// redis-doctor's own connection.
    case own

    /// Position in `allCases`, for counts kept in a plain array.
    var index: Int {
        switch self {
        case .replication: return 0
        case .monitor: return 1
        case .pubsub: return 2
        case .blocked: return 3
        case .own: return 4
        }
    }

    /// The reason `entry` is excluded, nil when it counts. `ownAddresses`: this tool's
    /// socket as the server sees it (`127.0.0.1:51234`), for servers without client names (2.4).
    public static func of(_ entry: ClientEntry, ownName: String = "redis-doctor", ownAddresses: [String] = []) -> ClientExclusion? {
        // The first telling flag decides, as it reads in CLIENT LIST.
        let byFlag: ClientExclusion?? = entry.withBytes(.flags) { flags in
            for flag in flags {
                switch flag {
                case 0x53, 0x4D: return .replication // S M
                case 0x4F: return .monitor // O
                case 0x50: return .pubsub // P
                case 0x62: return .blocked // b
                default: continue
                }
            }
            return nil
        }
        if let found = byFlag ?? nil { return found }
        if (entry.sub ?? 0) > 0 || (entry.psub ?? 0) > 0 { return .pubsub }
        var own = ownName
        let isOwn = own.withUTF8 { ownBytes in entry.withBytes(.name) { $0.elementsEqual(UnsafeRawBufferPointer(ownBytes)) } } ?? false
        if isOwn { return .own }
        for address in ownAddresses {
            var address = address
            let same = address.withUTF8 { own in entry.withBytes(.addr) { $0.elementsEqual(UnsafeRawBufferPointer(own)) } } ?? false
            if same { return .own }
        }
        return nil
    }
}

/// Tunables of `ClientGroups.analyse`.
public struct ClientGroupOptions: Sendable {
    public var grouping: ClientGrouping
    /// A connection is idle from this many seconds.
    public var idleThresholdSeconds: Int
    /// Connections of one key whose ages differ by more than this start a new
    /// cohort (a separately started process); nil keeps each key whole.
    public var cohortGapSeconds: Int?
    /// `idle` within this many seconds of `age` means never used after connecting.
    public var neverUsedSlackSeconds: Int
    /// redis-doctor's own client name, left out of idleness counts.
    public var ownName: String
    /// redis-doctor's own socket address as the server prints it, for servers that keep no names.
    public var ownAddresses: [String] = []

    public init(grouping: ClientGrouping = .hostName, idleThresholdSeconds: Int = 3600, cohortGapSeconds: Int? = 5,
                neverUsedSlackSeconds: Int = 2, ownName: String = "redis-doctor") {
        self.grouping = grouping
        self.idleThresholdSeconds = idleThresholdSeconds
        self.cohortGapSeconds = cohortGapSeconds
        self.neverUsedSlackSeconds = neverUsedSlackSeconds
        self.ownName = ownName
    }
}
