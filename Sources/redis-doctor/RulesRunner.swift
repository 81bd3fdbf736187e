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
        var pages = RuleRegistry.descriptions.map { ("\($0.id).md", RuleDocs.markdown(for: $0)) }
        pages.append(("README.md", RuleDocs.index(RuleRegistry.descriptions)))
        for (name, text) in pages {
            do throws(FileIO.Failure) {
                try FileIO.writeAtomically(Array(text.utf8), to: directory + "/" + name)
            } catch {
                Terminal.error("cannot write rule docs: \(error)")
                return .usage
            }
        }
        Terminal.error("wrote \(pages.count) pages to \(directory)")
        return .ok
    }
}
