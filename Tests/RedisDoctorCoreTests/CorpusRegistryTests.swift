import Testing
@testable import RedisDoctorCore

/// Every rule in the registry over every captured INFO reply, with the same server's
/// CLIENT LIST where one was captured, with one sample and with two, through every renderer.
struct CorpusRegistryTests {
    static let infoFiles = Fixtures.allFiles.filter { Fixtures.kind(of: $0) == .info }

    /// `redis-7.2.6-localbuild-replica-info-all.txt` pairs with `redis-7.2.6-localbuild-replica-clientlist.txt`.
    static func clientList(for name: String) -> String? {
        guard let info = name.firstRange(of: "-info-") else { return nil }
        let candidate = String(name[..<info.lowerBound]) + "-clientlist.txt"
        return Fixtures.allFiles.contains(candidate) ? candidate : nil
    }

    static func snapshot(_ name: String) -> Snapshot {
        var snapshot = Snapshot.fromInfoText(Fixtures.bytes(name), source: name)
        if let list = clientList(for: name) {
            snapshot.exchanges.append(Exchange(command: ["CLIENT", "LIST"], reply: .bulk(Fixtures.bytes(list))))
        }
        return snapshot
    }

    @Test(arguments: infoFiles)
    func everyRuleEvaluatesEveryCapture(_ name: String) {
        let current = ParsedSnapshot(Self.snapshot(name))
        for previous in [nil, current] {
            let results = RuleEngine.evaluate(current: current, previous: previous)
            #expect(results.map(\.ruleID) == RuleRegistry.nodeRules.map { $0.description.id })
            for result in results {
                let label = "\(result.ruleID) on \(name)\(previous == nil ? "" : " (two samples)")"
                #expect(result.status != .unknown, "\(label): \(result.summary)")
                #expect(!result.summary.isEmpty, "\(label)")
                if result.status == .warning || result.status == .critical {
                    #expect(!result.evidence.isEmpty && !result.advice.isEmpty, "\(label)")
                }
                for metric in result.metrics { #expect(metric.value.isFinite, "\(label): \(metric.name)") }
            }
            let report = CheckReport(target: name, server: current.facts, results: results)
            #expect(NagiosRenderer().render(report).hasPrefix("REDIS \(report.status.label) - "))
            #expect(JSONRenderer().render(report).hasPrefix("{\"status\":\"\(report.status.rawValue)\""))
            #expect(PrometheusRenderer().render(report).contains("redis_doctor_status{"))
            #expect(!TextRenderer().render(report).isEmpty)
        }
    }

    @Test func pairsAreFound() {
        #expect(Self.clientList(for: "redis-7.2.6-localbuild-info-all.txt") == "redis-7.2.6-localbuild-clientlist.txt")
        #expect(Self.clientList(for: "redis-2.4.18-localbuild-replica-info-default.txt") == "redis-2.4.18-localbuild-replica-clientlist.txt")
        #expect(Self.infoFiles.filter { Self.clientList(for: $0) != nil }.count >= 20)
    }
}
