extension JSONRenderer {
    /// `check --cluster` and `check --sentinel` as one JSON object (Docs/cluster-output.schema.json,
    /// Docs/sentinel-output.schema.json): the topology's rules' `results`, then `nodes`, each
    /// with its address, id, role and, when it answered, its single-node report in the shape
    /// of a plain check's.
    public func render(_ report: TopologyReport) -> String {
        var pairs: [(String, JSONValue)] = [
            ("status", .string(report.status.rawValue)),
            ("exit_code", .number(Double(report.exitCode))),
        ]
        switch report.kind {
        case .cluster(let shards):
            pairs += [("cluster", .string(report.name)), ("node_count", .number(Double(report.nodes.count))), ("shard_count", .number(Double(shards)))]
        case .sentinel(let master, let address):
            pairs += [("sentinel", .string(report.name)), ("master_name", .string(master)), ("master_address", address.map(JSONValue.string) ?? .null),
                      ("node_count", .number(Double(report.nodes.count)))]
        }
        pairs += [
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
