import RedisDoctorClient
import RedisDoctorCore

/// `watch`: one connection kept across ticks and reopened after a failed one; each tick's
/// sample and the loop are WatchLoop's, as in the REPL.
struct WatchRunner {
    var connection: ConnectionSettings
    var interval: Double
    var count: Int?
    var format: ReportFormat

    static let defaultTimeout = 2.0

    func run() -> ExitStatus {
        guard interval.isFinite, interval >= 0.1, interval <= ConnectionSettings.maximumTimeout else {
            Terminal.error("--interval must be at least 0.1 and at most 86400 seconds, got \(interval)")
            return .usage
        }
        if let count, count < 1 {
            Terminal.error("--count must be 1 or more, got \(count)")
            return .usage
        }
        guard let session = SessionSetup.make(connection, defaultTimeout: Self.defaultTimeout) else { return .usage }
        let timeout = session.timeout
        Watchdog.bound(timeout: timeout + interval, doing: "watch (one tick)")
        let canceller = Canceller()
        InterruptSignal.install(writingTo: canceller.writeFD)
        let mode: WatchLoop.Mode = format == .json ? .json : Terminal.stdoutIsTTY ? .screen : .lines
        let loop = WatchLoop(target: session.target.description, interval: interval, count: count, mode: mode, canceller: canceller,
                             armWatchdog: { Watchdog.rearm(seconds: timeout + $0 + 0.25) })
        var link: Connection?
        let collector = SnapshotCollector(clientListLimit: 1000)
        let status = loop.run(sample: { () throws(ConnectionError) -> Snapshot in
            let deadline = Deadline(seconds: timeout)
            do throws(ConnectionError) {
                let open: Connection
                if let link { open = link } else { open = try Connection.open(session.target, deadline: deadline, options: session.options, canceller: canceller) }
                link = open
                // A tick's replies together: a live view must stay small whatever a server sends.
                open.limitAllReplies(to: WatchLoop.tickReplyBudget)
                var snapshot = try collector.sample(open, deadline: deadline).snapshot
                snapshot.target = session.target.description
                return snapshot
            } catch {
                link?.close()
                link = nil
                throw error
            }
        }, describe: { $0.message(target: session.target.description) })
        return ExitStatus(rawValue: status?.nagiosExitCode ?? ExitStatus.unreachable.rawValue) ?? .usage
    }
}
