/// Generates the Docs/rules pages from rule descriptions, so docs cannot drift from code.
public enum RuleDocs {
    /// The page for Docs/rules/<id>.md.
    public static func markdown(for rule: RuleDescription) -> String {
        var out: [String] = []
        out.append("# \(rule.title)")
        out.append("")
        out.append("`\(rule.id)` · \(rule.category.title) · " + (rule.enabledByDefault ? "enabled by default" : "disabled by default (enable with `--only \(rule.id)` or `enabled = true`)"))
        out.append("")
        out.append(rule.summary)
        out.append("")
        out.append("## Why")
        out.append("")
        out.append(rule.rationale)
        out.append("")
        out.append("## What it reads")
        out.append("")
        out.append("- Commands: " + (rule.commandsNeeded.isEmpty ? "none" : rule.commandsNeeded.map(code).joined(separator: ", ")))
        if !rule.fieldsRead.isEmpty {
            out.append("- Fields: " + rule.fieldsRead.map(code).joined(separator: ", "))
        }
        out.append("")
        out.append("If a command is denied (ACL `NOPERM`, or unknown on this server), the rule is skipped.")
        out.append("")
        out.append("## Thresholds")
        out.append("")
        if let metric = rule.primaryMetric {
            out.append("| Metric | Warning | Critical |")
            out.append("|---|---|---|")
            out.append("| \(code(metric)) | \(rule.defaultWarning.map(code) ?? "none") | \(rule.defaultCritical.map(code) ?? "none") |")
            out.append("")
            out.append("Ranges use Nagios syntax. Override with `--warning \(rule.id)=RANGE` and `--critical \(rule.id)=RANGE`, or `warning =` / `critical =` under `[\(rule.id)]` in the config file.")
        } else {
            out.append("No numeric thresholds: the rule decides its status from the conditions above.")
        }
        if !rule.parameters.isEmpty {
            out.append("")
            out.append("## Parameters")
            out.append("")
            out.append("| Name | Default | Description |")
            out.append("|---|---|---|")
            for parameter in rule.parameters {
                out.append("| \(code(parameter.name)) | \(code(parameter.defaultValue)) | \(cell(parameter.description)) |")
            }
            out.append("")
            out.append("Set with `--set \(rule.id).NAME=VALUE`, or `NAME = VALUE` under `[\(rule.id)]` in the config file.")
        }
        if !rule.examples.isEmpty {
            out.append("")
            out.append("## Examples")
            for example in rule.examples {
                out.append("")
                out.append("### \(example.title) → \(example.expectedStatus.label)")
                out.append("")
                if let sentinel = example.sentinel {
                    out += sentinelBlocks(sentinel)
                } else if example.cluster.isEmpty {
                    out += block("INFO", example.info)
                } else {
                    out += clusterBlocks(example.cluster)
                }
                out += inputBlocks(example, previousLabel: "INFO (previous run)")
                var expected = "Expected status: **\(example.expectedStatus.label)**"
                if !example.expectEvidence.isEmpty {
                    expected += "; evidence mentions " + example.expectEvidence.map(code).joined(separator: ", ")
                }
                out.append(expected)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A host example: each /proc or /sys file, and the disk of `dir`.
    static func hostBlocks(_ host: HostExample) -> [String] {
        if let reason = host.notLocal { return ["Host: not read (\(reason))", ""] }
        var out: [String] = []
        for (path, text) in host.shownFiles { out += block(path, text) }
        if let fs = host.filesystem {
            let numbers = [fs.availableBytes.map { "\(HumanFormat.bytes($0)) available" }, fs.totalBytes.map { "of \(HumanFormat.bytes($0))" }]
            out.append("Filesystem of \(code(fs.path)): " + numbers.compactMap { $0 }.joined(separator: " "))
            out.append("")
        }
        for file in host.dumpFiles {
            out.append("\(code(file.path)): " + (file.bytes.map(HumanFormat.bytes) ?? "not read (\(file.error ?? "?"))"))
            out.append("")
        }
        return out
    }

    /// A cluster example: each node's CLUSTER NODES and cluster_state, or why it gave none.
    static func clusterBlocks(_ nodes: [ClusterExampleNode]) -> [String] {
        var out: [String] = []
        for node in nodes {
            guard let text = node.nodes else {
                out.append("\(node.address): \(node.failure ?? "no answer")")
                out.append("")
                continue
            }
            let state = ClusterInfo(parsing: Array(node.info.utf8)).state.map { ", cluster_state:\($0)" } ?? ""
            out += block("CLUSTER NODES on \(node.address)\(state)", text)
        }
        return out
    }

    /// A sentinel example: what each sentinel says of the master, the master's ROLE and the
    /// earlier sample, as a table (the captures' full field lists are in the test fixtures).
    static func sentinelBlocks(_ example: SentinelExample) -> [String] {
        let state = example.state()
        var out = ["| sentinel | GET-MASTER-ADDR-BY-NAME | master flags | config-epoch | replicas (flags) | CKQUORUM |", "| --- | --- | --- | --- | --- | --- |"]
        for view in state.views {
            guard view.snapshot != nil else {
                out.append("| \(view.address) | \(view.failure ?? "no answer") | | | | |")
                continue
            }
            let master = view.master
            let replicas = view.replicas.map { "\($0.address ?? "?") (\($0["flags"] ?? ""))" }.joined(separator: ", ")
            let quorum = view.quorumCheck.map { ($0.ok ? "" : "-") + $0.text } ?? ""
            out.append("| \(view.address) | \(view.masterAddress ?? view.masterRefusal ?? "") | \(master?["flags"] ?? "") | \(master?["config-epoch"] ?? "") | \(replicas) | \(quorum) |")
        }
        out.append("")
        if let probe = example.probe {
            let answer = probe.failure ?? probe.refusal ?? (probe.role ?? "?") + (probe.following.map { " of \($0)" } ?? "")
            out += ["ROLE at \(probe.address): \(answer)", ""]
        }
        if let previous = example.previous {
            out += ["Earlier sample (\(previous.source)): master \(previous.masterAddress ?? "not kept"), config-epoch \(previous.configEpoch.map { String($0) } ?? "?")", ""]
        }
        return out
    }

    /// Docs/rules/README.md: every rule, grouped by category, linking to its page.
    public static func index(_ descriptions: [RuleDescription]) -> String {
        var out = ["# Rules", "", "Generated from the rule descriptions; do not edit by hand.", ""]
        let categoryOrder = Dictionary(uniqueKeysWithValues: RuleCategory.allCases.enumerated().map { ($1, $0) })
        let sorted = descriptions.sorted {
            ($0.category == $1.category) ? $0.id < $1.id : categoryOrder[$0.category]! < categoryOrder[$1.category]!
        }
        for category in RuleCategory.allCases {
            let rules = sorted.filter { $0.category == category }
            if rules.isEmpty { continue }
            out.append("## \(category.title)")
            out.append("")
            out.append("| Rule | Summary | Default | Warning | Critical |")
            out.append("|---|---|---|---|---|")
            for rule in rules {
                out.append("| [\(code(rule.id))](\(rule.id).md) | \(cell(rule.summary)) | \(rule.enabledByDefault ? "on" : "off") | \(rule.defaultWarning.map(code) ?? "–") | \(rule.defaultCritical.map(code) ?? "–") |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Inline code; a backtick inside gets a longer delimiter, per CommonMark.
    static func code(_ text: String) -> String {
        let escaped = cell(text)
        return escaped.contains("`") ? "`` \(escaped) ``" : "`\(escaped)`"
    }

    /// Table cell text: `|` escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// An example's inputs after its INFO: the previous INFO, CLIENT LIST, other replies, the
    /// host's files and the settings; rule and diagnosis pages show them alike.
    static func inputBlocks(_ example: RuleExample, previousLabel: String) -> [String] {
        var out: [String] = []
        if let previous = example.previousInfo { out += block(previousLabel, previous) }
        if let clients = example.clientList { out += block("CLIENT LIST", clients) }
        for command in example.replies.keys.sorted() { out += block(command, example.replies[command]!) }
        if let host = example.host { out += hostBlocks(host) }
        if !example.settings.isEmpty {
            out.append("Settings: " + example.settings.keys.sorted().map { code("\($0)=\(example.settings[$0]!)") }.joined(separator: ", "))
            out.append("")
        }
        return out
    }

    /// A labelled fenced block whose fence is longer than any backtick run inside.
    static func block(_ label: String, _ content: String) -> [String] {
        var longest = 0, run = 0
        for c in content {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        var body = content
        while body.hasSuffix("\n") { body.removeLast() }
        return ["\(label):", "", fence + "text", body, fence, ""]
    }
}
