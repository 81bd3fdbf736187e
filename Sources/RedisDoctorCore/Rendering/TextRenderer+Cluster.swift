extension TextRenderer {
    /// `check --cluster` for a terminal: the cluster rules' findings, then the nodes grouped
    /// by shard, each with its status and its own findings.
    public func render(_ report: ClusterReport) -> String {
        var lines = ["redis-doctor \(OutputText.oneLine(report.name)): \(word(report.status))",
                     "\(report.nodes.count) nodes, \(report.shardCount) shards"]
        if let error = report.error {
            lines += ["", "\(word(error.status)) \(OutputText.oneLine(error.message))"]
        }
        let problems = report.results.filter { $0.status != .ok && $0.status != .skipped }
        if !problems.isEmpty { lines.append("") }
        for result in problems { lines += finding(result, skippingRepeatedSummary: true) }
        let ok = report.results.filter { $0.status == .ok }
        if !ok.isEmpty { lines += ["", "\(word(.ok)) (\(ok.count)): " + ok.map(\.ruleID).joined(separator: ", ")] }
        for shard in Self.shards(report.nodes) {
            lines.append("")
            lines.append(shard.title)
            for node in shard.nodes {
                let state = node.report.map { word($0.status) } ?? (node.failure.map { "no answer: \(OutputText.oneLine($0))" } ?? "no answer")
                lines.append("  \((node.role ?? "?").padding(6)) \(node.address.padding(21)) \(String(node.nodeID.prefix(8)))  \(state)")
                for result in node.report?.resultsWorstFirst ?? [] where result.status != .ok && result.status != .skipped {
                    lines.append("    \(word(result.status)) \(result.ruleID): \(OutputText.oneLine(result.summary))")
                }
                if let error = node.report?.error { lines.append("    \(word(error.status)) \(OutputText.oneLine(error.message))") }
            }
        }
        return lines.joined(separator: "\n")
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
