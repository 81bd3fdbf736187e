import Testing
@testable import RedisDoctorCore

/// Verdicts on cluster views derived from the real captures by one change each (the
/// captures themselves stay as taken): hostile numbers, a minority's fail flag, a replica
/// that may not take over, a failure of unknown age.
struct ClusterVerdictTests {
    /// The capture with `change` applied to every answering node's CLUSTER NODES and CLUSTER INFO.
    static func derived(_ views: [ClusterExampleNode], nodes change: (String, String) -> String = { $1 },
                        info: (String, String) -> String = { $1 }) -> TopologyReport {
        let changed = views.map { view -> ClusterExampleNode in
            guard let text = view.nodes else { return view }
            var copy = ClusterExampleNode(view.address, nodes: change(view.address, text), info: info(view.address, view.info),
                                          serverTime: view.serverTime)
            copy.nodeTimeoutMillis = view.nodeTimeoutMillis
            return copy
        }
        let state = RuleExample("derived", info: "", cluster: changed, expect: .ok).clusterState()!
        return TopologyReport.evaluate(state)
    }

    static func result(_ report: TopologyReport, _ id: String) -> RuleResult? { report.results.first { $0.ruleID == id } }

    @Test func absurdNumbersNeitherTrapNorPass() throws {
        let report = Self.derived(ClusterCaptures.Healthy.views, nodes: { address, text in
            address == "127.0.0.1:30002" ? text.replacingOccurrences(of: " 0 1796122080254 ", with: " 99999999999999999999999 -5 ") : text
        }, info: { address, text in
            address == "127.0.0.1:30003" ? text.replacingOccurrences(of: "cluster_current_epoch:6", with: "cluster_current_epoch:1e300") : text
        })
        let consistency = try #require(Self.result(report, "cluster-consistency"))
        #expect(consistency.status == .warning)
        #expect(consistency.evidence.contains { $0.contains("127.0.0.1:30003 1e300") }, "\(consistency.evidence)")
        #expect(NagiosRenderer().render(report).hasPrefix("REDIS CLUSTER WARNING - "))
    }

    @Test func aMinoritysFailFlagIsASuspicionNotCritical() throws {
        // Only 30002 flags the primary 30001 fail; the five others see it healthy.
        let report = Self.derived(ClusterCaptures.Healthy.views, nodes: { address, text in
            address == "127.0.0.1:30002" ? text.replacingOccurrences(of: "127.0.0.1:30001@40001 master -", with: "127.0.0.1:30001@40001 master,fail -") : text
        })
        let nodes = try #require(Self.result(report, "cluster-nodes"))
        #expect(nodes.status == .warning, "\(nodes.summary)")
        #expect(nodes.summary.contains("127.0.0.1:30001 flagged fail by 1 of 6 views"), "\(nodes.summary)")
        #expect(Self.result(report, "cluster-slots")?.status == .warning)
        #expect(report.status == .warning)
    }

    @Test func aNofailoverReplicaCannotTakeOver() throws {
        let report = Self.derived(ClusterCaptures.Healthy.views, nodes: { _, text in
            text.replacingOccurrences(of: "127.0.0.1:30006@40006 slave ", with: "127.0.0.1:30006@40006 slave,nofailover ")
                .replacingOccurrences(of: "127.0.0.1:30006@40006 myself,slave ", with: "127.0.0.1:30006@40006 myself,slave,nofailover ")
        })
        let replicas = try #require(Self.result(report, "cluster-replicas"))
        #expect(replicas.status == .warning)
        #expect(replicas.summary.contains("primary 127.0.0.1:30001 (0-5460) has no replica that can take over (127.0.0.1:30006 nofailover)"), "\(replicas.summary)")
    }

    @Test func aFailureOfUnknownAgeIsNoPendingFailover() throws {
        // The failed primary's pong time unknown (0) in every view: how long it has been down is not known.
        let report = Self.derived(ClusterCaptures.FailoverPending.views, nodes: { _, text in
            text.split(separator: "\n").map { line -> String in
                guard line.contains("127.0.0.1:30001@") else { return String(line) }
                var fields = line.split(separator: " ").map(String.init)
                fields[4] = "0"
                fields[5] = "0"
                return fields.joined(separator: " ")
            }.joined(separator: "\n")
        })
        let nodes = try #require(Self.result(report, "cluster-nodes"))
        #expect(nodes.status == .critical, "\(nodes.summary)")
        #expect(nodes.summary.contains("not known since when"), "\(nodes.summary)")
        // The same capture as taken: a pending failover, WARNING in every rule.
        let asTaken = Self.derived(ClusterCaptures.FailoverPending.views)
        #expect(asTaken.status == .warning, "\(NagiosRenderer().render(asTaken))")
    }

    /// Past the first 100 nodes a run keeps only each node's own line: such a view answers
    /// for itself and is not compared as if it lacked the rest of the cluster.
    @Test func viewsHoldingOnlyTheirOwnLineAreNotComparedAsPartialMaps() throws {
        let report = Self.derived(ClusterCaptures.Healthy.views, nodes: { address, text in
            guard address == "127.0.0.1:30005" || address == "127.0.0.1:30006" else { return text }
            return text.split(separator: "\n").filter { $0.contains("myself") }.joined(separator: "\n") + "\n"
        })
        // (The examples' nodes carry too little INFO for the single-node rules: only the cluster rules are judged here.)
        #expect(report.results.allSatisfy { $0.status == .ok }, "\(report.results.map(\.summary))")
        #expect(Self.result(report, "cluster-slots")?.summary.contains("in 4 of 6 views") == true)
        #expect(Self.result(report, "cluster-consistency")?.status == .ok)
    }

    @Test func theTableKeepsItsRowsWithin100Columns() {
        let state = RuleExample("t", info: "", cluster: ClusterCaptures.ShardDown.views, expect: .ok).clusterState()!
        let text = ClusterTable(state).render()
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("master") || $0.hasPrefix("replica") }.allSatisfy { $0.count <= 100 }, "\(text)")
        #expect(text.contains("] 127.0.0.1:30001: connection refused"), "\(text)")
    }
}
