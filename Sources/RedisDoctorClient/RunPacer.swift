/// A long run's time budget and rate cap, shared by `latency` and `keyspace`: when the next
/// round trip may start, each round trip's deadline (-t, or what is left of the budget), and
/// why the run stops. The cap never averages: a slow round trip is not made up for with a burst.
struct RunPacer {
    enum Stop {
        case budgetSpent
        case interrupted
    }

    let budget: Deadline
    /// Commands per second at most; 0 uncapped.
    let rate: Double
    /// -t: the most one round trip may take.
    let timeout: Double
    let canceller: Canceller
    /// When the next round trip may start, in seconds into the run.
    private var next = 0.0

    init(seconds: Double, rate: Double, timeout: Double, canceller: Canceller) {
        budget = Deadline(seconds: seconds)
        self.rate = rate
        self.timeout = timeout
        self.canceller = canceller
    }

    var elapsed: Double { budget.elapsedSeconds }
    var remaining: Double { Double(budget.remainingMilliseconds) / 1000 }

    /// One round trip's deadline: -t, cut at the end of the budget.
    var roundTrip: Deadline { Deadline(seconds: min(timeout, remaining)) }

    /// Waits for the cap to allow the next round trip; nil to go on, or why the run stops.
    func waitForTurn() -> Stop? {
        if canceller.reset() { return .interrupted }
        if budget.hasPassed { return .budgetSpent }
        let due = next - elapsed
        guard due > 0 else { return nil }
        let left = remaining
        if canceller.sleep(seconds: min(due, left)) { return .interrupted }
        return due < left ? nil : .budgetSpent
    }

    /// Counts `commands` sent in a round trip that began `start` seconds into the run.
    mutating func charge(_ commands: Int, startedAt start: Double) {
        if rate > 0 { next = max(next, start) + Double(commands) / rate }
    }
}
