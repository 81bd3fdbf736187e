extension CheckReport {
    /// The one evaluation path shared by `check` and the REPL's `:check`:
    /// parse the samples, run the enabled rules, describe the server.
    public static func evaluate(current: Snapshot, previous: Snapshot? = nil, settings: RuleSettings = RuleSettings()) -> CheckReport {
        let parsed = ParsedSnapshot(current)
        let results = RuleEngine.evaluate(current: parsed, previous: previous.map(ParsedSnapshot.init), settings: settings)
        return CheckReport(target: current.target, server: parsed.facts, results: results)
    }
}
