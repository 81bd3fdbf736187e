import ArgumentParser
import RedisDoctorCore

/// Rule selection and thresholds, shared by `check` and the REPL's `:check`.
struct RuleOptionGroup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Warning range for a rule's primary metric, in Nagios range syntax.", valueName: "rule=range"),
            completion: .custom { _, _, _ in RuleCompletion.thresholds })
    var warning: [String] = []

    @Option(name: .long, help: ArgumentHelp("Critical range for a rule's primary metric.", valueName: "rule=range"),
            completion: .custom { _, _, _ in RuleCompletion.thresholds })
    var critical: [String] = []

    @Option(name: .long, help: ArgumentHelp("Set a rule parameter.", valueName: "rule.param=value"),
            completion: .custom { _, _, _ in RuleCompletion.parameters })
    var set: [String] = []

    @Option(name: .long, help: ArgumentHelp("Run only these rules (comma-separated ids).", valueName: "ids"),
            completion: .custom { _, _, prefix in RuleCompletion.ids(after: prefix) })
    var only: [String] = []

    @Option(name: .long, help: ArgumentHelp("Skip these rules (comma-separated ids).", valueName: "ids"),
            completion: .custom { _, _, prefix in RuleCompletion.ids(after: prefix) })
    var skip: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read the same settings from a file (Docs/configuration.md).", valueName: "file"))
    var config: String?

    var arguments: SettingsArguments {
        SettingsArguments(warning: warning, critical: critical, set: set, only: only, skip: skip)
    }
}

/// What the shell completes after the rule options: computed when the shell asks (the
/// completion script calls back into redis-doctor), never at an ordinary start.
enum RuleCompletion {
    /// Rule ids; after `a,b,` the ids that complete the list.
    static func ids(after prefix: String) -> [String] {
        let ids = RuleRegistry.descriptions.map(\.id)
        guard let comma = prefix.lastIndex(of: ",") else { return ids }
        let head = prefix[...comma]
        return ids.map { head + $0 }
    }

    /// `rule-id=` for the rules with a primary metric.
    static var thresholds: [String] {
        RuleRegistry.descriptions.filter { $0.primaryMetric != nil }.map { $0.id + "=" }
    }

    /// `rule-id.parameter=` for every parameter.
    static var parameters: [String] {
        RuleRegistry.descriptions.flatMap { rule in rule.parameters.map { "\(rule.id).\($0.name)=" } }
    }
}
