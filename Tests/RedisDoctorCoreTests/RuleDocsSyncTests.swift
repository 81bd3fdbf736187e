import Foundation
import Testing
@testable import RedisDoctorCore

/// Docs/rules/ is generated from the registry (`redis-doctor rules --write-docs Docs/rules`);
/// these fail when a page is stale, missing, or left over from a removed rule.
struct RuleDocsSyncTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Docs/rules")

    @Test(arguments: RuleRegistry.descriptions.map(\.id))
    func pageMatchesTheRegistry(_ id: String) throws {
        let description = try #require(RuleRegistry.rule(id: id)).description
        let page = try String(contentsOf: Self.docs.appendingPathComponent("\(id).md"), encoding: .utf8)
        #expect(page == RuleDocs.markdown(for: description), "regenerate with: redis-doctor rules --write-docs Docs/rules")
    }

    @Test func indexMatchesAndNoPageIsOrphaned() throws {
        let index = try String(contentsOf: Self.docs.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(index == RuleDocs.index(RuleRegistry.descriptions))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.docs.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        #expect(Set(files) == Set(RuleRegistry.descriptions.map { "\($0.id).md" }))
    }
}
