/// What a rule checks and why, in the manner of SwiftLint's rule descriptions.
///
/// Descriptions drive `redis-doctor rules`, the generated Docs/rules pages, settings
/// validation and the example-based tests every rule must pass.
public struct RuleDescription: Sendable {
    /// Kebab-case, stable: used on the command line and in config files.
    public var id: String
    public var title: String
    public var category: RuleCategory
    /// One line.
    public var summary: String
    /// Why the rule exists and how its defaults were chosen; may span lines.
    public var rationale: String
    /// INFO fields (or CLIENT LIST columns) the rule reads.
    public var fieldsRead: [String]
    /// Commands the rule needs (`INFO`, `CONFIG GET save`); if one is denied the rule is skipped.
    public var commandsNeeded: [String]
    public var enabledByDefault: Bool
    /// An informational rule reports facts (uptime, a restart) and never alerts by
    /// itself: its examples must all stay below WARNING, and none may trigger.
    public var informational: Bool
    /// Name of the metric the warning/critical ranges apply to, if any.
    public var primaryMetric: String?
    /// Default ranges in Nagios syntax; nil means no threshold of that level.
    public var defaultWarning: String?
    public var defaultCritical: String?
    public var parameters: [RuleParameter]
    /// Built only when asked for (tests, docs, `rules ID`): a check reads the description
    /// on every run, and some rules generate long CLIENT LIST examples.
    private var makeExamples: @Sendable () -> [RuleExample]

    public var examples: [RuleExample] {
        get { makeExamples() }
        set {
            let value = newValue
            makeExamples = { value }
        }
    }

    public init(
        id: String, title: String, category: RuleCategory, summary: String, rationale: String,
        fieldsRead: [String] = [], commandsNeeded: [String] = ["INFO"], enabledByDefault: Bool = true, informational: Bool = false,
        primaryMetric: String? = nil, defaultWarning: String? = nil, defaultCritical: String? = nil,
        parameters: [RuleParameter] = [], examples: @autoclosure @escaping @Sendable () -> [RuleExample] = []
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.summary = summary
        self.rationale = rationale
        self.fieldsRead = fieldsRead
        self.commandsNeeded = commandsNeeded
        self.enabledByDefault = enabledByDefault
        self.informational = informational
        self.primaryMetric = primaryMetric
        self.defaultWarning = defaultWarning
        self.defaultCritical = defaultCritical
        self.parameters = parameters
        self.makeExamples = examples
    }

    /// The default ranges, parsed; throws when a default is not valid range syntax.
    public func defaultThreshold() throws(NagiosRangeError) -> Threshold {
        try Threshold(warning: defaultWarning, critical: defaultCritical)
    }
}

public enum RuleCategory: String, Sendable, Hashable, CaseIterable {
    case persistence
    case memory
    case clients
    case replication
    case latency
    case server
    case security
    case cluster
    case sentinel
    case host

    public var title: String {
        switch self {
        case .persistence: return "Persistence"
        case .memory: return "Memory"
        case .clients: return "Clients"
        case .replication: return "Replication"
        case .latency: return "Latency"
        case .server: return "Server"
        case .security: return "Security"
        case .cluster: return "Cluster"
        case .sentinel: return "Sentinel"
        case .host: return "Host"
        }
    }
}

/// A tunable of a rule, set with `--set RULE.NAME=VALUE` or in the config file.
public struct RuleParameter: Sendable, Hashable {
    /// Kebab-case name (`idle-seconds`).
    public var name: String
    /// The default, as the text a user would write.
    public var defaultValue: String
    public var description: String
    /// What values it takes; checked before anything is sent to a server.
    public var kind: Kind

    public enum Kind: Sendable, Hashable {
        /// A finite number, zero or more (a threshold, seconds, bytes, a ratio).
        case amount
        /// A whole number, zero or more (a count, whole seconds).
        case count
        /// On or off: true/false, on/off, yes/no, 1/0.
        case flag
    }

    public init(name: String, defaultValue: String, description: String, kind: Kind = .amount) {
        self.name = name
        self.defaultValue = defaultValue
        self.description = description
        self.kind = kind
    }

    /// Why `value` is not acceptable, or nil. An empty value is accepted only where the
    /// default is empty (a threshold that is off unless set).
    public func problem(with value: String) -> String? {
        if value.isEmpty { return defaultValue.isEmpty ? nil : "expected a value" }
        switch kind {
        case .count:
            guard let n = Int(value), n >= 0 else { return "expected a whole number of 0 or more, got \"\(value)\"" }
        case .amount:
            guard let n = NumberText.parse(value), n.isFinite, n >= 0 else { return "expected a number of 0 or more, got \"\(value)\"" }
        case .flag:
            guard RuleSettings.parseBool(value) != nil else { return "expected on or off (true/false), got \"\(value)\"" }
        }
        return nil
    }
}

/// A worked example: server replies in, expected status and evidence out.
/// Examples are documentation and test cases at once.
public struct RuleExample: Sendable, Hashable {
    public var title: String
    /// INFO text (only the fields that matter).
    public var info: String
    public var clientList: String?
    /// INFO from the previous run, for rules that compare two samples.
    public var previousInfo: String?
    /// Other replies by command (`"CONFIG GET save": "save 3600 1 300 100"`).
    public var replies: [String: String]
    /// Settings overrides as `rule-id.param` (or `rule-id.warning`) = value.
    public var settings: [String: String]
    /// What a TLS handshake showed, for the TLS rules; nil for a plain connection.
    public var tls: TLSPeer?
    /// Each node's view, for the cluster rules (`info` is then unused).
    public var cluster: [ClusterExampleNode]
    /// Every sentinel's answers and the master's ROLE, for the sentinel rules.
    public var sentinel: SentinelExample?
    /// The server's host, for the host rules; nil for a sample without host facts.
    public var host: HostExample?
    public var expectedStatus: Status
    /// Substrings that must appear in the result's evidence.
    public var expectEvidence: [String]

    public init(
        _ title: String, info: String, clientList: String? = nil, previousInfo: String? = nil,
        replies: [String: String] = [:], settings: [String: String] = [:], tls: TLSPeer? = nil,
        cluster: [ClusterExampleNode] = [], sentinel: SentinelExample? = nil, host: HostExample? = nil,
        expect expectedStatus: Status, expectEvidence: [String] = []
    ) {
        self.host = host
        self.tls = tls
        self.cluster = cluster
        self.sentinel = sentinel
        self.title = title
        self.info = info
        self.clientList = clientList
        self.previousInfo = previousInfo
        self.replies = replies
        self.settings = settings
        self.expectedStatus = expectedStatus
        self.expectEvidence = expectEvidence
    }

    /// Whether the example shows the rule firing (WARNING or CRITICAL).
    public var triggers: Bool { expectedStatus == .warning || expectedStatus == .critical }
}

extension RuleDescription: Hashable {
    public static func == (a: RuleDescription, b: RuleDescription) -> Bool {
        a.id == b.id && a.title == b.title && a.category == b.category && a.summary == b.summary
            && a.rationale == b.rationale && a.fieldsRead == b.fieldsRead && a.commandsNeeded == b.commandsNeeded
            && a.enabledByDefault == b.enabledByDefault && a.informational == b.informational
            && a.primaryMetric == b.primaryMetric && a.defaultWarning == b.defaultWarning
            && a.defaultCritical == b.defaultCritical && a.parameters == b.parameters && a.examples == b.examples
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(title)
    }
}
