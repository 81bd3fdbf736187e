/// What one rule sees: the current sample, an earlier one if any, and the settings.
public struct RuleContext: Sendable {
    public let ruleID: String
    public let current: ParsedSnapshot
    /// The earlier sample: `--interval` in the same run, or the state file's last run.
    public let previous: ParsedSnapshot?
    public let settings: RuleSettings
    /// Every node's view, for the cluster rules of `check --cluster`; nil on a single-node check.
    public let cluster: ClusterState?
    /// Every sentinel's view of one master, for the sentinel rules of `check --sentinel`.
    public let sentinel: SentinelState?
    let defaults: RuleDescription

    public init(description: RuleDescription, current: ParsedSnapshot, previous: ParsedSnapshot?, settings: RuleSettings,
                cluster: ClusterState? = nil, sentinel: SentinelState? = nil) {
        self.ruleID = description.id
        self.defaults = description
        self.current = current
        self.previous = previous
        self.settings = settings
        self.cluster = cluster
        self.sentinel = sentinel
    }

    public var info: Info { current.info }

    /// "Now" on the server's clock (seconds since the epoch), or the capturing host's.
    public var now: Double? { current.serverTimeSeconds }

    /// The earlier sample only when it is from the same server process: a restart
    /// (run_id change) resets every counter, so deltas across it mean nothing.
    public var comparablePrevious: ParsedSnapshot? {
        previous.flatMap { current.comparable(earlier: $0) }
    }

    /// Seconds between the two samples: server clocks, else uptime.
    public var interval: Double? {
        guard let previous = comparablePrevious else { return nil }
        // A rebuilt sample's time is the monitoring engine's clock: the server's uptime is the one clock both share.
        if previous.isRebuilt, let a = previous.info.number(.uptimeSeconds), let b = current.info.number(.uptimeSeconds), b > a { return b - a }
        if let a = previous.serverTimeSeconds, let b = current.serverTimeSeconds, b > a { return b - a }
        if let a = previous.info.number(.uptimeSeconds), let b = current.info.number(.uptimeSeconds), b > a { return b - a }
        return nil
    }

    /// The increase of a counter between the samples; nil without a comparable earlier sample.
    public func delta(_ field: InfoField) -> Double? {
        guard let previous = comparablePrevious,
              let before = previous.info.number(field), let after = current.info.number(field) else { return nil }
        return after - before
    }

    /// The rule's primary threshold: its defaults, overridden by `--warning/--critical`.
    public func threshold() -> Threshold {
        let defaults = (try? defaults.defaultThreshold()) ?? Threshold()
        return settings.threshold(for: ruleID, defaults: defaults)
    }

    /// A numeric parameter: `--set RULE.NAME=VALUE`, else the default the description lists.
    public func number(_ name: String) throws(RuleSettingsError) -> Double {
        try settings.double(rule: ruleID, name: name, default: NumberText.parse(defaultText(name)) ?? .nan)
    }

    public func integer(_ name: String) throws(RuleSettingsError) -> Int {
        try settings.int(rule: ruleID, name: name, default: Int(defaultText(name)) ?? 0)
    }

    public func flag(_ name: String) throws(RuleSettingsError) -> Bool {
        try settings.bool(rule: ruleID, name: name, default: defaultText(name) == "true")
    }

    public func text(_ name: String) -> String {
        settings.parameter(rule: ruleID, name: name) ?? defaultText(name)
    }

    private func defaultText(_ name: String) -> String {
        defaults.parameters.first { $0.name == name }?.defaultValue ?? ""
    }

    // MARK: Building results

    public func ok(_ summary: String, evidence: [String] = [], metrics: [Metric] = [], notJudged: String? = nil) -> RuleResult {
        RuleResult(ruleID: ruleID, status: .ok, summary: summary, evidence: evidence, metrics: metrics, notJudged: notJudged)
    }

    /// Missing data is SKIPPED with the reason, never a failure.
    public func skipped(_ reason: String) -> RuleResult {
        RuleResult(ruleID: ruleID, status: .skipped, summary: reason)
    }

    public func result(_ status: Status, _ summary: String, evidence: [String] = [], advice: [String] = [], metrics: [Metric] = [],
                       notJudged: String? = nil) -> RuleResult {
        RuleResult(ruleID: ruleID, status: status, summary: summary, evidence: evidence, advice: advice, metrics: metrics, notJudged: notJudged)
    }

    /// The reason a needed command family gave no data, for SKIPPED results.
    public func unavailable(_ family: String) -> String? {
        current.status(of: family).explanation(for: family)
    }
}
