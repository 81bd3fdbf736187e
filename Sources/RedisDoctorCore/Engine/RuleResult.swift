/// One rule's finding for one run.
public struct RuleResult: Sendable, Hashable {
    /// The rule's kebab-case id (`memory-usage`).
    public var ruleID: String
    public var status: Status
    /// One line; renderers replace any line break with a space.
    public var summary: String
    /// The values that led to the status (`used_memory=1.9 GiB`, `maxmemory=2 GiB`).
    public var evidence: [String]
    /// What to run or change next (`MEMORY PURGE`).
    public var advice: [String]
    public var metrics: [Metric]

    public init(ruleID: String, status: Status, summary: String, evidence: [String] = [], advice: [String] = [], metrics: [Metric] = []) {
        self.ruleID = ruleID
        self.status = status
        self.summary = summary
        self.evidence = evidence
        self.advice = advice
        self.metrics = metrics
    }
}
