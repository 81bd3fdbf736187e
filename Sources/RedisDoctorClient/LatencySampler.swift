import RedisDoctorCore

/// Sends PINGs for a fixed time and records each round trip, then reads the server's
/// latency monitor. `--duration` is a hard budget: a PING still waiting when it ends is
/// recorded with the time it waited (a stall that long at least), and sampling stops.
public struct LatencySampler {
    public var target: ConnectionTarget
    public var options: ConnectionOptions
    /// -t: bounds each round trip and each (re)connect.
    public var timeout: Double
    public var canceller: Canceller

    public init(target: ConnectionTarget, options: ConnectionOptions, timeout: Double, canceller: Canceller) {
        self.target = target
        self.options = options
        self.timeout = timeout
        self.canceller = canceller
    }

    /// Samples into `report` over `link`; returns the connection still open (or nil).
    public func sample(_ report: inout LatencyReport, over first: Connection) -> Connection? {
        var link: Connection? = first
        var pacer = RunPacer(seconds: report.duration, rate: report.rate, timeout: timeout, canceller: canceller)
        let budget = pacer.budget
        while true {
            if let stop = pacer.waitForTurn() {
                if stop == .interrupted { report.stoppedBy = LatencyReport.interrupted }
                break
            }
            if link == nil {
                do throws(ConnectionError) {
                    link = try Connection.open(target, deadline: pacer.roundTrip, options: options, canceller: canceller)
                } catch {
                    if budget.hasPassed { break }
                    report.stoppedBy = "reconnecting: " + error.message(target: target.description)
                    break
                }
            }
            guard let open = link else { break }
            pacer.charge(1, startedAt: pacer.elapsed)
            let start = MonotonicClock.now()
            do throws(ConnectionError) {
                let reply = try open.send(["PING"], deadline: pacer.roundTrip)
                report.histogram.record((MonotonicClock.now() - start) / 1000)
                // Anything but PONG is no answer to PING: a refusal, or not Redis's protocol.
                if reply != .status("PONG") {
                    report.errors += 1
                    if report.firstError == nil { report.firstError = reply.errorMessage ?? "PING answered with \(reply.shapeDescription)" }
                }
            } catch {
                let waited = (MonotonicClock.now() - start) / 1000
                link = nil
                if case .cancelled = error {
                    report.stoppedBy = LatencyReport.interrupted
                    break
                }
                if case .timedOut = error {
                    if budget.hasPassed && Double(waited) / 1e6 < timeout {
                        // Cut by the end of the run, not by -t. A wait of a millisecond or more
                        // is a stall in progress: kept, as a lower bound. Shorter, the run just ended.
                        if waited >= 1000 {
                            report.histogram.record(waited)
                            report.cutShort = true
                        }
                        break
                    }
                    report.timeouts += 1
                    continue
                }
                // Closed or reset mid-run: counted, and a new connection goes on (a failed
                // reconnect ends the sampling, CRITICAL).
                report.dropped += 1
                if report.firstDrop == nil { report.firstDrop = error.message(target: target.description) }
                continue
            }
        }
        report.elapsed = budget.elapsedSeconds
        return link
    }

    /// LATENCY LATEST, HISTORY per event and DOCTOR, under one -t deadline.
    public func readMonitor(_ report: inout LatencyReport, over given: Connection?) {
        var monitor = LatencyMonitor()
        let deadline = Deadline(seconds: timeout)
        do throws(ConnectionError) {
            let link: Connection
            if let given { link = given } else { link = try Connection.open(target, deadline: deadline, options: options, canceller: canceller) }
            // Redis keeps 160 points per event: 4 MiB covers every reply of a real server.
            link.limitAllReplies(to: 4 * 1024 * 1024)
            let replies = try link.pipeline([["CONFIG", "GET", "latency-monitor-threshold"], ["LATENCY", "LATEST"], ["LATENCY", "DOCTOR"]], deadline: deadline)
            if let message = replies[0].errorMessage { monitor.refusals.append("CONFIG GET latency-monitor-threshold: \(message)") }
            else if let items = replies[0].array, items.count >= 2, let text = items[1].text { monitor.threshold = Int64(text) }
            if let message = replies[1].errorMessage { monitor.refusals.append("LATENCY LATEST: \(message)") }
            else { monitor.latest = LatencyEvent.parse(replies[1]) }
            if let message = replies[2].errorMessage { monitor.refusals.append("LATENCY DOCTOR: \(message)") }
            else { monitor.doctor = replies[2].text }
            // Event names come from the server: at most 32 histories, each its own command.
            let events = monitor.latest.prefix(32).map(\.name)
            if !events.isEmpty {
                let histories = try link.pipeline(events.map { ["LATENCY", "HISTORY", $0] }, deadline: deadline)
                for (event, reply) in zip(events, histories) {
                    if let message = reply.errorMessage { monitor.refusals.append("LATENCY HISTORY \(event): \(message)") }
                    else { monitor.history.append((event, LatencyMonitor.historyPoints(reply))) }
                }
            }
        } catch {
            monitor.refusals.append("the latency monitor could not be read: " + error.message(target: target.description))
        }
        report.monitor = monitor
    }
}
