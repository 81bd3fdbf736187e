/// What `discover` prints for the monitoring engines: one target per node (a cluster's, or a
/// sentinel set's master, replicas and sentinels), as Prometheus's
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

    /// A sentinel set: the master the sentinels agree on, its replicas (as the freshest view
    /// lists them) and the sentinels themselves. Replicas flagged down or disconnected and
    /// sentinels that did not answer are left out unless `all`.
    public init(sentinel state: SentinelState, all: Bool) {
        let common = [("__meta_redis_doctor_kind", "sentinel"), ("__meta_redis_doctor_master_name", state.masterName),
                      ("__meta_redis_doctor_seed", state.seed)]
        func target(_ address: String, _ role: String, flags: [String]) -> Target {
            Target(address: address, role: role, labels: [("__meta_redis_doctor_role", role)] + common
                   + (flags.isEmpty ? [] : [("__meta_redis_doctor_flags", flags.joined(separator: ","))]))
        }
        var targets: [Target] = []
        if let master = state.agreedMasterAddress {
            targets.append(target(master, "master", flags: state.freshest?.master?.stateFlags ?? []))
        }
        for replica in state.replicas {
            guard let address = replica.address, all || !(replica.isDown || replica.isDisconnected) else { continue }
            targets.append(target(address, "replica", flags: replica.stateFlags))
        }
        for view in state.views where all || view.answered {
            targets.append(target(view.address, "sentinel", flags: view.answered ? [] : ["unreachable"]))
        }
        var seen = Set<String>()
        self.targets = targets.filter { seen.insert($0.address).inserted }
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
