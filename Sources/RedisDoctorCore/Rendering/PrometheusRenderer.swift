/// Prometheus text exposition format, for node_exporter's textfile collector.
///
/// Families, each with HELP and TYPE once, every sample labelled with `target`:
/// - `redis_doctor_up`: 1 when the check completed without a check-level error.
/// - `redis_doctor_status`: overall status, 0 ok, 1 warning, 2 critical, 3 unknown.
/// - `redis_doctor_rule_status{rule}`: the same scale per evaluated rule. Skipped rules
///   have no sample here (a -1 would corrupt `max()` alerts).
/// - `redis_doctor_rule_skipped{rule}`: 1 for skipped rules, 0 for evaluated ones.
/// - `redis_doctor_last_run_timestamp_seconds`, `redis_doctor_run_duration_seconds`:
///   when the run ended and how long it took, so an alert can fire when checks stop.
/// - `redis_doctor_check_error{kind}`: 1 with the error's kind when the check could not
///   complete (a fixed set of kinds, never the message).
/// - `redis_doctor_role{role}`: the role as a state set (1 for the current one, master
///   and replica always present), and `redis_doctor_info{family,version}`: identity in one
///   series, so no value series carries a label that changes on a failover or an upgrade.
/// - one family per measured quantity, named after it with its base unit
///   (`redis_doctor_ping_seconds`, `redis_doctor_used_memory_bytes`), and the server's
///   counters as counters (`redis_doctor_rejected_connections_total`).
public struct PrometheusRenderer: Sendable {
    /// Whether samples carry `target`: yes in a textfile (one file holds many targets), no
    /// from the exporter (Prometheus adds `instance` by relabeling).
    public var targetLabel: Bool

    public init(targetLabel: Bool = true) {
        self.targetLabel = targetLabel
    }

    public func render(_ report: CheckReport) -> String {
        let target = ("target", report.target)
        var out = ""
        gauge(&out, "redis_doctor_up", "Whether the check completed without a check-level error (1) or not (0).")
        sample(&out, "redis_doctor_up", [target], report.error == nil ? "1" : "0")
        gauge(&out, "redis_doctor_status", "Overall status: 0 ok, 1 warning, 2 critical, 3 unknown.")
        sample(&out, "redis_doctor_status", [target], String(report.status.nagiosExitCode))

        if let error = report.error {
            // The kind is one of a fixed set (CheckError.Kind): never the error's text.
            gauge(&out, "redis_doctor_check_error", "1 when the check ended in a check-level error, labelled with its kind (timeout, connection-refused, authentication, ...).")
            sample(&out, "redis_doctor_check_error", [("kind", error.kind.rawValue), target], "1")
        }
        let evaluated = report.results.filter { $0.status != .skipped }
        if !evaluated.isEmpty {
            gauge(&out, "redis_doctor_rule_status", "Status of each evaluated rule: 0 ok, 1 warning, 2 critical, 3 unknown.")
            for result in evaluated {
                sample(&out, "redis_doctor_rule_status", [("rule", result.ruleID), target], String(result.status.nagiosExitCode))
            }
        }
        if !report.results.isEmpty {
            gauge(&out, "redis_doctor_rule_skipped", "1 when the rule was skipped (disabled or a needed command was unavailable), else 0.")
            for result in report.results {
                sample(&out, "redis_doctor_rule_skipped", [("rule", result.ruleID), target], result.status == .skipped ? "1" : "0")
            }
        }
        if let role = report.server.first(where: { $0.name == "role" })?.value {
            gauge(&out, "redis_doctor_role", "The server's role as a state set: 1 for the current one (master, replica).")
            for name in ["master", "replica"] {
                let current = role == name || (name == "replica" && role == "slave")
                sample(&out, "redis_doctor_role", [("role", name), target], current ? "1" : "0")
            }
        }
        if let server = report.server.first(where: { $0.name == "server" })?.value {
            let words = server.split(separator: " ", maxSplits: 1).map(String.init)
            gauge(&out, "redis_doctor_info", "1, labelled with the server's identity: its family (redis, valkey, ...) and version.")
            sample(&out, "redis_doctor_info", [("family", words.first ?? "?"), ("version", words.count > 1 ? words[1] : "?"), target], "1")
        }
        if let timing = report.timing {
            gauge(&out, "redis_doctor_last_run_timestamp_seconds", "When this check ended, in seconds since the epoch: alert when it grows old.")
            sample(&out, "redis_doctor_last_run_timestamp_seconds", [target], NumberText.format(timing.finishedAt) ?? "NaN")
            gauge(&out, "redis_doctor_run_duration_seconds", "How long this check took, in seconds.")
            sample(&out, "redis_doctor_run_duration_seconds", [target], NumberText.format(timing.duration) ?? "NaN")
        }

        var seen: Set<String> = ["redis_doctor_up", "redis_doctor_status", "redis_doctor_rule_status", "redis_doctor_rule_skipped",
                                 "redis_doctor_role", "redis_doctor_info", "redis_doctor_check_error",
                                 "redis_doctor_last_run_timestamp_seconds", "redis_doctor_run_duration_seconds"]
        let measured = report.results.flatMap { result in result.metrics.map { ($0, "measured by the \(result.ruleID) rule") } }
            + report.counters.map { ($0, "from INFO, a counter of the server process") }
        for (metric, origin) in measured where metric.isRenderable {
            let family = PrometheusFamily(metric)
            // One family per name: a second metric of the same name would be invalid exposition.
            guard seen.insert(family.name).inserted else { continue }
            let type = metric.kind == .counter ? "counter" : "gauge"
            out += "# HELP \(family.name) \(Self.escapeHelp("\(metric.name)\(family.unitNote), \(origin)."))\n# TYPE \(family.name) \(type)\n"
            sample(&out, family.name, [target], NumberText.format(metric.value * family.scale) ?? "NaN")
        }
        return out
    }

    private func gauge(_ out: inout String, _ name: String, _ help: String) {
        out += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) gauge\n"
    }

    private func sample(_ out: inout String, _ name: String, _ labels: [(String, String)], _ value: String) {
        let kept = targetLabel ? labels : labels.filter { $0.0 != "target" }
        out += name
        if !kept.isEmpty { out += "{" + kept.map { "\($0.0)=\"\(Self.escapeLabelValue($0.1))\"" }.joined(separator: ",") + "}" }
        out += " " + value + "\n"
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
