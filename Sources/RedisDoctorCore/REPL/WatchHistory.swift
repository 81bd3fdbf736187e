/// The samples a live view keeps, and which earlier one each rule is judged against.
///
/// A view refreshed every second must still judge what needs a longer interval: a save's
/// progress is judged over bgsave-stalled's 5 s, so each rule gets the newest earlier
/// sample at least its minimum interval old (the oldest kept one until there is such a
/// sample, which the rule then says is too close). Counters' rates use the previous tick.
public struct WatchHistory: Sendable {
    public struct Sample: Sendable {
        public var snapshot: ParsedSnapshot
        /// Seconds since the epoch: the server's clock when it prints one, else the host's.
        public var at: Double
    }

    public private(set) var samples: [Sample] = []
    public let settings: RuleSettings
    /// The longest interval any enabled rule needs: what the history must reach back.
    let reach: Double
    /// A bound whatever the tick (and a server clock that never moves): a 0.1 s refresh over
    /// a 5 s reach keeps 50.
    static let capacity = 64

    public init(settings: RuleSettings = RuleSettings()) {
        self.settings = settings
        reach = settings.minimumSampleInterval()
    }

    public var newest: Sample? { samples.last }

    /// The sample before the newest, for per-tick rates.
    public var previous: Sample? { samples.count >= 2 ? samples[samples.count - 2] : nil }

    public mutating func append(_ snapshot: ParsedSnapshot, at host: Double) {
        let at = snapshot.serverTimeSeconds ?? host
        samples.append(Sample(snapshot: snapshot, at: at))
        // Keep one sample at least `reach` old, and everything newer.
        while samples.count > 2, at - samples[1].at >= reach { samples.removeFirst() }
        if samples.count > Self.capacity { samples.removeFirst(samples.count - Self.capacity) }
    }

    /// The earlier sample a rule needing `interval` seconds is judged against.
    func baseline(forInterval interval: Double) -> Sample? {
        guard let newest, samples.count >= 2 else { return nil }
        let earlier = samples.dropLast()
        return earlier.last { newest.at - $0.at >= interval } ?? earlier.first
    }

    /// Every enabled rule on the newest sample, each against its own baseline, in registry order.
    public func evaluate(_ rules: [any HealthRule.Type] = RuleRegistry.nodeRules) -> [RuleResult] {
        guard let newest else { return [] }
        var results: [RuleResult] = []
        for rule in rules {
            let baseline = baseline(forInterval: settings.minimumInterval(for: rule.description))
            results += RuleEngine.evaluate([rule], current: newest.snapshot, previous: baseline?.snapshot, settings: settings)
        }
        return results
    }
}
