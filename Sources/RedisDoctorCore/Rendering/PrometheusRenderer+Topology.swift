extension PrometheusRenderer {
    /// `check --cluster` and `check --sentinel` for the textfile collector. Every sample carries `target` (the
    /// cluster's name); a node's carry its `node_id` too, never its address or role: a role
    /// label would change series identity on every failover. `redis_doctor_node_info` maps
    /// node ids to address and role.
    public func render(_ report: TopologyReport) -> String {
        var families: [(name: String, help: String, type: String, samples: [String])] = []
        var index: [String: Int] = [:]
        func add(_ name: String, _ help: String, _ labels: [(String, String)], _ value: String, type: String = "gauge") {
            if index[name] == nil {
                index[name] = families.count
                families.append((name, help, type, []))
            }
            let kept = targetLabel ? labels : labels.filter { $0.0 != "target" }
            let text = kept.map { "\($0.0)=\"\(Self.escapeLabelValue($0.1))\"" }.joined(separator: ",")
            families[index[name]!].samples.append(kept.isEmpty ? "\(name) \(value)" : "\(name){\(text)} \(value)")
        }
        let target = ("target", report.name)
        add("redis_doctor_up", "Whether the check completed without a check-level error (1) or not (0).", [target], report.error == nil ? "1" : "0")
        add("redis_doctor_status", "Overall status: 0 ok, 1 warning, 2 critical, 3 unknown.", [target], String(report.status.nagiosExitCode))
        if !report.isSentinel {
            add("redis_doctor_cluster_nodes", "Nodes the seed's CLUSTER NODES lists.", [target], String(report.nodes.count))
            add("redis_doctor_cluster_shards", "Primaries that serve slots, as the nodes agree.", [target], String(report.shardCount))
        }
        let ruleStatus = "Status of each evaluated rule: 0 ok, 1 warning, 2 critical, 3 unknown; a node's with its node_id."
        for result in report.results where result.status != .skipped {
            add("redis_doctor_rule_status", ruleStatus, [("rule", result.ruleID), target], String(result.status.nagiosExitCode))
        }
        for node in report.nodes {
            let id = ("node_id", node.nodeID)
            add("redis_doctor_node_info", "1 for each node: its address and role as the nodes agree (join on node_id).",
                [id, ("address", node.address), ("role", node.role ?? "unknown"), target], "1")
            add("redis_doctor_node_up", "Whether the node answered this check (1) or not (0).", [id, target], node.report == nil ? "0" : "1")
            guard let nodeReport = node.report else { continue }
            add("redis_doctor_node_status", "Each node's own status: 0 ok, 1 warning, 2 critical, 3 unknown.", [id, target], String(nodeReport.status.nagiosExitCode))
            for result in nodeReport.results where result.status != .skipped {
                add("redis_doctor_rule_status", ruleStatus, [("rule", result.ruleID), id, target], String(result.status.nagiosExitCode))
            }
        }
        var reserved = Set(families.map(\.name))
        typealias Measured = (metric: Metric, origin: String, node: String?)
        var measured: [Measured] = []
        for result in report.results {
            for metric in result.metrics { measured.append((metric, "measured by the \(result.ruleID) rule", nil)) }
        }
        for node in report.nodes {
            guard let nodeReport = node.report else { continue }
            for result in nodeReport.results {
                for metric in result.metrics { measured.append((metric, "measured by the \(result.ruleID) rule", node.nodeID)) }
            }
            for metric in nodeReport.counters { measured.append((metric, "from INFO, a counter of the server process", node.nodeID)) }
        }
        var owner: [String: String] = [:]
        for (metric, origin, node) in measured where metric.isRenderable {
            let family = PrometheusFamily(metric)
            // One metric per family name; a name the report's own families use is left out.
            if owner[family.name] == nil {
                guard reserved.insert(family.name).inserted else { continue }
                owner[family.name] = metric.name
            }
            guard owner[family.name] == metric.name else { continue }
            let labels = (node.map { [("node_id", $0)] } ?? []) + [target]
            add(family.name, "\(metric.name)\(family.unitNote), \(origin).", labels, NumberText.format(metric.value * family.scale) ?? "NaN",
                type: metric.kind == .counter ? "counter" : "gauge")
        }
        if let timing = report.timing {
            add("redis_doctor_last_run_timestamp_seconds", "When this check ended, in seconds since the epoch: alert when it grows old.", [target], NumberText.format(timing.finishedAt) ?? "NaN")
            add("redis_doctor_run_duration_seconds", "How long this check took, in seconds.", [target], NumberText.format(timing.duration) ?? "NaN")
        }
        return families.map { family in
            "# HELP \(family.name) \(Self.escapeHelp(family.help))\n# TYPE \(family.name) \(family.type)\n" + family.samples.joined(separator: "\n") + "\n"
        }.joined()
    }
}
