import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RedisDoctorClient
import RedisDoctorCore

/// What the exporter shares across connections: the configuration (reloadable), the scrapes
/// in flight (one per target: concurrent scrapes of a target share its result), each
/// target's previous sample, and its own counters. Guarded by one lock.
final class Exporter: Sendable {
    /// A scrape running for one target, and how many requests wait for it.
    final class Flight: Sendable {
        let future: EventLoopFuture<Scraper.Outcome>
        let canceller: Canceller
        let waiters: NIOLockedValueBox<Int>

        init(future: EventLoopFuture<Scraper.Outcome>, canceller: Canceller) {
            self.future = future
            self.canceller = canceller
            waiters = NIOLockedValueBox(1)
        }

        /// A waiter left (its client disconnected, or its own deadline passed); the last one
        /// cancels the Redis work. True when that happened.
        @discardableResult
        func leave() -> Bool {
            let left = waiters.withLockedValue { count -> Int in
                count -= 1
                return count
            }
            if left == 0 { canceller.cancel() }
            return left == 0
        }
    }

    struct State {
        var config: ServeConfig
        var configPath: String?
        var auth: RequestAuth
        var flights: [String: Flight] = [:]
        var previous: PreviousSamples
        var metrics = ExporterMetrics()
    }

    let state: NIOLockedValueBox<State>
    let pool: NIOThreadPool

    init(config: ServeConfig, configPath: String?, auth: RequestAuth) {
        state = NIOLockedValueBox(State(config: config, configPath: configPath, auth: auth, previous: PreviousSamples(capacity: config.previousSamples)))
        // One thread per target in flight: a scrape blocks on its target until its deadline.
        pool = NIOThreadPool(numberOfThreads: config.maxTargetsInFlight)
        pool.start()
    }

    var config: ServeConfig { state.withLockedValue { $0.config } }
    var auth: RequestAuth { state.withLockedValue { $0.auth } }

    enum Start {
        case flight(Flight)
        /// The limit of targets in flight is reached.
        case busy
    }

    /// The flight for `key`: the one running for it, or a new one from `make` (given the
    /// key's previous sample); `.busy` at the limit. A flight every client left is not
    /// joined: its work is being cancelled, a new one starts.
    func start(key: String, sampleKey: String, on loop: EventLoop, minimumInterval: Double,
               make: (PreviousSamples.Sample?) -> @Sendable (Canceller) -> Scraper.Outcome) -> Start {
        let started = state.withLockedValue { state -> (Flight, Bool)? in
            if let flight = state.flights[key], flight.waiters.withLockedValue({ count in
                guard count > 0 else { return false }
                count += 1
                return true
            }) {
                state.metrics.coalesced += 1
                return (flight, false)
            }
            guard state.flights.count < state.config.maxTargetsInFlight else {
                state.metrics.rejected["busy", default: 0] += 1
                return nil
            }
            let work = make(state.previous.get(sampleKey)?.sample)
            let canceller = Canceller()
            let flight = Flight(future: pool.runIfActive(eventLoop: loop) { work(canceller) }, canceller: canceller)
            state.flights[key] = flight
            return (flight, true)
        }
        guard let (flight, isNew) = started else { return .busy }
        // Outside the lock: a future already complete would run this at once.
        if isNew {
            flight.future.whenComplete { [weak self] result in
                self?.finish(key: key, sampleKey: sampleKey, flight: flight, result: result, minimumInterval: minimumInterval)
            }
        }
        return .flight(flight)
    }

    private func finish(key: String, sampleKey: String, flight: Flight, result: Result<Scraper.Outcome, Error>, minimumInterval: Double) {
        state.withLockedValue { state in
            // A cancelled flight may have been replaced by a new one for the same key.
            if state.flights[key] === flight { state.flights[key] = nil }
            if case .success(let outcome) = result, let sample = outcome.sample {
                state.previous.record(sample, at: outcome.takenAt, for: sampleKey, minimumInterval: minimumInterval)
            }
        }
    }

    func count(_ update: (inout ExporterMetrics) -> Void) {
        state.withLockedValue { update(&$0.metrics) }
    }

    /// `/metrics`.
    func metricsPage() -> String {
        state.withLockedValue { state in
            state.metrics.render(inFlight: state.flights.count, previousSamples: state.previous.count)
        }
    }

    /// `POST /-/reload`: the new configuration, or why it was refused (the old one stays).
    func reload() -> String? {
        guard let path = state.withLockedValue({ $0.configPath }) else { return nil }
        switch ServeConfigFile.load(path) {
        case .failure(let reason):
            count { $0.reloads["failure", default: 0] += 1 }
            return reason.description
        case .success(let config):
            let auth: RequestAuth
            switch RequestAuth.load(config) {
            case .failure(let error):
                count { $0.reloads["failure", default: 0] += 1 }
                return error.description
            case .success(let loaded): auth = loaded
            }
            state.withLockedValue { state in
                state.auth = auth
                // Where it listens and how many threads run are set at start; the rest changes now.
                var kept = config
                kept.listen = state.config.listen
                kept.maxTargetsInFlight = state.config.maxTargetsInFlight
                state.config = kept
                state.metrics.reloads["success", default: 0] += 1
            }
            return nil
        }
    }
}
