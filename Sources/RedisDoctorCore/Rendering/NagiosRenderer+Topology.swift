extension NagiosRenderer {
    /// `REDIS CLUSTER WARNING - primary 127.0.0.1:7002 (0-5460) has no replica; 6 nodes, 3 shards | ...`
    /// (`REDIS SENTINEL ...` for a sentinel set), then one line per finding, the topology's
    /// rules first, a node's with its address.
    public func render(_ report: TopologyReport) -> String {
        let status = report.status
        var line = "\(report.serviceName) \(status.label) - " + OutputText.nagios(summary(report))
        let perfdata = (report.isSentinel ? [] : ["'cluster_nodes'=\(report.nodes.count);;;0", "'cluster_shards'=\(report.shardCount);;;0"])
            + report.results.flatMap(\.metrics).compactMap(\.perfdata)
        if !perfdata.isEmpty { line += " | " + perfdata.joined(separator: " ") }
        var lines = [line]
        for (node, result) in report.findings {
            lines.append(Self.longOutputLine(result, node: node?.address, skippingRepeatedSummary: true))
        }
        return lines.joined(separator: "\n")
    }

    /// The text after `REDIS CLUSTER STATUS - ` (or `REDIS SENTINEL STATUS - `): the worst findings, a rule seen on several
    /// nodes once with their count, then the cluster's size.
    func summary(_ report: TopologyReport) -> String {
        let status = report.status
        var parts: [String] = []
        if let error = report.error { parts.append(error.message) }
        let findings = report.findings
        var seen = Set<String>()
        for (node, result) in findings where result.status == status {
            guard let node else {
                parts.append(result.summary)
                continue
            }
            guard seen.insert(result.ruleID).inserted else { continue }
            let onNodes = findings.filter { $0.node != nil && $0.result.ruleID == result.ruleID && $0.result.status == status }
            parts.append(onNodes.count > 1 ? "\(result.ruleID) on \(onNodes.count) nodes (\(node.address): \(result.summary))"
                                           : "\(node.address): \(result.summary)")
        }
        var others: [String] = []
        for lesser in [Status.critical, .warning, .unknown] where lesser != status {
            let count = findings.filter { $0.result.status == lesser }.count
            if count > 0 { others.append("+\(count) \(lesser.rawValue)") }
        }
        var text = parts.joined(separator: "; ")
        if !others.isEmpty { text += " (" + others.joined(separator: ", ") + ")" }
        // Nothing was listed: a size of nothing says nothing.
        if report.error != nil && report.nodes.isEmpty { return text }
        let size = report.sizeText
        if text.isEmpty {
            let ok = report.results.filter { $0.status == .ok }.count
            let answered = report.nodes.filter { $0.report != nil }.count
            return "\(size); \(ok) \(report.rulesName) ok, \(answered) of \(report.nodes.count) nodes checked"
        }
        return text + "; " + size
    }
}
