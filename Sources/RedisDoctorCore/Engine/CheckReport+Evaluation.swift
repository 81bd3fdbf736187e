extension CheckReport {
    /// The one evaluation path shared by `check` and the REPL's `:check`:
    /// parse the samples, run the enabled rules, describe the server.
    /// `info`: INFO already parsed from `current` (the live collector has it), so it is parsed once.
    /// A snapshot without readable INFO is a check-level error, never a run of skipped rules:
    /// a probe that could see nothing must not say OK.
    public static func evaluate(current: Snapshot, info: Info? = nil, previous: Snapshot? = nil,
                                settings: RuleSettings = RuleSettings(), origin: InfoProblem.Origin = .server) -> CheckReport {
        evaluate(parsed: ParsedSnapshot(current, info: info), previous: previous.map { ParsedSnapshot($0) }, settings: settings, origin: origin)
    }

    /// The same over a snapshot already parsed (a cluster node's).
    public static func evaluate(parsed: ParsedSnapshot, previous: ParsedSnapshot? = nil,
                                settings: RuleSettings = RuleSettings(), origin: InfoProblem.Origin = .server) -> CheckReport {
        let current = parsed.snapshot
        if let problem = parsed.infoProblem {
            return CheckReport(target: current.target, error: problem.checkError(origin: origin))
        }
        let results = RuleEngine.evaluate(current: parsed, previous: previous, settings: settings)
        var report = CheckReport(target: current.target, server: parsed.facts, results: results)
        report.counters = parsed.counters
        report.diagnoses = DiagnosisEngine.diagnose(DiagnosisInput(results: results, current: parsed, previous: previous))
        // Every rule skipped means nothing was judged: that is no OK either.
        if !results.contains(where: { $0.status != .skipped }) {
            let reasons = results.prefix(3).map { "\($0.ruleID): \($0.summary)" }
            report.error = CheckError(kind: .nothingJudged, message: "nothing was judged: "
                + (results.isEmpty ? "no rule is enabled" : "all \(results.count) rules were skipped (" + reasons.joined(separator: "; ") + (results.count > 3 ? "; ..." : "") + ")"))
        }
        return report
    }
}
