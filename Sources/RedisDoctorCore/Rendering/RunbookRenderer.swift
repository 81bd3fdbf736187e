/// `redis-doctor diagnose`: the diagnoses as a short runbook (what is wrong, why we think
/// so, what to do, what would prove us wrong), then the findings no diagnosis explains.
public struct RunbookRenderer: Sendable {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var lines = ["redis-doctor diagnose \(OutputText.oneLine(report.target)): \(report.status.label)"]
        if let error = report.error {
            lines += ["", "\(error.status.label) \(OutputText.oneLine(error.message))"]
            if report.diagnoses.isEmpty {
                switch error.kind {
                case .usage: break
                case .nothingJudged: lines.append("No diagnosis: no rule could judge this server, and a diagnosis needs findings.")
                default: lines.append("No diagnosis: the server could not be read, and a diagnosis needs its findings.")
                }
                return lines.joined(separator: "\n") + "\n"
            }
        }
        let problems = report.resultsWorstFirst.filter { $0.status == .warning || $0.status == .critical || $0.status == .unknown }
        if report.diagnoses.isEmpty {
            lines.append("")
            lines.append(problems.isEmpty ? "No diagnosis: no rule found a problem."
                : "No diagnosis: the \(problems.count == 1 ? "finding fits" : "\(problems.count) findings fit") no known cause; each is listed below.")
        }
        for (index, diagnosis) in report.diagnoses.enumerated() {
            lines += ["", "\(index + 1). \(OutputText.oneLine(diagnosis.headline)) [\(diagnosis.status.label), \(diagnosis.confidence.rawValue)]"]
            lines.append("   Because:")
            for evidence in diagnosis.evidence { lines.append("   - \(OutputText.oneLine(evidence))") }
            lines.append("   Next: \(OutputText.oneLine(diagnosis.nextStep))")
            lines.append("   Ruled out by: \(OutputText.oneLine(diagnosis.ruledOutBy))")
            lines.append("   Docs/diagnoses/\(diagnosis.id).md")
        }
        let explained = Set(report.diagnoses.flatMap(\.findings))
        let rest = problems.filter { !explained.contains($0.ruleID) }
        if !rest.isEmpty {
            lines += ["", report.diagnoses.isEmpty ? "Findings:" : "Findings no diagnosis explains:"]
            for result in rest { lines.append("- \(result.status.label) \(result.ruleID): \(OutputText.oneLine(result.summary))") }
        }
        // What the OKs could not judge: a diagnosis may be missing for want of it.
        let notJudged = report.results.filter { $0.status == .ok && $0.notJudged != nil }
        if !notJudged.isEmpty {
            lines += ["", "Not judged:"]
            for result in notJudged { lines.append("- \(result.ruleID): \(OutputText.oneLine(result.notJudged ?? ""))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
