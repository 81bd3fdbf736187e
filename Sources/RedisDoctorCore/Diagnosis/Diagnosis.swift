/// A root cause named for several findings at once, in the manner of a rule: one file per
/// diagnosis, with its description and a pure predicate over the rule results and the
/// parsed sample. A diagnosis never changes a status: it names what the findings share.
public protocol Diagnosis: Sendable {
    static var description: DiagnosisDescription { get }
    /// The diagnosis when the findings and facts imply it; nil when they do not.
    static func diagnose(_ findings: DiagnosisInput) -> DiagnosisResult?
}

/// What a diagnosis names and how it decides, for `redis-doctor diagnose`, the generated
/// Docs/diagnoses pages and the example tests.
public struct DiagnosisDescription: Sendable {
    /// Kebab-case, stable.
    public var id: String
    /// Short, as the Nagios status line leads with it (`save stuck on disk I/O`).
    public var title: String
    /// One line.
    public var summary: String
    /// The outage it names and why these findings point at it.
    public var rationale: String
    /// The rules whose results it reads.
    public var findings: [String]
    /// The sample's facts it reads (INFO fields, host facts).
    public var facts: [String]
    /// What would rule it out.
    public var ruledOutBy: String
    /// The one next step.
    public var nextStep: String
    private var makeExamples: @Sendable () -> [DiagnosisExample]

    public var examples: [DiagnosisExample] { makeExamples() }

    public init(id: String, title: String, summary: String, rationale: String, findings: [String], facts: [String] = [],
                ruledOutBy: String, nextStep: String, examples: @autoclosure @escaping @Sendable () -> [DiagnosisExample] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.rationale = rationale
        self.findings = findings
        self.facts = facts
        self.ruledOutBy = ruledOutBy
        self.nextStep = nextStep
        self.makeExamples = examples
    }
}

/// How sure a diagnosis is: `confirmed` when a fact shows the cause itself (the save child
/// in state D, the writes refused with OOM); `likely` when the findings fit it but the
/// cause was not seen (no host facts, one sample).
public enum DiagnosisConfidence: String, Sendable, Hashable {
    case confirmed
    case likely
}

/// One diagnosis made for one run.
public struct DiagnosisResult: Sendable, Hashable {
    public var id: String
    public var title: String
    public var confidence: DiagnosisConfidence
    /// The worst status among the findings it used: never above what the rules found.
    public var status: Status
    /// The status line's lead: `save stuck on disk I/O: 67162 changes not on disk`.
    public var headline: String
    /// The rule results (`bgsave-stalled WARNING: ...`) and facts it used.
    public var evidence: [String]
    /// The rule ids it used.
    public var findings: [String]
    public var nextStep: String
    public var ruledOutBy: String
}

/// What a diagnosis reads: every rule's result in the run, and the sample itself.
public struct DiagnosisInput: Sendable {
    public let results: [RuleResult]
    public let current: ParsedSnapshot
    /// The earlier sample (`--interval`, a state file) when it is of the same server process.
    public let previous: ParsedSnapshot?
    /// Why the check got no sample (a timeout), when it got none; `current` then holds only
    /// what was read on the host.
    public let error: CheckError?

    public init(results: [RuleResult], current: ParsedSnapshot, previous: ParsedSnapshot? = nil, error: CheckError? = nil) {
        self.results = results
        self.current = current
        self.previous = previous.flatMap { current.comparable(earlier: $0) }
        self.error = error
    }

    /// How much a counter grew between the samples; nil without a comparable earlier one.
    public func growth(of value: (Info) -> Double?) -> Double? {
        guard let previous, let before = value(previous.info), let after = value(current.info) else { return nil }
        return after - before
    }

    public var info: Info { current.info }
    public var host: HostFacts? { current.host }

    public func result(_ id: String) -> RuleResult? {
        results.first { $0.ruleID == id }
    }

    /// The rule's result when it found a problem (WARNING or CRITICAL).
    public func firing(_ id: String) -> RuleResult? {
        result(id).flatMap { $0.status == .warning || $0.status == .critical ? $0 : nil }
    }

    /// A finding's summary up to its first `;`, for a headline that stays one clause.
    public static func clause(_ result: RuleResult) -> String {
        String(result.summary.split(separator: ";", maxSplits: 1).first ?? Substring(result.summary))
    }

    /// `bgsave-stalled WARNING: RDB background save running for 25m` for evidence.
    public static func line(_ result: RuleResult) -> String {
        "\(result.ruleID) \(result.status.label): \(result.summary)"
    }
}

extension DiagnosisDescription {
    /// The result for `findings` (the firing results it rests on), with the worst of their statuses.
    public func result(_ confidence: DiagnosisConfidence, headline: String, findings: [RuleResult], facts: [String] = []) -> DiagnosisResult {
        DiagnosisResult(id: id, title: title, confidence: confidence, status: Status.worst(findings.map(\.status)),
                        headline: headline, evidence: findings.map(DiagnosisInput.line) + facts, findings: findings.map(\.ruleID),
                        nextStep: nextStep, ruledOutBy: ruledOutBy)
    }
}
