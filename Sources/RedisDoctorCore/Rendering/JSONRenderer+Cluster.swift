extension JSONRenderer {
    /// `check --cluster` as one JSON object (Docs/cluster-output.schema.json): the cluster
    /// rules' `results`, then `nodes`, each with its address, id, role and, when it
    /// answered, its single-node report in the shape of a plain check's.
    public func render(_ report: ClusterReport) -> String {
        var pairs: [(String, JSONValue)] = [
            ("status", .string(report.status.rawValue)),
            ("exit_code", .number(Double(report.exitCode))),
            ("cluster", .string(report.name)),
            ("node_count", .number(Double(report.nodes.count))),
            ("shard_count", .number(Double(report.shardCount))),
            ("results", .array(report.results.map(Self.value(of:)))),
            ("nodes", .array(report.nodes.map(Self.value(of:)))),
        ]
        if let error = report.error { pairs.append(("error", Self.value(of: error))) }
        return JSONValue.object(pairs).serialized(indent: indent)
    }

    static func value(of node: NodeReport) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("address", .string(node.address)),
            ("id", .string(node.nodeID)),
            ("role", node.role.map(JSONValue.string) ?? .null),
            ("primary_id", node.primaryID.map(JSONValue.string) ?? .null),
            ("status", .string(node.report?.status.rawValue ?? "unknown")),
        ]
        if let failure = node.failure { pairs.append(("failure", .string(failure))) }
        if let report = node.report { pairs.append(("report", value(of: report))) }
        return .object(pairs)
    }
}
