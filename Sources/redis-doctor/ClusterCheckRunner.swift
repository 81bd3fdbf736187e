import RedisDoctorClient
import RedisDoctorCore

/// `check --cluster`: acquire every node's view, evaluate the cluster rules and each node's
/// own, present one report. The exit code is the report's status.
struct ClusterCheckRunner {
    var request: CheckRequest
    let stopwatch: RunStopwatch

    func run() -> Int32 {
        var report = makeReport()
        report.timing = stopwatch.timing()
        let text = request.format.render(report)
        Terminal.out(text.hasSuffix("\n") ? text : text + "\n")
        Watchdog.settle(exitCode: report.exitCode)
        return report.exitCode
    }

    /// The cluster as a report names it before any seed answered.
    private var name: String {
        "cluster via " + ((try? request.connection.spec.resolve())?.description ?? "-")
    }

    private func failed(_ error: CheckError) -> TopologyReport {
        TopologyReport(name: name, error: error)
    }

    private func makeReport() -> TopologyReport {
        let session: SessionSetup
        let settings: RuleSettings
        let cluster: ClusterSession
        do throws(UsageError) {
            try refuseSingleNodeOptions()
            session = try SessionSetup(request.connection, defaultTimeout: CheckRunner.defaultTimeout)
            startWatchdog(timeout: session.timeout)
            settings = try request.ruleSettings()
            cluster = try ClusterSession(target: session.target, seedTexts: request.seeds, concurrency: request.concurrency ?? FanOut.defaultConcurrency)
            guard request.clientListLimit >= 0 else {
                throw UsageError(message: "--client-list-limit must be zero or more, got \(request.clientListLimit)")
            }
        } catch {
            return failed(CheckError(kind: .usage, message: error.message))
        }
        do throws(CheckError) {
            let state = try cluster.collect(deadline: session.deadline, options: session.options, clientListLimit: request.clientListLimit)
            return TopologyReport.evaluate(state, settings: settings)
        } catch {
            return failed(error)
        }
    }

    /// Options that judge one server over time do not apply to a cluster run yet: said, not ignored.
    private func refuseSingleNodeOptions() throws(UsageError) {
        let given = [("--from-file", request.fromFile != nil), ("--from-snapshot", request.fromSnapshot != nil),
                     ("--interval", request.interval != nil), ("--state-file", request.stateFile != nil),
                     ("--prev-perfdata", request.givenPrevPerfdata != nil), ("--sentinel", request.sentinel), ("--master", request.master != nil),
                     ("--follow", request.follow), ("--sentinel-user", request.sentinelUser != nil),
                     ("--sentinel-pass-file", request.sentinelPassFile != nil)].filter(\.1).map(\.0)
        if let first = given.first { throw UsageError(message: "\(first) does not apply to --cluster (each node is sampled once)") }
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
