import Testing
@testable import RedisDoctorCore

/// The memory, client and replication rules over every captured INFO reply.
struct CorpusRuleTests_B {
    static let rules: [any HealthRule.Type] = [
        MemoryFragmentationRule.self, MemoryPressureRule.self, EvictionsRule.self, ClientCapacityRule.self,
        RejectedConnectionsRule.self, BlockedClientsRule.self, OutputBuffersRule.self,
        ReplicationLinkRule.self, ReplicationLagRule.self,
    ]

    static let infoFiles = Fixtures.allFiles.filter { Fixtures.kind(of: $0) == .info }

    static func results(_ name: String) -> [String: RuleResult] {
        let snapshot = ParsedSnapshot(Snapshot.fromInfoText(Fixtures.bytes(name), source: name))
        let results = RuleEngine.evaluate(rules, current: snapshot)
        return Dictionary(uniqueKeysWithValues: results.map { ($0.ruleID, $0) })
    }

    @Test(arguments: infoFiles)
    func everyCaptureEvaluates(_ name: String) {
        let results = Self.results(name)
        #expect(results.count == Self.rules.count)
        for (id, result) in results {
            #expect(result.status != .unknown, "\(id) on \(name): \(result.summary)")
            #expect(!result.summary.isEmpty, "\(id) on \(name)")
            if result.status == .warning || result.status == .critical {
                #expect(!result.evidence.isEmpty && !result.advice.isEmpty, "\(id) on \(name)")
            }
            for metric in result.metrics { #expect(metric.value.isFinite, "\(id) \(metric.name) on \(name)") }
        }
    }

    /// Local builds captured right after start: idle servers, no finding allowed.
    static let freshCaptures = infoFiles.filter {
        $0.contains("-localbuild-") && ($0.hasSuffix("-info-all.txt") || $0.hasSuffix("-info-default.txt"))
            && !$0.contains("-states-")
    }

    @Test(arguments: freshCaptures)
    func idleServersRaiseNothing(_ name: String) {
        for (id, result) in Self.results(name) {
            #expect(result.status == .ok || result.status == .skipped, "\(id) on \(name): \(result.summary) \(result.evidence)")
        }
    }

    static let evictionCaptures = infoFiles.filter { $0.hasSuffix("-states-evictions-rejected-info-all.txt") }

    /// Lifetime counters alone never alert: one sample is a baseline.
    @Test(arguments: evictionCaptures)
    func lifetimeCountersAloneDoNotAlert(_ name: String) throws {
        let results = Self.results(name)
        let evictions = try #require(results["evictions"])
        #expect(evictions.status == .ok, "\(evictions.summary)")
        #expect(evictions.evidence.joined().contains("no second sample: lifetime evicted_keys="))
        let rejected = try #require(results["rejected-connections"])
        #expect(rejected.status == .ok || rejected.status == .skipped, "\(rejected.summary)")
        // Some of these captures hold every slot (maxclients:3, three clients): that is CRITICAL.
        let capacity = try #require(results["client-capacity"])
        let info = Info(parsing: Fixtures.bytes(name))
        if let connected = info.number(.connectedClients), let maxClients = info.number(.maxClients) {
            let expected: Status = connected / maxClients >= 0.9 ? .critical : connected / maxClients >= 0.8 ? .warning : .ok
            #expect(capacity.status == expected, "\(capacity.summary)")
        } else {
            #expect(capacity.status == .skipped, "\(capacity.summary)")
        }
        #expect(results["replication-link"]?.status == .skipped)
    }

    static let masterDownCaptures = infoFiles.filter { $0.hasSuffix("-states-replica-master-down-info-replication.txt") }

    @Test(arguments: masterDownCaptures)
    func replicaWithItsMasterDownAlerts(_ name: String) throws {
        let link = try #require(Self.results(name)["replication-link"])
        #expect(link.status == .warning || link.status == .critical, "\(link.summary)")
        #expect(link.evidence.joined().contains("master_link_status=down"))
    }

    static let replicaCaptures = infoFiles.filter { $0.hasSuffix("-replica-info-all.txt") }

    @Test(arguments: replicaCaptures)
    func replicaWithLinkUpIsOK(_ name: String) throws {
        let link = try #require(Self.results(name)["replication-link"])
        #expect(link.status == .ok, "\(link.summary) \(link.evidence)")
    }

    @Test func masterDownAndReplicaCapturesExist() {
        #expect(Self.masterDownCaptures.count >= 3)
        #expect(Self.replicaCaptures.count >= 5)
        #expect(Self.evictionCaptures.count >= 3)
    }
}
