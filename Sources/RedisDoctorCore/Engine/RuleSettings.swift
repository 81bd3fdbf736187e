/// Per-rule overrides from the command line and the config file.
///
/// Pure: the executable reads the file and hands over its text. The command line
/// wins over the file, setting by setting. See Docs/configuration.md.
public struct RuleSettings: Sendable, Equatable {
    /// Keys every rule accepts besides its declared parameters.
    public static let reservedKeys: Set<String> = ["warning", "critical", "enabled"]

    /// The file layer and the command-line layer, looked up command line first.
    var fileLayer = Layer()
    var commandLineLayer = Layer()

    /// No overrides: every rule runs with its defaults.
    public init() {}

    /// Settings from a config file's text and command-line arguments.
    /// - Parameter configName: how errors name the file (its path).
    public init(configText: String? = nil, configName: String = "config", arguments: SettingsArguments = SettingsArguments()) throws(RuleSettingsError) {
        if let configText {
            fileLayer = try Self.parseConfig(configText, name: configName)
        }
        commandLineLayer = try Self.parseArguments(arguments)
    }

    /// Settings from `rule-id.key = value` pairs (a `RuleExample`'s overrides), as if
    /// given with `--set`; `rule-id.warning` and `rule-id.critical` take ranges.
    public init(overrides: [String: String]) throws(RuleSettingsError) {
        var arguments = SettingsArguments()
        arguments.set = overrides.keys.sorted().map { "\($0)=\(overrides[$0]!)" }
        commandLineLayer = try Self.parseArguments(arguments)
    }

    // MARK: Lookup

    /// The warning range set for `id`, if any; the rule's default applies otherwise.
    public func warning(for id: String) -> NagiosRange? {
        commandLineLayer.rules[id]?.warning?.value ?? fileLayer.rules[id]?.warning?.value
    }

    public func critical(for id: String) -> NagiosRange? {
        commandLineLayer.rules[id]?.critical?.value ?? fileLayer.rules[id]?.critical?.value
    }

    /// The rule's thresholds: each level overridden when set, else `defaults`.
    public func threshold(for id: String, defaults: Threshold) -> Threshold {
        Threshold(warning: warning(for: id) ?? defaults.warning, critical: critical(for: id) ?? defaults.critical)
    }

    /// The raw text of a parameter, if set anywhere.
    public func parameter(rule id: String, name: String) -> String? {
        setting(rule: id, name: name)?.value
    }

    /// Whether a rule runs. Per layer (command line, then file): an explicit
    /// `enabled` decides, then `skip`, then `only`; with no opinion, `defaultEnabled`.
    public func isEnabled(id: String, defaultEnabled: Bool) -> Bool {
        // No array of layers: copying them per rule cost a conformance scan on every check.
        commandLineLayer.decision(for: id) ?? fileLayer.decision(for: id) ?? defaultEnabled
    }

    func setting(rule id: String, name: String) -> Sourced<String>? {
        commandLineLayer.rules[id]?.parameters[name] ?? fileLayer.rules[id]?.parameters[name]
    }
}

/// The command-line options that feed `RuleSettings`, as the user typed them.
public struct SettingsArguments: Sendable, Equatable {
    /// `RULE=RANGE` values of `--warning`.
    public var warning: [String]
    /// `RULE=RANGE` values of `--critical`.
    public var critical: [String]
    /// `RULE.PARAM=VALUE` values of `--set`.
    public var set: [String]
    /// Comma-separated rule ids of each `--only`.
    public var only: [String]
    /// Comma-separated rule ids of each `--skip`.
    public var skip: [String]

    public init(warning: [String] = [], critical: [String] = [], set: [String] = [], only: [String] = [], skip: [String] = []) {
        self.warning = warning
        self.critical = critical
        self.set = set
        self.only = only
        self.skip = skip
    }
}

/// A bad setting, naming where it came from (`redis-doctor.conf:12` or the argument).
public struct RuleSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}

/// A value and where it was set, so later errors can point at it.
struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
    var value: Value
    var source: String
}

/// One source's settings (the file, or the command line).
struct Layer: Sendable, Equatable {
    var only: [Sourced<String>]?
    var skip: [Sourced<String>] = []
    var rules: [String: RuleOverride] = [:]
    /// Every rule id and parameter mentioned, in order, for validation.
    var mentions: [Mention] = []

    /// Whether this layer enables `id`, by the first opinion it has: an explicit
    /// `enabled`, then `skip`, then `only`; nil without one.
    func decision(for id: String) -> Bool? {
        if let enabled = rules[id]?.enabled { return enabled.value }
        if skip.contains(where: { $0.value == id }) { return false }
        if let only { return only.contains { $0.value == id } }
        return nil
    }
}

struct RuleOverride: Sendable, Equatable {
    var warning: Sourced<NagiosRange>?
    var critical: Sourced<NagiosRange>?
    var enabled: Sourced<Bool>?
    var parameters: [String: Sourced<String>] = [:]
}

struct Mention: Sendable, Equatable {
    var rule: String
    var parameter: String?
    var source: String
}
