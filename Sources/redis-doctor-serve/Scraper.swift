import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// One scrape's work, on a worker thread: reach the target as its module says, take what a
/// `check` takes (the same read-only commands), judge it, render the page. Acquire,
/// evaluate and present stay apart here as in the CLI.
struct Scraper: Sendable {
    var query: ScrapeQuery
    var module: ServeModule
    var settings: RuleSettings
    var previous: PreviousSamples.Sample?
    /// Where announced nodes (cluster nodes, sentinel peers, the master) may be visited.
    var allow: TargetAllowList

    /// What a scrape produced: the page, whether it saw the target, and the next previous sample.
    struct Outcome: Sendable {
        /// The HTTP status: 200 for a page, whatever the target said.
        var status = 200
        var body: String
        var contentType: String
        /// `redis_doctor_up`: whether the check completed without a check-level error.
        var up: Bool
        var sample: PreviousSamples.Sample?
        var takenAt: Double
    }

    static let prometheusType = "text/plain; version=0.0.4; charset=utf-8"
    static let textType = "text/plain; charset=utf-8"

    func run(deadline: Deadline, canceller: Canceller) -> Outcome {
        let started = WallClock.nowMicros()
        let options = ConnectionOptions(maxReplyBytes: module.maxReplyBytes ?? ConnectionOptions.defaultMaxReplyBytes)
        let target: ConnectionTarget
        do throws(CheckError) {
            target = try dataTarget()
        } catch {
            return page(CheckReport(target: query.address, error: error), started: started, sample: nil)
        }
        switch query.mode {
        case .node:
            return node(target, options: options, deadline: deadline, canceller: canceller, started: started)
        case .cluster:
            let collector = ClusterCollector(collector: SnapshotCollector(clientListLimit: clientListLimit), reach: reach(canceller))
            do throws(CheckError) {
                let state = try collector.state(seeds: [target], deadline: deadline, options: options)
                return page(TopologyReport.evaluate(state, settings: settings), started: started)
            } catch {
                return page(TopologyReport(name: "cluster via \(query.address)", error: error), started: started)
            }
        case .sentinel:
            let master = query.master ?? ""
            do throws(CheckError) {
                var sentinel = target
                sentinel.user = module.sentinelUser
                sentinel.password = try Self.password(env: module.sentinelPasswordEnv, file: module.sentinelPasswordFile, what: "sentinel_password")
                var state = try SentinelCollector(masterName: master, reach: reach(canceller))
                    .state(sentinels: [sentinel], dataTarget: target, deadline: deadline, options: options)
                if case .sentinel(let earlier) = previous { state.previous = earlier }
                let sample = SentinelSample(masterAddress: state.agreedMasterAddress, configEpoch: state.configEpoch,
                                            takenAt: Double(started) / 1e6, source: "the previous scrape")
                return page(TopologyReport.evaluate(state, settings: settings), started: started, sample: .sentinel(sample))
            } catch {
                return page(TopologyReport(name: "sentinel master \(master) via \(query.address)", error: error,
                                           kind: .sentinel(master: master, address: nil)), started: started)
            }
        }
    }

    /// The allow list and the flight's canceller, for the collectors that follow announcements.
    func reach(_ canceller: Canceller) -> Reach {
        let allow = self.allow
        return Reach(allows: { allow.allows($0) }, canceller: canceller)
    }

    private var clientListLimit: Int { module.clientListLimit ?? SnapshotCollector.defaultClientListLimit }

    private func node(_ target: ConnectionTarget, options: ConnectionOptions, deadline: Deadline, canceller: Canceller, started: Int64) -> Outcome {
        do throws(ConnectionError) {
            let link = try Connection.open(target, deadline: deadline, options: options, canceller: canceller)
            defer { link.close() }
            link.limitAllReplies(to: options.maxReplyBytes)
            let sample = try SnapshotCollector(clientListLimit: clientListLimit).sample(link, deadline: deadline)
            var earlier: Snapshot?
            if case .node(let snapshot) = previous { earlier = snapshot }
            let report = CheckReport.evaluate(current: sample.snapshot, info: sample.info, previous: earlier, settings: settings)
            return page(report, started: started, sample: report.error == nil ? .node(sample.snapshot) : nil, snapshot: sample.snapshot)
        } catch {
            return page(CheckReport(target: query.address, error: error.checkError(target: query.address)), started: started, sample: nil)
        }
    }

