import RedisDoctorCore

/// Prints the rule catalogue or one rule's page; writes Docs/rules/ from the registry.
struct RulesRunner {
    var id: String?
    var writeDocs: String?

    func run() -> ExitStatus {
        if let writeDocs { return write(to: writeDocs) }
        guard let id else {
            Terminal.out(RuleListing.render(RuleRegistry.descriptions))
            return .ok
        }
        guard let rule = RuleRegistry.rule(id: id) else {
            let known = RuleRegistry.descriptions.map(\.id).joined(separator: ", ")
            Terminal.error("unknown rule '\(id)'; known rules: \(known)")
            return .usage
        }
        Terminal.out(RuleDocs.markdown(for: rule.description))
        return .ok
    }

    private func write(to directory: String) -> ExitStatus {
        var pages = RuleRegistry.descriptions.map { (name: "\($0.id).md", text: RuleDocs.markdown(for: $0)) }
        pages.append((name: "README.md", text: RuleDocs.index(RuleRegistry.descriptions)))
        return GeneratedDocs.write(pages, to: directory, what: "rule docs")
    }
}
