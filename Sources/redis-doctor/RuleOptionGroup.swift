import ArgumentParser
import RedisDoctorCore

/// Rule selection and thresholds, shared by `check` and the REPL's `:check`.
struct RuleOptionGroup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Warning range for a rule's primary metric, in Nagios range syntax.", valueName: "rule=range"))
    var warning: [String] = []

    @Option(name: .long, help: ArgumentHelp("Critical range for a rule's primary metric.", valueName: "rule=range"))
    var critical: [String] = []

    @Option(name: .long, help: ArgumentHelp("Set a rule parameter.", valueName: "rule.param=value"))
    var set: [String] = []

    @Option(name: .long, help: ArgumentHelp("Run only these rules (comma-separated ids).", valueName: "ids"))
    var only: [String] = []

    @Option(name: .long, help: ArgumentHelp("Skip these rules (comma-separated ids).", valueName: "ids"))
    var skip: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read the same settings from a file (Docs/configuration.md).", valueName: "file"))
    var config: String?

    var arguments: SettingsArguments {
        SettingsArguments(warning: warning, critical: critical, set: set, only: only, skip: skip)
    }
}