    /// The target as the module reaches it; `rediss://` asks for TLS whatever the module says.
    func dataTarget() throws(CheckError) -> ConnectionTarget {
        var target = ConnectionTarget(endpoint: .tcp(host: query.host, port: query.port), user: module.user, tls: module.tls)
        if query.tls && target.tls == nil { target.tls = TLSSettings() }
        target.password = try Self.password(env: module.passwordEnv, file: module.passwordFile, what: "password")
        return target
    }

    /// A module's password from its environment variable or its file (first line). Never
    /// in a message: only where it should have come from.
    static func password(env: String?, file: String?, what: String) throws(CheckError) -> String? {
        if let env {
            guard let value = getenv(env) else {
                throw CheckError(kind: .local, message: "\(what)_env: the environment variable \(env) is not set")
            }
            return String(cString: value)
        }
        guard let file else { return nil }
        let fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw CheckError(kind: .local, message: "\(what)_file \(file): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { throw CheckError(kind: .local, message: "\(what)_file \(file): empty or unreadable") }
        let line = buffer[..<count].prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        return String(decoding: line, as: UTF8.self)
    }

    private func page(_ report: CheckReport, started: Int64, sample: PreviousSamples.Sample?, snapshot: Snapshot? = nil) -> Outcome {
        var report = report
        report.timing = Self.timing(started)
        guard query.debug else {
            return Outcome(body: PrometheusRenderer(targetLabel: false).render(report), contentType: Self.prometheusType,
                           up: report.error == nil, sample: sample, takenAt: Double(started) / 1e6)
        }
        var text = TextRenderer().render(report) + "\n"
        if let snapshot { text += "\n" + Self.timeline(snapshot) }
        return Outcome(body: text, contentType: Self.textType, up: report.error == nil, sample: sample, takenAt: Double(started) / 1e6)
    }

    private func page(_ report: TopologyReport, started: Int64, sample: PreviousSamples.Sample? = nil) -> Outcome {
        var report = report
        report.timing = Self.timing(started)
        let body = query.debug ? TextRenderer().render(report) + "\n" : PrometheusRenderer(targetLabel: false).render(report)
        return Outcome(body: body, contentType: query.debug ? Self.textType : Self.prometheusType, up: report.error == nil,
                       sample: sample, takenAt: Double(started) / 1e6)
    }

    static func timing(_ started: Int64) -> RunTiming {
        let now = WallClock.nowMicros()
        return RunTiming(finishedAt: Double(now) / 1e6, duration: Double(now - started) / 1e6)
    }

    /// `&debug=1`: every command sent, its round trip and the size of its reply.
    static func timeline(_ snapshot: Snapshot) -> String {
        var lines = ["commands (\(snapshot.exchanges.count) sent):"]
        for exchange in snapshot.exchanges {
            let elapsed = exchange.elapsedMicros.map { " \(HumanFormat.fixed(Double($0) / 1000, 2)) ms" } ?? ""
            let reply: String
            switch exchange.reply {
            case .error(let message): reply = "error: " + OutputText.oneLine(message)
            case .bulk(let bytes): reply = "\(bytes.count) bytes"
            case .array(let items): reply = "\(items.count) items"
            case .integer(let value): reply = "integer \(value)"
            case .status(let text): reply = OutputText.oneLine(text)
            case .null: reply = "nil"
            }
            lines.append("  " + exchange.command.joined(separator: " ") + elapsed + ": " + reply)
        }
        for skipped in snapshot.skipped {
            lines.append("  " + skipped.command.joined(separator: " ") + ": not sent, " + skipped.reason)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
