/// Slots without a healthy owner: keys in them cannot be read or written.
public enum ClusterSlotsRule: HealthRule {
    public static let description = RuleDescription(
        id: "cluster-slots",
        title: "Cluster slots",
        category: .cluster,
        summary: "Slots unassigned or owned by a failed node (CRITICAL) or a suspected one (WARNING), counted in every node's view.",
        rationale: """
            CLUSTER INFO's cluster_slots_* count what one node believes. This rule reads CLUSTER NODES \
            from every node and counts, in each view, slots no primary claims, slots whose owner the \
            viewer flags fail, and slots whose owner it flags fail? (suspected by this node only, \
            which may clear); the worst view is reported with who sees it. Unassigned slots or slots \
            owned by a failed node are CRITICAL, except while a failover is pending (a replica that \
            can take over, for up to twice cluster-node-timeout): WARNING. Suspected owners are a \
            WARNING. A slot left migrating or importing on a node (a resharding that stopped) is a \
            WARNING with the slot named.
            """,
        fieldsRead: ["CLUSTER NODES flags, slots, [slot->-id] and [slot-<-id]"],
        commandsNeeded: ["CLUSTER NODES"],
        examples: [
            RuleExample("All 16384 slots served", info: "", cluster: ClusterCaptures.Healthy.views, expect: .ok,
                        expectEvidence: ["16384 slots assigned in 6 of 6 views"]),
            RuleExample("A primary failed a second ago, its replica about to take over", info: "",
                        cluster: ClusterCaptures.FailoverPending.views, expect: .warning,
                        expectEvidence: ["5461 slots owned by a failed node", "failover pending"]),
            RuleExample("A shard down, primary and replica", info: "", cluster: ClusterCaptures.ShardDown.views, expect: .critical,
                        expectEvidence: ["5462 slots owned by a failed node (127.0.0.1:30002) in 3 of 3 views"]),
            RuleExample("A single-node check", info: "redis_version:7.0.15\n", expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let cluster = context.cluster else { return context.skipped("not a cluster check (use check --cluster)") }
        let views = cluster.comparing
        guard !views.isEmpty else { return context.result(.unknown, "no node answered CLUSTER NODES") }
        let counts = views.map { SlotCount(of: $0) }
        let worstUnassigned = counts.max { $0.unassigned < $1.unassigned }!
        let worstFailed = counts.max { $0.failed < $1.failed }!
        let worstSuspected = counts.max { $0.suspected < $1.suspected }!
        let metrics = [
            Metric("cluster_slots_unassigned", Double(worstUnassigned.unassigned), min: 0, max: 16384),
            Metric("cluster_slots_failed_owner", Double(worstFailed.failed), min: 0, max: 16384),
            Metric("cluster_slots_suspected_owner", Double(worstSuspected.suspected), min: 0, max: 16384),
        ]
        func seenBy(_ predicate: (SlotCount) -> Bool) -> String { "in \(counts.filter(predicate).count) of \(views.count) views" }
        var problems: [(Status, String)] = []
        if worstUnassigned.unassigned > 0 {
            problems.append((.critical, "\(worstUnassigned.unassigned) slots unassigned \(seenBy { $0.unassigned > 0 })"))
        }
        if worstFailed.failed > 0 {
            let owners = worstFailed.failedOwners.map { cluster.address(of: $0) }.joined(separator: ", ")
            // CRITICAL only for an owner most views agree has failed and that no pending failover covers.
            let pending = worstFailed.failedOwners.allSatisfy { id in
                !cluster.majorityFlagsFailed(id) || (cluster.agreed(id).map(cluster.failoverPending) ?? false)
            }
            problems.append((pending ? .warning : .critical,
                             "\(worstFailed.failed) slots owned by a failed node (\(owners)) \(seenBy { $0.failed > 0 })" + (pending ? "; failover pending, or not agreed yet" : "")))
        }
        if worstSuspected.suspected > 0 {
            let owners = worstSuspected.suspectedOwners.map { cluster.address(of: $0) }.joined(separator: ", ")
            problems.append((.warning, "\(worstSuspected.suspected) slots owned by a node suspected down (fail?: \(owners)) \(seenBy { $0.suspected > 0 })"))
        }
        for view in views {
            for open in view.myself?.openSlots ?? [] {
                problems.append((.warning, "\(view.address) has slot \(open) open: a resharding that stopped half-way (redis-cli --cluster fix)"))
            }
        }
        guard let worst = problems.map(\.0).max(by: { $0.sortRank < $1.sortRank }) else {
            return context.ok("16384 slots assigned in \(views.count) of \(cluster.views.count) views, every owner healthy",
                              evidence: ["16384 slots assigned in \(views.count) of \(cluster.views.count) views"], metrics: metrics)
        }
        let texts = problems.map(\.1)
        return context.result(worst, problems.first { $0.0 == worst }!.1, evidence: texts,
                              advice: ["redis-cli --cluster check HOST:PORT lists the slots; a failed owner needs its replica promoted (CLUSTER FAILOVER FORCE on the replica) or the node back; unassigned slots need CLUSTER ADDSLOTS or redis-cli --cluster fix."],
                              metrics: metrics)
    }

    /// One view's count of slots without a healthy owner.
    struct SlotCount {
        var unassigned = 16384
        var failed = 0
        var suspected = 0
        var failedOwners: [String] = []
        var suspectedOwners: [String] = []

        init(of view: ClusterView) {
            var covered = [Bool](repeating: false, count: 16384)
            for node in view.nodes ?? [] where node.isPrimary {
                for range in node.slots {
                    for slot in range where !covered[slot] {
                        covered[slot] = true
                        unassigned -= 1
                        if node.isFailed { failed += 1 } else if node.isSuspected { suspected += 1 }
                    }
                }
                if node.isFailed, node.slotCount > 0 { failedOwners.append(node.id) }
                if node.isSuspected, !node.isFailed, node.slotCount > 0 { suspectedOwners.append(node.id) }
            }
        }
    }
}
