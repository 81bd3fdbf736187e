import Testing
@testable import RedisDoctorCore

/// The persistence, loading, restart and access rules over every real INFO capture.
struct CorpusRuleTests_A {
    static let rules: [any HealthRule.Type] = [
        BgsaveStalledRule.self, BgsaveFailedRule.self, AofErrorsRule.self,
        LoadingRule.self, RecentRestartRule.self, OpenAccessRule.self,
    ]

    static let infoFiles = Fixtures.allFiles.filter { Fixtures.kind(of: $0) == .info }

    static func evaluate(_ name: String, _ rules: [any HealthRule.Type] = rules) -> [RuleResult] {
        let snapshot = Snapshot.fromInfoText(Fixtures.crlf(name), source: name)
        return RuleEngine.evaluate(rules, current: ParsedSnapshot(snapshot))
    }

    @Test(arguments: infoFiles)
    func everyCaptureGivesAVerdict(_ name: String) {
        let results = Self.evaluate(name)
        #expect(results.count == Self.rules.count)
        for result in results {
            #expect(result.status != .unknown, "\(result.ruleID) on \(name): \(result.summary)")
            #expect(!result.summary.isEmpty)
            if result.status == .warning || result.status == .critical {
                #expect(!result.evidence.isEmpty && !result.advice.isEmpty, "\(result.ruleID) on \(name)")
            }
            // Informational, and no CONFIG in a bare INFO capture.
            if result.ruleID == "recent-restart" { #expect(result.status == .ok || result.status == .skipped) }
            if result.ruleID == "open-access" { #expect(result.status == .skipped) }
        }
    }

    @Test(arguments: infoFiles.filter { $0.hasSuffix("-persistence-bgsave.txt") })
    func bgsaveCapturesShowARunningSave(_ name: String) throws {
        let result = try #require(Self.evaluate(name, [BgsaveStalledRule.self]).first)
        #expect(result.summary.contains("running"), "\(name): \(result.summary)")
        // Seconds-old saves in a single sample: running, not (yet) a problem.
        #expect(result.status == .ok, "\(name): \(result.summary) \(result.evidence)")
    }

    @Test(arguments: infoFiles.filter { $0.contains("-states-loading-") })
    func loadingCapturesWarn(_ name: String) throws {
        let result = try #require(Self.evaluate(name, [LoadingRule.self]).first)
        #expect(result.status == .warning || result.status == .critical, "\(name): \(result.summary)")
        #expect(result.evidence.contains { $0.hasPrefix("loading_eta_seconds=") })
    }

    @Test func captureListsAreNotEmpty() {
        #expect(Self.infoFiles.filter { $0.hasSuffix("-persistence-bgsave.txt") }.count >= 10)
        #expect(Self.infoFiles.filter { $0.contains("-states-loading-") }.count >= 8)
    }
}
