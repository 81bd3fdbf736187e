/// Nodes that disagree about the cluster: a partition, a failover half-seen, or epochs that collide.
public enum ClusterConsistencyRule: HealthRule {
    public static let description = RuleDescription(
        id: "cluster-consistency",
        title: "Cluster consistency",
        category: .cluster,
        summary: "Whether the nodes agree on who owns each slot and on the current epoch, and whether primaries' config epochs collide.",
        rationale: """
            Every node carries its own copy of the slot map. For a moment after a failover some \
            nodes still name the old owner; a copy that stays different means a node that does not \
            hear the others (a partition, a bus port blocked) and sends clients to the wrong node. \
            Nodes that disagree on slot owners or on cluster_current_epoch are a WARNING: one run \
            cannot tell a disagreement that lasts from one caught mid-update, so run again after \
            twice cluster-node-timeout. Two primaries with slots and the same config epoch collide; \
            Redis resolves collisions by itself right after creation, so one that is seen is a \
            WARNING. A replica shows its primary's config epoch: only primaries are compared.
            """,
        fieldsRead: ["CLUSTER NODES slots and config-epoch", "cluster_current_epoch (CLUSTER INFO)"],
        commandsNeeded: ["CLUSTER NODES", "CLUSTER INFO"],
        examples: [
            RuleExample("Six views that agree", info: "", cluster: ClusterCaptures.Healthy.views, expect: .ok,
                        expectEvidence: ["6 views agree on slot owners", "cluster_current_epoch 6"]),
            RuleExample("Caught mid-failover: one node already counts the new epoch", info: "",
                        cluster: ClusterCaptures.FailoverPending.views, expect: .ok,
                        expectEvidence: ["5 views agree on slot owners"]),
            RuleExample("One node still holds the map from before a failover (its view from the healthy capture, the others after it)", info: "",
                        cluster: ClusterCaptures.PrimaryKilled.views.map { $0.address == "127.0.0.1:30004" ? ClusterCaptures.Healthy.views[3] : $0 },
                        expect: .warning,
                        expectEvidence: ["127.0.0.1:30004 disagrees on 5461 slots (slot 0: 127.0.0.1:30001 where most say 127.0.0.1:30006)", "cluster_current_epoch differs"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let cluster = context.cluster else { return context.skipped("not a cluster check (use check --cluster)") }
        let views = cluster.comparing
        guard !views.isEmpty else { return context.result(.unknown, "no node answered CLUSTER NODES") }
        var problems: [String] = []
        // Views grouped by their slot map; only a view that differs from the most common map
        // is compared slot by slot (a large cluster has hundreds of views).
        let maps = views.map(Self.slotMap)
        var tally: [[SlotOwner]: Int] = [:]
        for map in maps { tally[map, default: 0] += 1 }
        let majorityMap = tally.max { $0.value < $1.value || ($0.value == $1.value && $0.key.count > $1.key.count) }?.key ?? []
        var disagreeing = 0
        if tally.count > 1 {
            let majority = Self.owners(majorityMap)
            for (index, map) in maps.enumerated() where map != majorityMap {
                let mine = Self.owners(map)
                let differing = (0..<16384).filter { mine[$0] != majority[$0] }
                guard let slot = differing.first else { continue }
                disagreeing += 1
                let name = { (id: String?) in id.map { cluster.address(of: $0) } ?? "no owner" }
                problems.append("\(views[index].address) disagrees on \(differing.count) slots (slot \(slot): \(name(mine[slot])) where most say \(name(majority[slot])))")
            }
        }
        // Epochs as printed: compared as text, so an absurd number is shown, never converted.
        let epochs = cluster.answering.compactMap { view in view.clusterInfo?.value("cluster_current_epoch").map { (view.address, $0) } }
        let distinct = Set(epochs.map(\.1))
        if distinct.count > 1 {
            problems.append("cluster_current_epoch differs: " + epochs.map { "\($0.0) \(OutputText.oneLine($0.1))" }.joined(separator: ", "))
        }
        var byEpoch: [Int64: [String]] = [:]
        for primary in cluster.primaries { byEpoch[primary.configEpoch, default: []].append(cluster.address(of: primary.id)) }
        for (epoch, names) in byEpoch.sorted(by: { $0.key < $1.key }) where names.count > 1 {
            problems.append("primaries \(names.joined(separator: " and ")) share config epoch \(epoch)")
        }
        let metrics = [Metric("cluster_views_disagreeing", Double(disagreeing), min: 0)]
        guard !problems.isEmpty else {
            var evidence = ["\(views.count) views agree on slot owners"]
            if let epoch = distinct.first { evidence.append("cluster_current_epoch \(OutputText.oneLine(epoch)) on every node") }
            return context.ok("\(views.count) views agree on slot owners and the current epoch", evidence: evidence, metrics: metrics)
        }
        return context.result(.warning, problems[0] + (problems.count > 1 ? " (+\(problems.count - 1) more)" : ""),
                              evidence: problems + ["seen in one run: run again after twice cluster-node-timeout (\(HumanFormat.number(2 * cluster.nodeTimeout)) s); a disagreement that stays is a node that does not hear the others"],
                              advice: ["CLUSTER NODES on the node that disagrees: is its bus port (port + 10000) reachable from the others? redis-cli --cluster check HOST:PORT; CLUSTER SET-CONFIG-EPOCH only on a fresh node."],
                              metrics: metrics)
    }

    /// One primary's claim: a slot range and the owner's id.
    struct SlotOwner: Hashable {
        var slots: ClosedRange<Int>
        var id: String
    }

    /// A view's slot map, sorted: equal maps compare equal whatever the line order.
    static func slotMap(_ view: ClusterView) -> [SlotOwner] {
        (view.nodes ?? []).filter(\.isPrimary).flatMap { node in node.slots.map { SlotOwner(slots: $0, id: node.id) } }
            .sorted { ($0.slots.lowerBound, $0.id) < ($1.slots.lowerBound, $1.id) }
    }

    /// The owner of each slot in a map; nil where none (the last claim wins, as it would print).
    static func owners(_ map: [SlotOwner]) -> [String?] {
        var owners = [String?](repeating: nil, count: 16384)
        for claim in map { for slot in claim.slots { owners[slot] = claim.id } }
        return owners
    }
}
