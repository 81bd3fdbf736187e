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

    private func failed(_ error: CheckError) -> ClusterReport {
        ClusterReport(name: name, error: error)
    }

    private func makeReport() -> ClusterReport {
        let session: SessionSetup
        let settings: RuleSettings
        let seeds: [ConnectionTarget]
        do throws(UsageError) {
            try refuseSingleNodeOptions()
            session = try SessionSetup(request.connection, defaultTimeout: CheckRunner.defaultTimeout)
            startWatchdog(timeout: session.timeout)
            settings = try request.ruleSettings()
            seeds = try [session.target] + request.seeds.map { (text) throws(UsageError) in try Self.seed(text, like: session.target) }
            guard case .tcp = session.target.endpoint else {
                throw UsageError(message: "--cluster needs a host and port to start from (-h/-p or -u), not a unix socket: nodes announce TCP addresses")
            }
            guard request.concurrency >= 1 else { throw UsageError(message: "--concurrency must be 1 or more, got \(request.concurrency)") }
            guard request.clientListLimit >= 0 else {
                throw UsageError(message: "--client-list-limit must be zero or more, got \(request.clientListLimit)")
            }
        } catch {
            return failed(CheckError(kind: .usage, message: error.message))
        }
        let collector = ClusterCollector(collector: SnapshotCollector(clientListLimit: request.clientListLimit), concurrency: request.concurrency)
        let outcome: ClusterCollector.Outcome
        do throws(CheckError) {
            outcome = try collector.collect(seeds: seeds, deadline: session.deadline, options: session.options)
        } catch {
            return failed(error)
        }
        let views = outcome.visits.map { visit in
            ClusterView(address: visit.address, nodeID: visit.nodeID,
                        snapshot: visit.snapshot.map { ParsedSnapshot($0, info: visit.info) }, failure: visit.failure)
        }
        let state = ClusterState(seed: outcome.seed, seedFailures: outcome.seedFailures, views: views)
        return ClusterReport.evaluate(state, settings: settings)
    }

    /// Options that judge one server over time do not apply to a cluster run yet: said, not ignored.
    private func refuseSingleNodeOptions() throws(UsageError) {
        let given = [("--from-file", request.fromFile != nil), ("--from-snapshot", request.fromSnapshot != nil),
                     ("--interval", request.interval != nil), ("--state-file", request.stateFile != nil)].filter(\.1).map(\.0)
        if let first = given.first { throw UsageError(message: "\(first) does not apply to --cluster (each node is sampled once)") }
    }

    /// `host:port` or `[v6]:port`, with the connection target's credentials and TLS.
    static func seed(_ text: String, like base: ConnectionTarget) throws(UsageError) -> ConnectionTarget {
        var host = Substring(text)
        var portText: Substring = ""
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            portText = host[host.index(after: close)...].drop { $0 == ":" }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        guard !host.isEmpty, let port = Int(portText), (1...65535).contains(port) else {
            throw UsageError(message: "--seed \(text): expected HOST:PORT ([::1]:7000 for IPv6)")
        }
        var target = base
        target.endpoint = .tcp(host: String(host), port: port)
        return target
    }

    /// Bounds the whole run as a plain check does: a report in the requested format when
    /// something outside the server waits did not return, or a wait outlived the deadline.
    private func startWatchdog(timeout: Double) {
        let timing = stopwatch.timing(endingAfter: timeout + 0.25)
        var stuck = failed(CheckError(kind: .internalError, message: "redis-doctor exceeded its timeout of \(HumanFormat.number(timeout)) s and stopped itself: something outside the server wait (a disk, a local file) did not return"))
        stuck.timing = timing
        var serverStuck = failed(.timeout(stage: Watchdog.stagePlaceholder, seconds: timeout, target: name))
        serverStuck.timing = timing
        let text = request.format.render(stuck)
        let serverText = request.format.render(serverStuck)
        Watchdog.start(seconds: timeout + 0.25, message: text.hasSuffix("\n") ? text : text + "\n", exitCode: stuck.exitCode,
                       serverText: serverText.hasSuffix("\n") ? serverText : serverText + "\n", serverExitCode: serverStuck.exitCode)
    }
}
