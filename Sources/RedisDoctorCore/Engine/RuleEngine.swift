/// Runs the enabled rules over a sample, each one isolated: a rule's bad setting
/// makes that rule UNKNOWN, never the whole check.
public enum RuleEngine {
    public static func evaluate(
        _ rules: [any HealthRule.Type] = RuleRegistry.nodeRules,
        current: ParsedSnapshot,
        previous: ParsedSnapshot? = nil,
        settings: RuleSettings = RuleSettings(),
        cluster: ClusterState? = nil,
        sentinel: SentinelState? = nil
    ) -> [RuleResult] {
        var results: [RuleResult] = []
        for rule in rules {
            let description = rule.description
            guard settings.isEnabled(id: description.id, defaultEnabled: description.enabledByDefault) else { continue }
            let context = RuleContext(description: description, current: current, previous: previous, settings: settings, cluster: cluster, sentinel: sentinel)
            do {
                results.append(try rule.evaluate(context))
            } catch {
                results.append(RuleResult(ruleID: description.id, status: .unknown, summary: "invalid setting: \(error)"))
            }
        }
        return results
    }
}
