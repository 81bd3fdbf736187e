import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// Acquire, evaluate, present: the three steps never leak into each other, and the
/// exit code is the report's status, derived from the results.
struct CheckRunner {
    var request: CheckRequest
    let stopwatch = RunStopwatch()

    static let defaultTimeout = 10.0

    func run() -> Int32 {
        if request.cluster { return ClusterCheckRunner(request: request, stopwatch: stopwatch).run() }
        if request.sentinel { return SentinelCheckRunner(request: request, stopwatch: stopwatch).run() }
        var (report, saveState) = makeReport()
        report.timing = stopwatch.timing()
        let text = render(report)
        Terminal.out(text.hasSuffix("\n") ? text : text + "\n")
        // The verdict is out: from here on the watchdog only ends the process with it,
        // so a state file on a slow disk or a held lock cannot replace it with UNKNOWN.
        Watchdog.settle(exitCode: report.exitCode)
        saveState?()
        return report.exitCode
    }

    func render(_ report: CheckReport) -> String {
        request.runbook ? RunbookRenderer().render(report) : request.format.render(report)
    }

    /// The target as a report names it, before anything could be resolved.
    private var targetText: String {
        request.fromSnapshot ?? request.fromFile ?? (try? request.connection.spec.resolve())?.description ?? "-"
    }

    private func usage(_ message: String) -> CheckReport {
        CheckReport(target: targetText, error: CheckError(kind: .usage, message: message))
    }

    /// The report, and the state-file write to do once it is printed.
    private func makeReport() -> (CheckReport, (() -> Void)?) {
        let timeout: Double
        do throws(UsageError) {
            timeout = try request.connection.validatedTimeout(default: Self.defaultTimeout)
        } catch {
            return (usage(error.message), nil)
        }
        startWatchdog(timeout: timeout)
        let settings: RuleSettings
        do throws(UsageError) {
            settings = try request.ruleSettings()
        } catch {
            return (usage(error.message), nil)
        }
        let forecast = ExpireStormRule.forecastRequested(settings)
        let source: SampleSource
        do throws(UsageError) {
            source = try makeSource(forecast: forecast)
        } catch {
            return (usage(error.message), nil)
        }
        let target = source.targetText
        // Checked before the server is asked anything: a bad --prev-perfdata is a usage error.
        let fromPerfdata: Snapshot?
        do throws(PerfdataSample.Failure) {
            fromPerfdata = try request.givenPrevPerfdata.map { (text) throws(PerfdataSample.Failure) in
                try PerfdataSample.snapshot(text, takenAt: request.prevTime ?? .nan, target: target)
            }
        } catch {
            return (usage(error.description), nil)
        }
        let samples: SampleSource.Samples
        do throws(CheckError) {
            samples = try source.acquire()
        } catch {
            var report = CheckReport(target: target, error: error)
            report.diagnoses = source.diagnoseTimeout(error)
            return (report, nil)
        }
        let state = request.stateFile.map { StateFile(path: $0) }
        let previous = samples.earlier ?? fromPerfdata ?? state?.previous(for: samples.current.target)
        let report = CheckReport.evaluate(current: samples.current, info: samples.currentInfo, previous: previous,
                                          settings: settings, origin: source.origin)
        guard report.error == nil, let state else { return (report, nil) }
        let fromState = samples.earlier == nil ? previous : nil
        let minimum = settings.minimumSampleInterval()
        return (report, { state.record(forecast ? samples.current.withoutExpirySample : samples.current, for: samples.current.target, previous: fromState, minimumInterval: minimum) })
    }

    private func startWatchdog(timeout: Double) {
        let target = targetText
        Watchdog.boundCheck(timeout: timeout, target: target, stopwatch: stopwatch) { error, timing in
            let report = CheckReport(target: target, error: error, timing: timing)
            return (render(report), report.exitCode)
        }
    }

    private func makeSource(forecast: Bool) throws(UsageError) -> SampleSource {
        if request.givenPrevPerfdata != nil, request.prevTime == nil {
            throw UsageError(message: "--prev-perfdata and --prev-time go together (the previous run's perfdata and its time)")
        }
        if request.givenPrevPerfdata != nil, let other = request.interval != nil ? "--interval" : request.stateFile != nil ? "--state-file" : nil {
            throw UsageError(message: "--prev-perfdata and \(other) both give a previous sample: use one")
        }
        if !request.seeds.isEmpty || request.concurrency != nil {
            throw UsageError(message: "\(request.seeds.isEmpty ? "--concurrency" : "--seed") applies to --cluster and --sentinel only")
        }
        if let other = request.master != nil ? "--master" : request.sentinelUser != nil ? "--sentinel-user"
            : request.sentinelPassFile != nil ? "--sentinel-pass-file" : request.follow ? "--follow" : nil {
            throw UsageError(message: "\(other) applies to --sentinel only")
        }
        if let text = request.takenAt, request.fromFile == nil {
            throw UsageError(message: "--taken-at \(text): only with --from-file (a live server and a snapshot carry their own time)")
        }
        if let fromFile = request.fromFile {
            let takenAt = try request.takenAt.map { (text) throws(UsageError) in
                guard let seconds = TimestampText.parse(text) else {
                    throw UsageError(message: "--taken-at \(text): expected seconds since the epoch or ISO 8601 with a zone (2025-11-22T08:26:40Z)")
                }
                return seconds
            }
            return .infoFile(fromFile, takenAt: takenAt)
        }
        if let fromSnapshot = request.fromSnapshot { return .snapshotFile(fromSnapshot) }
        let session = try SessionSetup(request.connection, defaultTimeout: Self.defaultTimeout)
        if let interval = request.interval {
            guard interval.isFinite, interval > 0, interval <= session.timeout - 0.5 else {
                throw UsageError(message: "--interval must be above 0 and at least 0.5 s shorter than --timeout (\(HumanFormat.number(session.timeout)) s), got \(interval)")
            }
        }
        guard request.clientListLimit >= 0 else {
            throw UsageError(message: "--client-list-limit must be zero or more, got \(request.clientListLimit)")
        }
        return .live(session, SnapshotCollector(clientListLimit: request.clientListLimit), HostCollector(mode: request.hostChecks),
                     interval: request.interval, forecast: forecast)
    }
}
