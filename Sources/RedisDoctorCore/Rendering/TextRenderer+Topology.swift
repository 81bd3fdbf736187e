extension TextRenderer {
    /// `check --cluster` for a terminal: the cluster rules' findings, then the nodes grouped
    /// by shard, each with its status and its own findings.
    public func render(_ report: TopologyReport) -> String {
        var lines = ["redis-doctor \(OutputText.oneLine(report.name)): \(word(report.status))",
                     report.sizeText]
        if let error = report.error {
            lines += ["", "\(word(error.status)) \(OutputText.oneLine(error.message))"]
        }
        let problems = report.results.filter { $0.status != .ok && $0.status != .skipped }
        if !problems.isEmpty { lines.append("") }
        for result in problems { lines += finding(result, skippingRepeatedSummary: true) }
        let ok = report.results.filter { $0.status == .ok }
        if !ok.isEmpty { lines += ["", "\(word(.ok)) (\(ok.count)): " + ok.map(\.ruleID).joined(separator: ", ")] }
        for shard in report.isSentinel ? Self.roles(report.nodes) : Self.shards(report.nodes) {
            lines.append("")
            lines.append(shard.title)
            for node in shard.nodes {
                let state = node.report.map { word($0.status) } ?? (node.failure.map { "no answer: \(OutputText.oneLine($0))" } ?? "no answer")
                // A sentinel set's nodes are known by address alone: no id column.
                let id = node.nodeID == node.address ? "" : String(node.nodeID.prefix(8)) + "  "
                lines.append("  \((node.role ?? "?").padding(8)) \(node.address.padding(21)) \(id)\(state)")
                for result in node.report?.resultsWorstFirst ?? [] where result.status != .ok && result.status != .skipped {
                    lines.append("    \(word(result.status)) \(result.ruleID): \(OutputText.oneLine(result.summary))")
                }
                if let error = node.report?.error { lines.append("    \(word(error.status)) \(OutputText.oneLine(error.message))") }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A sentinel set's nodes: the sentinels, then the data nodes `--follow` checked.
    static func roles(_ nodes: [NodeReport]) -> [(title: String, nodes: [NodeReport])] {
        let sentinels = nodes.filter { $0.role == "sentinel" }
        let data = nodes.filter { $0.role != "sentinel" }
        return [("sentinels", sentinels)] + (data.isEmpty ? [] : [("master and replicas (--follow)", data)])
    }

    /// Primaries with their replicas, in listing order; nodes without a known primary last.
    static func shards(_ nodes: [NodeReport]) -> [(title: String, nodes: [NodeReport])] {
        var groups: [(title: String, nodes: [NodeReport])] = []
        var placed = Set<String>()
        for primary in nodes where primary.role == "master" {
            let replicas = nodes.filter { $0.role == "slave" && $0.primaryID == primary.nodeID }
            groups.append(("shard of \(primary.address)", [primary] + replicas))
            placed.formUnion(([primary] + replicas).map(\.nodeID))
        }
        let rest = nodes.filter { !placed.contains($0.nodeID) }
        if !rest.isEmpty { groups.append(("other nodes", rest)) }
        return groups
    }
}

extension String {
    /// Left-aligned in `width` columns (longer text is kept whole).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
