import RedisDoctorClient
import RedisDoctorCore

/// `check --sentinel --master NAME`: acquire every sentinel's view (and with `--follow` the
/// data nodes' samples), evaluate the sentinel rules, present one report. The exit code is
/// the report's status.
struct SentinelCheckRunner {
    var request: CheckRequest
    let stopwatch: RunStopwatch

    func run() -> Int32 {
        var (report, saveState) = makeReport()
        report.timing = stopwatch.timing()
        let text = request.format.render(report)
        Terminal.out(text.hasSuffix("\n") ? text : text + "\n")
        Watchdog.settle(exitCode: report.exitCode)
        saveState?()
        return report.exitCode
    }

    /// The set as a report names it before any sentinel answered.
    private var name: String {
        "sentinel master \(request.master ?? "-") via " + ((try? request.connection.spec.resolve())?.description ?? "-")
    }

    private func failed(_ error: CheckError) -> TopologyReport {
        TopologyReport(name: name, error: error, kind: .sentinel(master: request.master ?? "-", address: nil))
    }

    private func makeReport() -> (TopologyReport, (() -> Void)?) {
        let session: SessionSetup
        let settings: RuleSettings
        let sentinel: SentinelSession
        let fromPerfdata: SentinelSample?
        do throws(UsageError) {
            try refuseOptions()
            session = try SessionSetup(request.connection, defaultTimeout: CheckRunner.defaultTimeout)
            startWatchdog(timeout: session.timeout)
            settings = try request.ruleSettings()
            sentinel = try SentinelSession(target: session.target, masterName: request.master, seedTexts: request.seeds,
                                           concurrency: request.concurrency ?? FanOut.defaultConcurrency,
                                           user: request.sentinelUser, passFile: request.sentinelPassFile)
            fromPerfdata = try previousFromPerfdata()
            if let interval = request.interval, !(interval.isFinite && interval > 0 && interval <= session.timeout - 0.5) {
                throw UsageError(message: "--interval must be above 0 and at least 0.5 s shorter than --timeout (\(HumanFormat.number(session.timeout)) s), got \(interval)")
            }
            guard request.clientListLimit >= 0 else {
                throw UsageError(message: "--client-list-limit must be zero or more, got \(request.clientListLimit)")
            }
        } catch {
            return (failed(CheckError(kind: .usage, message: error.message)), nil)
        }
        let stateFile = request.stateFile.map { StateFile(path: $0) }
        do throws(CheckError) {
            var previous = fromPerfdata
            if let interval = request.interval {
                let earlier = try sentinel.collect(deadline: session.deadline.capped(fraction: 0.3), options: session.options, probe: false)
                previous = SentinelSample(masterAddress: earlier.agreedMasterAddress, configEpoch: earlier.configEpoch, source: "--interval")
                // The second sample keeps at least 40% of what is left (and a second).
                let left = Double(session.deadline.remainingMilliseconds) / 1000
                Pause.sleep(seconds: max(0, min(interval, left - max(1, left * 0.4))))
            }
            let kept = stateFile?.previous(for: sentinel.name)
            if previous == nil, let kept {
                previous = SentinelSample(snapshot: kept, masterName: sentinel.masterName, source: "the state file")
            }
            var state = try sentinel.collect(deadline: session.deadline, options: session.options)
            state.previous = previous
            let followed = request.follow ? sentinel.follow(state, deadline: session.deadline, options: session.options, clientListLimit: request.clientListLimit) : []
            let report = TopologyReport.evaluate(state, followed: followed, settings: settings)
            guard let stateFile else { return (report, nil) }
            let sample = SentinelSample.snapshot(of: state, takenAtMicros: WallClock.nowMicros())
            return (report, { stateFile.record(sample, for: sentinel.name, previous: nil, minimumInterval: 0) })
        } catch {
            return (failed(error), nil)
        }
    }

    /// `--prev-perfdata` and `--prev-time`: the epoch the last run printed.
    private func previousFromPerfdata() throws(UsageError) -> SentinelSample? {
        guard let text = request.givenPrevPerfdata else { return nil }
        guard let time = request.prevTime else {
            throw UsageError(message: "--prev-perfdata and --prev-time go together (the previous run's perfdata and its time)")
        }
        do throws(PerfdataSample.Failure) {
            return SentinelSample(perfdata: try PerfdataSample.parse(text), takenAt: time)
        } catch {
            throw UsageError(message: error.description)
        }
    }

    /// Options that read one server's samples from elsewhere do not apply to a sentinel set.
    private func refuseOptions() throws(UsageError) {
        let given = [("--from-file", request.fromFile != nil), ("--from-snapshot", request.fromSnapshot != nil), ("--cluster", request.cluster),
                     ("--taken-at", request.takenAt != nil)]
            .filter(\.1).map(\.0)
        if let first = given.first { throw UsageError(message: "\(first) does not apply to --sentinel") }
        if request.givenPrevPerfdata != nil, let other = request.interval != nil ? "--interval" : request.stateFile != nil ? "--state-file" : nil {
            throw UsageError(message: "--prev-perfdata and \(other) both give a previous sample: use one")
        }
    }

    /// Bounds the whole run as a plain check does (`Watchdog.boundCheck`).
    private func startWatchdog(timeout: Double) {
        Watchdog.boundCheck(timeout: timeout, target: name, stopwatch: stopwatch) { error, timing in
            var report = failed(error)
            report.timing = timing
            return (request.format.render(report), report.exitCode)
        }
    }
}
