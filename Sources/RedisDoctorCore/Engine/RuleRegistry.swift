/// Every rule, in the order reports list them. A rule not listed here does not exist:
/// the docs test fails when Docs/rules/ and this list disagree.
public enum RuleRegistry {
    /// Every rule: the single-node catalogue, then the cluster and sentinel rules.
    public static let all: [any HealthRule.Type] = nodeRules + clusterRules + sentinelRules

    /// What a check runs on one server (and `check --cluster` on each node).
    public static let nodeRules: [any HealthRule.Type] = [
        UnsavedChangesRule.self,
        BgsaveStalledRule.self,
        BgsaveFailedRule.self,
        AofErrorsRule.self,
        PersistenceDisabledRule.self,
        MemoryPressureRule.self,
        MemoryFragmentationRule.self,
        EvictionsRule.self,
        ClientCapacityRule.self,
        StaleConnectionsRule.self,
        RejectedConnectionsRule.self,
        BlockedClientsRule.self,
        OutputBuffersRule.self,
        ReplicationLinkRule.self,
        ReplicationLagRule.self,
        SlowCommandsRule.self,
        LatencyRule.self,
        CpuSaturationRule.self,
        ExpireStormRule.self,
        LoadingRule.self,
        RecentRestartRule.self,
        OpenAccessRule.self,
        TlsCertificateRule.self,
        HostSwapRule.self,
        HostMemoryRule.self,
        HostRssGapRule.self,
        HostKernelRule.self,
        HostDiskRule.self,
    ]

    /// What `check --cluster` runs once over every node's view.
    public static let clusterRules: [any HealthRule.Type] = [
        ClusterStateRule.self,
        ClusterSlotsRule.self,
        ClusterNodesRule.self,
        ClusterReplicasRule.self,
        ClusterConsistencyRule.self,
    ]

    /// What `check --sentinel` runs once over every sentinel's view of the master.
    public static let sentinelRules: [any HealthRule.Type] = [
        SentinelQuorumRule.self,
        SentinelAgreementRule.self,
        SentinelMasterRule.self,
        SentinelReplicasRule.self,
        SentinelFailoverRule.self,
    ]

    public static func rule(id: String) -> (any HealthRule.Type)? {
        all.first { $0.description.id == id }
    }

    public static var descriptions: [RuleDescription] { all.map { $0.description } }
}
