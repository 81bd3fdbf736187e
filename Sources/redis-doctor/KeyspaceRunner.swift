import RedisDoctorClient
import RedisDoctorCore

/// What `keyspace` was asked for.
struct KeyspaceRequest {
    var connection: ConnectionSettings
    var budget: Double
    var rate: Double
    var top: Int
    var cursor: String
    var ttl: Bool
    var format: ReportFormat
    var storm: (share: Double, keys: Double) = (StormThreshold.defaultShare, StormThreshold.defaultMinimumKeys)
    var big: (bytes: Int64, elements: Int64) = (KeyspaceReport.defaultBigBytes, KeyspaceReport.defaultBigElements)
}

/// `keyspace`: checks the options, scans (Client), prints the report (Core). The exit code
/// is the report's verdict; a server that cannot be reached is 2, as everywhere.
struct KeyspaceRunner {
    var request: KeyspaceRequest

    static let defaultTimeout = 2.0

    func validate() throws(UsageError) {
        func check(_ ok: Bool, _ message: String) throws(UsageError) { if !ok { throw UsageError(message: message) } }
        try check(request.budget.isFinite && request.budget > 0 && request.budget <= ConnectionSettings.maximumTimeout,
                  "--budget must be above 0 and at most 86400 seconds, got \(request.budget)")
        try check(request.rate.isFinite && request.rate >= 0 && request.rate <= 10_000_000,
                  "--rate must be 0 (uncapped) or a number of commands per second up to 10000000, got \(request.rate)")
        try check(request.top >= 1 && request.top <= 1000, "--top must be from 1 to 1000, got \(request.top)")
        try check(KeyspaceReport.isCursor(request.cursor),
                  "--cursor must be the decimal SCAN cursor a previous run printed, got \(OutputText.oneLine(request.cursor))")
        try check(request.storm.share.isFinite && request.storm.share > 0 && request.storm.share <= 100, "--storm-share must be a percent above 0 and at most 100, got \(request.storm.share)")
        try check(request.storm.keys.isFinite && request.storm.keys >= 0, "--storm-keys must be zero or more, got \(request.storm.keys)")
        try check(request.big.bytes > 0 && request.big.elements > 0, "--big-bytes and --big-elements must be above 0")
    }

    func run() -> ExitStatus {
        do throws(UsageError) {
            try validate()
        } catch {
            Terminal.error(error.message)
            return .usage
        }
        guard let session = SessionSetup.make(request.connection, defaultTimeout: Self.defaultTimeout) else { return .usage }
        // Connect, the budget, and one round trip cut short at its end.
        Watchdog.bound(timeout: request.budget + 2 * session.timeout, doing: "keyspace")
        let canceller = Canceller()
        InterruptSignal.install(writingTo: canceller.writeFD)
        var report = KeyspaceReport(target: session.target.description, budget: request.budget, rate: request.rate, top: request.top,
                                    cursor: request.cursor, bigBytes: request.big.bytes, bigElements: request.big.elements)
        report.stormThreshold = StormThreshold(share: request.storm.share, minimumKeys: request.storm.keys)
        let link: Connection
        do throws(ConnectionError) {
            link = try Connection.open(session.target, deadline: session.deadline, options: session.options, canceller: canceller)
        } catch {
            return SessionSetup.reportVerdict(error, target: session.target)
        }
        KeyspaceScanner(target: session.target, timeout: session.timeout, canceller: canceller, ttl: request.ttl).scan(&report, over: link)
        Terminal.out(request.format == .json ? report.json() : report.text())
        return ExitStatus(rawValue: report.verdict.status.nagiosExitCode) ?? .usage
    }
}
