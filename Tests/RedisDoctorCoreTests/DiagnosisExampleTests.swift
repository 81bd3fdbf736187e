import Foundation
import Testing
@testable import RedisDoctorCore

/// Every diagnosis's documented examples are its tests: every node rule runs over the
/// sample, then every diagnosis; the one described is made (or not) as documented.
struct DiagnosisExampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var example: DiagnosisExample
        var testDescription: String { "\(id): \(example.title)" }
    }

    static let cases: [Case] = DiagnosisRegistry.all.flatMap { diagnosis in
        diagnosis.description.examples.map { Case(id: diagnosis.description.id, example: $0) }
    }

    @Test(arguments: cases)
    func exampleIsDiagnosedAsDocumented(_ c: Case) throws {
        let (results, diagnoses) = try c.example.diagnoses()
        let made = diagnoses.first { $0.id == c.id }
        let firing = results.filter { $0.status == .warning || $0.status == .critical }.map { "\($0.ruleID) \($0.status.label): \($0.summary)" }
        #expect((made != nil) == c.example.diagnosed, "findings: \(firing); diagnoses: \(diagnoses.map(\.headline))")
        guard let made else { return }
        if let confidence = c.example.expectConfidence { #expect(made.confidence == confidence) }
        let text = ([made.headline] + made.evidence).joined(separator: "\n")
        for needle in c.example.expectEvidence { #expect(text.contains(needle), "lacks '\(needle)': \(text)") }
        // After a timeout there are no findings: the status is the timeout's own.
        if c.example.timeout != nil {
            #expect(made.status == .critical && made.findings.isEmpty)
            return
        }
        // Never above what its rules found, and only from firing rules.
        let used = results.filter { made.findings.contains($0.ruleID) }
        #expect(!used.isEmpty && used.allSatisfy { $0.status == .warning || $0.status == .critical })
        #expect(made.status == Status.worst(used.map(\.status)))
        #expect(!made.nextStep.isEmpty && !made.ruledOutBy.isEmpty)
    }

    @Test func everyDiagnosisHasATriggeringAndANonTriggeringExample() {
        for diagnosis in DiagnosisRegistry.descriptions {
            #expect(diagnosis.examples.contains { $0.diagnosed }, "\(diagnosis.id)")
            #expect(diagnosis.examples.contains { !$0.diagnosed }, "\(diagnosis.id)")
            #expect(diagnosis.findings.allSatisfy { RuleRegistry.rule(id: $0) != nil }, "\(diagnosis.id) reads unknown rules")
        }
        #expect(Set(DiagnosisRegistry.descriptions.map(\.id)).count == DiagnosisRegistry.all.count)
    }

    /// No guessing: a healthy sample and a single unrelated finding give none.
    @Test func noFindingsNoDiagnosis() {
        let healthy = ParsedSnapshot(Snapshot(target: "x", exchanges: [Exchange(command: ["INFO", "everything"],
            reply: .bulk(Array("redis_version:7.2.4\nconnected_clients:5\nmaxclients:10000\nused_memory:1000000\n".utf8)))]))
        let results = RuleEngine.evaluate(current: healthy)
        #expect(DiagnosisEngine.diagnose(DiagnosisInput(results: results, current: healthy)).isEmpty)
        // Each diagnosis's own trigger, alone, names nothing: the cause needs its companions.
        for id in ["memory-fragmentation", "stale-connections", "memory-pressure", "expire-storm", "latency", "replication-lag",
                   "cpu-saturation", "client-capacity", "host-swap", "slow-commands"] {
            for status in [Status.warning, .critical] {
                let lone = RuleResult(ruleID: id, status: status, summary: "\(id) fired", evidence: ["evidence"])
                let made = DiagnosisEngine.diagnose(DiagnosisInput(results: results.filter { $0.ruleID != id } + [lone], current: healthy))
                #expect(made.isEmpty, "\(id) alone gave \(made.map(\.id))")
            }
        }
    }

    /// The check report carries them, and the status stays the rules' own.
    @Test func theReportLeadsWithTheDiagnosisAndKeepsItsStatus() throws {
        let example = try #require(MemoryExhaustedDiagnosis.description.examples.first)
        var snapshot = example.sample.snapshots().current.snapshot
        snapshot.target = "127.0.0.1:6379"
        let report = CheckReport.evaluate(current: snapshot)
        #expect(report.diagnoses.map(\.id) == ["memory-exhausted"])
        let nagios = NagiosRenderer().render(report)
        #expect(nagios.hasPrefix("REDIS CRITICAL - memory exhausted: 315 writes refused with OOM"), "\(nagios)")
        #expect(nagios.contains("\nDIAGNOSIS memory-exhausted (confirmed): "))
        let text = TextRenderer().render(report)
        #expect(text.contains("DIAGNOSIS memory exhausted: 315 writes refused with OOM (confirmed)"), "\(text)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer().render(report).utf8)) as? [String: Any])
        let diagnoses = try #require(json["diagnoses"] as? [[String: Any]])
        #expect(diagnoses.first?["id"] as? String == "memory-exhausted" && diagnoses.first?["confidence"] as? String == "confirmed")
        let runbook = RunbookRenderer().render(report)
        #expect(runbook.contains("1. memory exhausted: 315 writes refused with OOM [CRITICAL, confirmed]"), "\(runbook)")
    }
}

/// Docs/diagnoses/ is generated (`redis-doctor diagnose --write-docs Docs/diagnoses`).
struct DiagnosisDocsSyncTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Docs/diagnoses")

    @Test func pagesMatchTheRegistry() throws {
        for description in DiagnosisRegistry.descriptions {
            let page = try String(contentsOf: Self.docs.appendingPathComponent("\(description.id).md"), encoding: .utf8)
            #expect(page == DiagnosisDocs.markdown(for: description), "regenerate with: redis-doctor diagnose --write-docs Docs/diagnoses")
        }
        let index = try String(contentsOf: Self.docs.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(index == DiagnosisDocs.index(DiagnosisRegistry.descriptions))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.docs.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        #expect(Set(files) == Set(DiagnosisRegistry.descriptions.map { "\($0.id).md" }))
    }
}
