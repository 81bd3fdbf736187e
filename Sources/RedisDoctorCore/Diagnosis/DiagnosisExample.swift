/// A worked example of a diagnosis: a sample in (INFO, other replies, the host, an earlier
/// INFO), every node rule run over it, and whether the diagnosis is made. Examples are
/// its tests and its documentation, like a rule's.
public struct DiagnosisExample: Sendable {
    public var title: String
    /// The sample, written as a rule example is (only the fields that matter).
    public var sample: RuleExample
    /// Whether the diagnosis is made.
    public var diagnosed: Bool
    public var expectConfidence: DiagnosisConfidence?
    /// Substrings of the headline and evidence.
    public var expectEvidence: [String]
    /// The check's timeout message, for a sample that got no answer (only the host was read).
    public var timeout: String?

    public init(_ title: String, info: String, clientList: String? = nil, previousInfo: String? = nil, replies: [String: String] = [:],
                settings: [String: String] = [:], timeout: String? = nil, host: HostExample? = nil, diagnosed: Bool,
                confidence: DiagnosisConfidence? = nil, expectEvidence: [String] = []) {
        self.title = title
        self.timeout = timeout
        self.sample = RuleExample(title, info: info, clientList: clientList, previousInfo: previousInfo, replies: replies, settings: settings,
                                  host: host, expect: .ok)
        self.diagnosed = diagnosed
        self.expectConfidence = confidence
        self.expectEvidence = expectEvidence
    }

    /// Every node rule over the sample, then every diagnosis, as a check makes them.
    public func diagnoses() throws(RuleSettingsError) -> (results: [RuleResult], diagnoses: [DiagnosisResult]) {
        let (current, previous) = sample.snapshots()
        if let timeout {
            // No sample: the check timed out, and only the host was read.
            var snapshot = Snapshot(target: "example")
            snapshot.host = sample.host?.capture
            let error = CheckError(kind: .timeout, message: timeout, stage: "INFO")
            return ([], DiagnosisEngine.diagnose(DiagnosisInput(results: [], current: ParsedSnapshot(snapshot), error: error)))
        }
        let settings = try RuleSettings(overrides: sample.settings)
        let results = RuleEngine.evaluate(current: current, previous: previous, settings: settings)
        return (results, DiagnosisEngine.diagnose(DiagnosisInput(results: results, current: current, previous: previous)))
    }
}
