import Testing
@testable import RedisDoctorCore

/// Every rule's documented examples are its tests: status and evidence must match.
struct RuleExampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: any HealthRule.Type
        var example: RuleExample
        var testDescription: String { "\(rule.description.id): \(example.title)" }
    }

    static let cases: [Case] = RuleRegistry.all.flatMap { rule in
        rule.description.examples.map { Case(rule: rule, example: $0) }
    }

    @Test(arguments: cases)
    func exampleGivesItsDocumentedStatusAndEvidence(_ c: Case) throws {
        let result = try c.example.evaluate(c.rule)
        #expect(result.status == c.example.expectedStatus, "\(result.summary) \(result.evidence)")
        #expect(result.ruleID == c.rule.description.id)
        let text = ([result.summary] + result.evidence).joined(separator: "\n")
        for needle in c.example.expectEvidence {
            #expect(text.contains(needle), "evidence lacks '\(needle)': \(text)")
        }
        if result.status == .warning || result.status == .critical {
            #expect(!result.evidence.isEmpty, "a finding carries evidence")
            #expect(!result.advice.isEmpty, "a finding carries advice")
        }
    }

    @Test(arguments: RuleRegistry.descriptions.map(\.id))
    func descriptionIsComplete(_ id: String) throws {
        let description = try #require(RuleRegistry.rule(id: id)).description
        #expect(description.problems() == [])
        if description.informational {
            #expect(!description.examples.contains { $0.triggers }, "an informational rule never alerts")
        } else {
            #expect(description.examples.contains { $0.triggers }, "needs a triggering example")
        }
        #expect(description.examples.contains { !$0.triggers }, "needs a non-triggering example")
    }

    @Test func ruleIDsAreUnique() {
        let ids = RuleRegistry.descriptions.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
