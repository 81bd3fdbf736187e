/// A report for people at a terminal: worst findings first, with evidence and advice.
public struct TextRenderer: Sendable {
    /// Colour status words with ANSI escapes; the executable decides (isatty, NO_COLOR).
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ report: CheckReport) -> String {
        var lines: [String] = []
        lines.append("redis-doctor \(OutputText.oneLine(report.target)): \(word(report.status))")
        for facts in [report.server.filter { !$0.fromHost }, report.server.filter(\.fromHost)] where !facts.isEmpty {
            lines.append(facts.map { "\($0.name) \(OutputText.oneLine($0.value))" }.joined(separator: ", "))
        }
        lines += diagnosisLines(report.diagnoses)
        if let error = report.error {
            var text = "\(word(error.status)) \(OutputText.oneLine(error.message))"
            if let stage = error.stage { text += " [stage: \(OutputText.oneLine(stage))]" }
            lines.append("")
            lines.append(text)
        }
        let ordered = report.resultsWorstFirst
        let problems = ordered.filter { $0.status != .ok && $0.status != .skipped }
        if !problems.isEmpty { lines.append("") }
        let width = Self.statusWidth
        for result in problems { lines += finding(result) }
        let ok = ordered.filter { $0.status == .ok }
        let skipped = ordered.filter { $0.status == .skipped }
        if !ok.isEmpty || !skipped.isEmpty { lines.append("") }
        if !ok.isEmpty {
            lines.append("\(word(.ok)) (\(ok.count)): " + ok.map(\.ruleID).joined(separator: ", "))
            // An OK that could not judge everything says what and how, not just "OK".
            let indent = String(repeating: " ", count: width + 2)
            for result in ok where result.notJudged != nil {
                lines.append("\(indent)\(result.ruleID): \(OutputText.oneLine(result.summary))")
            }
        }
        if !skipped.isEmpty {
            let items = skipped.map { $0.summary.isEmpty ? $0.ruleID : "\($0.ruleID) (\(OutputText.oneLine($0.summary)))" }
            lines.append("\(word(.skipped)) (\(skipped.count)): " + items.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// The widest status word: findings line up after it.
    static let statusWidth = Status.allCases.map(\.label.count).max() ?? 0

    /// A finding: its status, rule and summary, then its evidence and advice indented.
    func finding(_ result: RuleResult, prefix: String = "", skippingRepeatedSummary: Bool = false) -> [String] {
        let pad = String(repeating: " ", count: Self.statusWidth - result.status.label.count)
        let indent = String(repeating: " ", count: Self.statusWidth + 2)
        var lines = ["\(word(result.status))\(pad)  \(prefix)\(result.ruleID): \(OutputText.oneLine(result.summary))"]
        for evidence in result.evidence where !(skippingRepeatedSummary && result.summary.contains(evidence)) {
            lines.append("\(indent)evidence: \(OutputText.oneLine(evidence))")
        }
        for advice in result.advice { lines.append("\(indent)advice:   \(OutputText.oneLine(advice))") }
        return lines
    }

    /// The diagnoses, before the findings: what is wrong, how sure, what to do next.
    func diagnosisLines(_ diagnoses: [DiagnosisResult]) -> [String] {
        var lines: [String] = []
        let indent = String(repeating: " ", count: Self.statusWidth + 2)
        for diagnosis in diagnoses {
            lines.append("")
            let label = "DIAGNOSIS"
            lines.append("\(label)\(String(repeating: " ", count: max(1, Self.statusWidth + 2 - label.count)))\(OutputText.oneLine(diagnosis.headline)) (\(diagnosis.confidence.rawValue))")
            for evidence in diagnosis.evidence { lines.append("\(indent)because: \(OutputText.oneLine(evidence))") }
            lines.append("\(indent)next:    \(OutputText.oneLine(diagnosis.nextStep))")
            lines.append("\(indent)unless:  \(OutputText.oneLine(diagnosis.ruledOutBy))")
        }
        return lines
    }

    func word(_ status: Status) -> String {
        guard color else { return status.label }
        let code: String
        switch status {
        case .critical: code = "1;31"
        case .warning: code = "1;33"
        case .unknown: code = "1;35"
        case .ok: code = "32"
        case .skipped: code = "2"
        }
        return "\u{1B}[\(code)m\(status.label)\u{1B}[0m"
    }
}
