import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// Acquire, evaluate, present: the three steps never leak into each other, and the
/// exit code is the report's status, derived from the results.
struct CheckRunner {
    var request: CheckRequest

    static let defaultTimeout = 10.0

    func run() -> Int32 {
        let report = makeReport()
        let text = render(report)
        Terminal.out(text.hasSuffix("\n") ? text : text + "\n")
        return report.exitCode
    }

    func render(_ report: CheckReport) -> String {
        switch request.format {
        case .nagios: return NagiosRenderer().render(report)
        case .json: return JSONRenderer().render(report)
        case .prometheus: return PrometheusRenderer().render(report)
        case .text: return TextRenderer(color: Terminal.stdoutIsTTY && Terminal.environment("NO_COLOR") == nil).render(report)
        }
    }

    private func usage(_ message: String, target: String = "-") -> CheckReport {
        CheckReport(target: target, error: CheckError(kind: .usage, message: message))
    }

    private func makeReport() -> CheckReport {
        startWatchdog()
        let settings: RuleSettings
        do {
            let configText = try request.configPath.map { (path) throws(FileIO.Failure) in String(decoding: try FileIO.read(path), as: UTF8.self) }
            settings = try RuleSettings(configText: configText, configName: request.configPath ?? "config", arguments: request.rules)
            try settings.validate(against: RuleRegistry.descriptions)
        } catch {
            return usage("\(error)")
        }
        guard let source = makeSource() else { return usage("invalid connection options (see the message above)") }
        let target = source.targetText
        let samples: SampleSource.Samples
        switch source.acquire() {
        case .success(let s): samples = s
        case .failure(let error): return CheckReport(target: target, error: error)
        }
        let state = request.stateFile.map { StateFile(path: $0) }
        let previous = samples.earlier ?? state?.previous(for: samples.current.target)
        let report = CheckReport.evaluate(current: samples.current, info: samples.currentInfo, previous: previous, settings: settings)
        state?.record(samples.current, for: samples.current.target)
        return report
    }

    /// Bounds the whole run before anything can block: every wait on the server has its
    /// deadline, and this covers the rest (a config file on a hung NFS mount, a FIFO as the
    /// state file, a bug). Its report is rendered now, in the requested format, for stdout:
    /// that is what Nagios, cron and the textfile collector read.
    private func startWatchdog() {
        let timeout = request.connection.timeout ?? Self.defaultTimeout
        guard timeout > 0, timeout <= 86_400 else { return }  // a bad --timeout is reported as a usage error
        let target = request.fromSnapshot ?? request.fromFile ?? (try? request.connection.spec.resolve())?.description ?? "-"
        let stuck = CheckReport(target: target, error: CheckError(
            kind: .internalError,
            message: "redis-doctor exceeded its timeout of \(HumanFormat.number(timeout)) s and stopped itself: something outside the server wait (a disk, the state file) did not return"))
        let text = render(stuck)
        Watchdog.start(seconds: timeout + 0.25, message: text.hasSuffix("\n") ? text : text + "\n", exitCode: stuck.exitCode)
    }

    private func makeSource() -> SampleSource? {
        if let fromSnapshot = request.fromSnapshot { return .snapshotFile(fromSnapshot) }
        if let fromFile = request.fromFile { return .infoFile(fromFile) }
        guard let session = SessionSetup(request.connection, defaultTimeout: Self.defaultTimeout) else { return nil }
        if let interval = request.interval {
            guard interval > 0, interval < session.timeout - 0.5 else {
                Terminal.error("--interval must be above 0 and at least 0.5 s shorter than --timeout (\(HumanFormat.number(session.timeout)) s)")
                return nil
            }
        }
        return .live(session, SnapshotCollector(clientListLimit: request.clientListLimit), interval: request.interval)
    }
}
