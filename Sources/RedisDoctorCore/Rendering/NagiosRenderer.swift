/// Nagios plugin output: one status line with perfdata, then long output.
///
/// ```
/// REDIS CRITICAL - used memory 95% of maxmemory (+1 warning) | 'used_memory'=...
/// CRITICAL memory-usage: used memory 95% of maxmemory (used_memory=1.9 GiB) - advice: MEMORY PURGE
/// WARNING stale-connections: ...
/// ```
/// All perfdata goes on the first line. `|` in text becomes `/` so parsers do not
/// mistake it for the perfdata separator.
public struct NagiosRenderer: Sendable {
    /// How many server facts the all-OK summary shows.
    public var factsInSummary: Int

    public init(factsInSummary: Int = 3) {
        self.factsInSummary = factsInSummary
    }

    public func render(_ report: CheckReport) -> String {
        let status = report.status
        var line = "REDIS \(status.label) - " + OutputText.nagios(summary(report))
        // The counters too: a later run can rebuild this sample from the line alone.
        let perfdata = (report.results.flatMap(\.metrics) + report.counters).compactMap(\.perfdata)
        if !perfdata.isEmpty { line += " | " + perfdata.joined(separator: " ") }
        var lines = [line]
        // The diagnosis leads the long output too: the cause, then the findings behind it.
        for diagnosis in report.diagnoses {
            lines.append(OutputText.nagios("DIAGNOSIS \(diagnosis.id) (\(diagnosis.confidence.rawValue)): \(diagnosis.headline) ("
                + diagnosis.evidence.joined(separator: "; ") + ") - next: \(diagnosis.nextStep)"))
        }
        for result in report.resultsWorstFirst where result.status != .ok && result.status != .skipped {
            lines.append(Self.longOutputLine(result))
        }
        for result in report.results where result.status == .ok && result.notJudged != nil {
            lines.append(OutputText.nagios("OK \(result.ruleID): \(result.summary)"))
        }
        return lines.joined(separator: "\n")
    }

    /// `WARNING [127.0.0.1:7001 ]rule: summary (evidence; ...) - advice: ...`; with
    /// `skippingRepeatedSummary` (the cluster report), evidence that only repeats the summary is said once.
    static func longOutputLine(_ result: RuleResult, node: String? = nil, skippingRepeatedSummary: Bool = false) -> String {
        var text = "\(result.status.label) \(node.map { "\($0) " } ?? "")\(result.ruleID): \(result.summary)"
        // Evidence the summary already says in full is not said twice.
        let evidence = result.evidence.filter { !(skippingRepeatedSummary && result.summary.contains($0)) }
        if !evidence.isEmpty { text += " (" + evidence.joined(separator: "; ") + ")" }
        if !result.advice.isEmpty { text += " - advice: " + result.advice.joined(separator: "; ") }
        return OutputText.nagios(text)
    }

    /// The text after `REDIS STATUS - `.
    func summary(_ report: CheckReport) -> String {
        let status = report.status
        let problems = report.results.filter { $0.status != .ok && $0.status != .skipped }
        var parts: [String] = []
        let lead = report.diagnoses.first.flatMap { $0.status == status ? $0 : nil }
        // A diagnosis names the illness first; the error and the worst findings it does not explain follow.
        if let lead { parts.append(lead.headline) }
        if let error = report.error { parts.append(error.message) }
        let worst = problems.filter { $0.status == status }
        if let lead {
            parts += worst.filter { !lead.findings.contains($0.ruleID) }.map(\.summary)
        } else {
            parts += worst.map(\.summary)
        }
        if parts.isEmpty {
            // Nothing wrong: counts and the headline facts.
            let ok = report.results.filter { $0.status == .ok }.count
            let skipped = report.results.filter { $0.status == .skipped }.count
            var text = "\(ok) \(ok == 1 ? "rule" : "rules") ok"
            if skipped > 0 { text += ", \(skipped) skipped" }
            var separator = "; "
            for fact in report.server.prefix(factsInSummary) {
                // "redis 7.0.15 master": the role reads as part of the version phrase.
                text += (fact.name == "role" && separator == ", " ? " " : separator) + Self.factText(fact)
                separator = ", "
            }
            // What an OK does not cover is said on the line Nagios shows.
            for result in report.results where result.status == .ok {
                if let note = result.notJudged { text += "; \(result.ruleID) \(note)" }
            }
            return text
        }
        var text = parts.joined(separator: "; ")
        // Lesser problems are counted, not listed, to keep the first line short.
        var others: [String] = []
        for lesser in [Status.critical, .warning, .unknown] where lesser != status {
            let count = problems.filter { $0.status == lesser }.count
            if count > 0 { others.append("+\(count) \(lesser.rawValue)") }
        }
        if !others.isEmpty { text += " (" + others.joined(separator: ", ") + ")" }
        return text
    }

    /// `redis 7.0.15`, `master`, `used_memory 1.02 MiB`: version and role read naturally.
    static func factText(_ fact: ServerFact) -> String {
        switch fact.name {
        case "server": return fact.value
        case "role": return fact.value
        default: return "\(fact.name) \(fact.value)"
        }
    }
}
