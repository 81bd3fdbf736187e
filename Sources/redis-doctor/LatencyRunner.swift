import RedisDoctorClient
import RedisDoctorCore

/// `latency`: checks the options, samples PINGs (Client), reads the latency monitor, prints
/// the report (Core). The exit code is the report's verdict.
struct LatencyRunner {
    var connection: ConnectionSettings
    var duration: Double
    var rate: Double
    var format: ReportFormat

    static let defaultTimeout = 2.0

    func run() -> ExitStatus {
        guard duration.isFinite, duration > 0, duration <= ConnectionSettings.maximumTimeout else {
            Terminal.error("--duration must be above 0 and at most 86400 seconds, got \(duration)")
            return .usage
        }
        guard rate.isFinite, rate >= 0, rate <= 1_000_000 else {
            Terminal.error("--rate must be 0 (uncapped) or a number of PINGs per second up to 1000000, got \(rate)")
            return .usage
        }
        guard let session = SessionSetup.make(connection, defaultTimeout: Self.defaultTimeout) else { return .usage }
        // Connect, the sampling, a reconnect's slack and the monitor's reads.
        Watchdog.bound(timeout: duration + 3 * session.timeout, doing: "latency")
        let canceller = Canceller()
        InterruptSignal.install(writingTo: canceller.writeFD)
        let sampler = LatencySampler(target: session.target, options: session.options, timeout: session.timeout, canceller: canceller)
        var report = LatencyReport(target: session.target.description, duration: duration, rate: rate, timeoutSeconds: session.timeout)
        let link: Connection
        do throws(ConnectionError) {
            link = try Connection.open(session.target, deadline: session.deadline, options: session.options, canceller: canceller)
        } catch {
            return SessionSetup.reportVerdict(error, target: session.target)
        }
        let open = sampler.sample(&report, over: link)
        sampler.readMonitor(&report, over: open)
        Terminal.out(format == .json ? report.json() : report.text())
        return ExitStatus(rawValue: report.verdict.status.nagiosExitCode) ?? .usage
    }
}
