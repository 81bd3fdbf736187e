import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// The ':' commands: health check, live view, field explanations, snapshots, switching servers.
final class MetaCommandRunner {
    let session: ReplSession
    /// The previous :check sample, so rules that compare two samples have a baseline.
    private var lastCheck: Snapshot?

    init(session: ReplSession) {
        self.session = session
    }

    /// Returns false when the server could not be reached.
    func run(_ command: ReplMetaCommand) -> Bool {
        switch command {
        case .help:
            Terminal.out(ReplMetaCommand.helpText)
            return true
        case .connect(let host, let port):
            session.switchTarget(host: host, port: port)
            return connect()
        case .connectURI(let uri):
            do throws(TargetError) {
                var target = try ConnectionTarget.parse(uri: uri)
                // A rediss:// URI keeps this session's --cacert and --cert; --sni named the old host.
                if target.tls != nil, var current = session.target.tls {
                    current.serverName = nil
                    target.tls = current
                }
                session.switchTarget(to: target)
            } catch {
                Terminal.out(Style.error(error.message) + "\n")
                return false
            }
            return connect()
        case .explain(let field):
            var info: Info?
            if session.isConnected || session.serverRun != nil,
               let reply = try? session.execute([Array("INFO".utf8), Array("everything".utf8)]), let bytes = reply.reply.bytes {
                info = Info(parsing: bytes)
            }
            Terminal.out(FieldExplanation.render(field, info: info))
            return true
        case .check, .diagnose:
            guard let snapshot = collect(clientListLimit: SnapshotCollector.defaultClientListLimit) else { return false }
            let report = CheckReport.evaluate(current: snapshot, previous: lastCheck)
            lastCheck = snapshot
            let text = command == .diagnose ? RunbookRenderer().render(report) : TextRenderer(color: Style.enabled).render(report)
            Pager.show(Array((text + "\n").utf8))
            return true
        case .clients(let idle):
            let reply: RedisReply
            do throws(ConnectionError) {
                reply = try session.execute([Array("CLIENT".utf8), Array("LIST".utf8)]).reply
            } catch {
                report(error)
                return false
            }
            guard let bytes = reply.bytes else {
                Terminal.out(Style.error("CLIENT LIST refused: \(OutputText.oneLine(reply.errorMessage ?? "no reply"))") + "\n")
                return true
            }
            var options = ClientGroupOptions(idleThresholdSeconds: idle)
            options.ownAddresses = session.connection?.localAddresses ?? []
            let analysis = ClientGroups(ClientList.parse(bytes), options: options)
            Pager.show(Array(ClientGroupsTable.render(groups: analysis.groups, summary: analysis.summary).utf8))
            return true
        case .snapshot(let path):
            guard let snapshot = collect(clientListLimit: SnapshotCollector.defaultClientListLimit) else { return false }
            let bytes = SnapshotFile.encode(snapshot)
            do throws(FileIO.Failure) {
                try FileIO.writeAtomically(bytes, to: path)
                Terminal.out(Style.notice("snapshot written to \(path) (\(bytes.count) bytes, \(snapshot.exchanges.count) replies); evaluate it with: redis-doctor check --from-snapshot \(path)") + "\n")
            } catch {
                Terminal.out(Style.error("cannot write snapshot: \(error)") + "\n")
            }
            return true
        case .watch(let seconds):
            watch(every: seconds)
            return true
        case .cluster:
            return showCluster()
        }
    }

    /// The `cluster` table from this session's node, under the session's timeout.
    private func showCluster() -> Bool {
        let cluster: ClusterSession
        do throws(UsageError) {
            cluster = try ClusterSession(target: session.target, seedTexts: [], concurrency: FanOut.defaultConcurrency)
        } catch {
            Terminal.out(Style.error(error.message) + "\n")
            return true
        }
        do throws(CheckError) {
            // No CLIENT LIST: the table does not use it.
            let state = try cluster.collect(deadline: Deadline(seconds: session.timeout), options: session.options, clientListLimit: 0)
            Pager.show(Array((ClusterTable(state).render() + "\n").utf8))
            return true
        } catch {
            Terminal.out(Style.error(error.message) + "\n")
            return false
        }
    }

    /// Connects now, for :connect; prints the outcome.
    func connect() -> Bool {
        do throws(ConnectionError) {
            _ = try session.ensureConnected()
            let version = session.serverRun?.version.map { " (Redis \(OutputText.oneLine($0)))" } ?? ""
            Terminal.out(Style.notice("connected to \(session.target.address)\(version)") + "\n")
            return true
        } catch {
            Terminal.out(Style.error("not connected: " + ConnectionAdvice.explain(error, target: session.target, timeout: session.timeout)) + "\n")
            return false
        }
    }

    /// One SnapshotCollector pass under the session's deadline; Ctrl-C cancels it.
    /// `readHost`: read the server's host too (`:check`, `:snapshot`), not on every `:watch` tick.
    private func collect(clientListLimit: Int, readHost: Bool = true) -> Snapshot? {
        do throws(ConnectionError) {
            return try sample(clientListLimit: clientListLimit, readHost: readHost)
        } catch {
            report(error)
            return nil
        }
    }

    /// The pass itself; a failure drops the connection (the next command reconnects).
    private func sample(clientListLimit: Int, readHost: Bool) throws(ConnectionError) -> Snapshot {
        let link = try session.ensureConnected()
        session.canceller.reset()
        do throws(ConnectionError) {
            let deadline = Deadline(seconds: session.timeout)
            let sample = try SnapshotCollector(clientListLimit: clientListLimit).sample(link, deadline: deadline)
            // The host rules judge a server on this host, as `check` does by default.
            var snapshot = readHost ? HostCollector(mode: .auto).adding(to: sample, target: session.target, deadline: deadline) : sample.snapshot
            snapshot.target = session.target.description
            return snapshot
        } catch {
            session.drop()
            throw error
        }
    }

    private func report(_ error: ConnectionError) {
        let text: String
        if case .cancelled = error { text = "cancelled; the connection was dropped and the next command reconnects" }
        else { text = ConnectionAdvice.explain(error, target: session.target, timeout: session.timeout) }
        Terminal.out(Style.error(text) + "\n")
    }

    /// The live view, on `watch`'s code: redrawn on a terminal, a line per tick otherwise;
    /// five ticks in a row without an answer end it, so the next line of the session runs.
    /// CLIENT LIST is capped low: a refresh must stay cheap for a server in trouble.
    private func watch(every seconds: Double) {
        let loop = WatchLoop(target: session.target.description, interval: seconds, count: nil,
                             mode: Pager.terminalRows != nil ? .screen : .lines, canceller: session.canceller,
                             maxFailuresInARow: 5)
        _ = loop.run(sample: { () throws(ConnectionError) -> Snapshot in try sample(clientListLimit: 1000, readHost: false) },
                     describe: { ConnectionAdvice.explain($0, target: session.target, timeout: session.timeout) })
    }
}
