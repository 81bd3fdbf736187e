/// Prometheus text exposition format, for node_exporter's textfile collector.
///
/// Families, each with HELP and TYPE once:
/// - `redis_doctor_up{target}`: 1 when the check completed without a check-level error.
/// - `redis_doctor_status{target}`: overall status, 0 ok, 1 warning, 2 critical, 3 unknown.
/// - `redis_doctor_rule_status{rule,target}`: the same scale per evaluated rule.
///   Skipped rules have no sample here (a -1 would corrupt `max()` alerts).
/// - `redis_doctor_rule_skipped{rule,target}`: 1 for skipped rules, 0 for evaluated ones.
/// - `redis_doctor_metric{rule,name,unit,target}`: each finite metric value, in base units.
public struct PrometheusRenderer: Sendable {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let target = ("target", report.target)
        var out = ""
        family(&out, "redis_doctor_up", "Whether the check completed without a check-level error (1) or not (0).")
        sample(&out, "redis_doctor_up", [target], report.error == nil ? "1" : "0")
        family(&out, "redis_doctor_status", "Overall status: 0 ok, 1 warning, 2 critical, 3 unknown.")
        sample(&out, "redis_doctor_status", [target], String(report.status.nagiosExitCode))

        let evaluated = report.results.filter { $0.status != .skipped }
        if !evaluated.isEmpty {
            family(&out, "redis_doctor_rule_status", "Status of each evaluated rule: 0 ok, 1 warning, 2 critical, 3 unknown.")
            for result in evaluated {
                sample(&out, "redis_doctor_rule_status", [("rule", result.ruleID), target], String(result.status.nagiosExitCode))
            }
        }
        if !report.results.isEmpty {
            family(&out, "redis_doctor_rule_skipped", "1 when the rule was skipped (disabled or a needed command was unavailable), else 0.")
            for result in report.results {
                sample(&out, "redis_doctor_rule_skipped", [("rule", result.ruleID), target], result.status == .skipped ? "1" : "0")
            }
        }
        let metrics = report.results.flatMap { result in
            result.metrics.filter(\.isRenderable).map { (result.ruleID, $0) }
        }
        if !metrics.isEmpty {
            family(&out, "redis_doctor_metric", "Values measured by the rules, in base units (see the unit label).")
            for (rule, metric) in metrics {
                let labels = [("rule", rule), ("name", metric.name), ("unit", metric.unit.symbol), target]
                sample(&out, "redis_doctor_metric", labels, NumberText.format(metric.value) ?? "NaN")
            }
        }
        return out
    }

    private func family(_ out: inout String, _ name: String, _ help: String) {
        out += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) gauge\n"
    }

    private func sample(_ out: inout String, _ name: String, _ labels: [(String, String)], _ value: String) {
        out += name + "{"
        out += labels.map { "\($0.0)=\"\(Self.escapeLabelValue($0.1))\"" }.joined(separator: ",")
        out += "} " + value + "\n"
    }

    /// Label values escape backslash, double quote and line feed.
    static func escapeLabelValue(_ text: String) -> String { escape(text, quote: true) }

    /// HELP text escapes backslash and line feed only.
    static func escapeHelp(_ text: String) -> String { escape(text, quote: false) }

    private static func escape(_ text: String, quote: Bool) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"" where quote: out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
