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
    /// What this result could not judge and how to judge it ("progress not judged: one
    /// sample (use --interval 6 ...)"): an OK that covers less than it seems is said.
    public var notJudged: String?

    public init(ruleID: String, status: Status, summary: String, evidence: [String] = [], advice: [String] = [], metrics: [Metric] = [],
                notJudged: String? = nil) {
        self.ruleID = ruleID
        self.status = status
        self.summary = summary
        self.evidence = evidence
        self.advice = advice
        self.metrics = metrics
        self.notJudged = notJudged
    }
}
