/// Every rule, in the order reports list them. A rule not listed here does not exist:
/// the docs test fails when Docs/rules/ and this list disagree.
public enum RuleRegistry {
    public static let all: [any HealthRule.Type] = [
        UnsavedChangesRule.self,
        BgsaveStalledRule.self,
        BgsaveFailedRule.self,
        AofErrorsRule.self,
        LoadingRule.self,
        RecentRestartRule.self,
        OpenAccessRule.self,
        MemoryFragmentationRule.self,
        MemoryPressureRule.self,
        EvictionsRule.self,
        ClientCapacityRule.self,
        RejectedConnectionsRule.self,
        BlockedClientsRule.self,
        OutputBuffersRule.self,
        ReplicationLinkRule.self,
        ReplicationLagRule.self,
    ]

    public static func rule(id: String) -> (any HealthRule.Type)? {
        all.first { $0.description.id == id }
    }

    public static var descriptions: [RuleDescription] { all.map { $0.description } }
}
