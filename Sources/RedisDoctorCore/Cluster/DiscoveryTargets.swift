/// What `discover` prints for the monitoring engines: one target per node, as Prometheus's
/// http_sd and file_sd read them (a JSON list of `{"targets": [...], "labels": {...}}`),
/// or one `host:port role` line each for Icinga 2 and Checkmk inventories.
public struct DiscoveryTargets: Sendable {
    public struct Target: Sendable, Equatable {
        public var address: String
        public var role: String
        /// `__meta_redis_doctor_*` labels: Prometheus drops them after relabeling unless kept.
        public var labels: [(String, String)]

        public static func == (a: Target, b: Target) -> Bool {
            a.address == b.address && a.role == b.role && a.labels.elementsEqual(b.labels) { $0 == $1 }
        }
    }

    public var targets: [Target]

    /// The nodes a seed's CLUSTER NODES lists; failed and handshaking nodes are left out
    /// unless `all`; a `noaddr` node has no address to list.
    public init(clusterNodes nodes: [ClusterNode], seed: String, all: Bool) {
        targets = nodes.compactMap { node in
            guard all || !(node.isFailed || node.hasNoAddress || node.isInHandshake) else { return nil }
            let role = node.isPrimary ? "master" : node.isReplica ? "replica" : "unknown"
            var labels = [("__meta_redis_doctor_kind", "cluster"), ("__meta_redis_doctor_node_id", node.id),
                          ("__meta_redis_doctor_role", role), ("__meta_redis_doctor_seed", seed)]
            // The shard by its primary's id: stable across failovers, unlike addresses.
            labels.append(("__meta_redis_doctor_shard", node.isPrimary ? node.id : node.primaryID ?? ""))
            if node.slotCount > 0 { labels.append(("__meta_redis_doctor_slots", node.slotText)) }
            let flags = node.stateFlags
            if !flags.isEmpty { labels.append(("__meta_redis_doctor_flags", flags.joined(separator: ","))) }
            return Target(address: node.hasNoAddress ? "" : node.address, role: role, labels: labels)
        }.filter { !$0.address.isEmpty }
    }

    /// `[{"targets":["127.0.0.1:7000"],"labels":{...}}, ...]`.
    public func json() -> String {
        JSONValue.array(targets.map { target in
            .object([("targets", .array([.string(target.address)])), ("labels", .object(target.labels.map { ($0.0, .string($0.1)) }))])
        }).serialized(indent: nil)
    }

    /// `127.0.0.1:7000 master`, one per line.
    public func lines() -> String {
        targets.map { "\($0.address) \($0.role)\n" }.joined()
    }
}
