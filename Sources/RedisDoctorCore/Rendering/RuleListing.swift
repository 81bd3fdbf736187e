/// The `redis-doctor rules` table: every rule with its default state, thresholds and parameters.
public enum RuleListing {
    public static func render(_ descriptions: [RuleDescription]) -> String {
        var lines = ["RULE                   DEFAULT  CATEGORY      WARNING    CRITICAL   PARAMETERS"]
        for d in descriptions {
            let state = d.enabledByDefault ? "on" : "off"
            let parameters = d.parameters.map { "\($0.name)=\($0.defaultValue)" }.joined(separator: " ")
            lines.append(pad(d.id, 22) + " " + pad(state, 8) + " " + pad(d.category.rawValue, 13) + " "
                         + pad(d.defaultWarning ?? "-", 10) + " " + pad(d.defaultCritical ?? "-", 10) + " " + parameters)
        }
        lines.append("")
        lines.append("Thresholds use Nagios range syntax on the rule's primary metric; `redis-doctor rules ID` documents one rule.")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
