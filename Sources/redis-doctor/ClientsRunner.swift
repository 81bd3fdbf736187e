import RedisDoctorClient
import RedisDoctorCore

/// Reads CLIENT LIST (live or from a snapshot), groups it in Core, prints the table;
/// with --kill --yes it is the one path in redis-doctor that closes connections.
struct ClientsRunner {
    var connection: ConnectionSettings
    var idle: Int
    var grouping: ClientGrouping
    var format: ReportFormat
    var kill: Bool
    var confirmed: Bool
    var fromSnapshot: String?

    func run() -> ExitStatus {
        let timeout: Double
        do throws(UsageError) {
            timeout = try connection.validatedTimeout(default: SendRunner.defaultTimeout)
        } catch {
            Terminal.error(error.message)
            return .usage
        }
        Watchdog.bound(timeout: timeout, doing: "clients")
        guard idle >= 0 else {
            Terminal.error("--idle must be zero or more seconds, got \(idle)")
            return .usage
        }
        guard !confirmed || kill else {
            Terminal.error("--yes only confirms --kill")
            return .usage
        }
        if let fromSnapshot {
            guard !(kill && confirmed) else {
                Terminal.error("--kill --yes needs a live server, not a snapshot")
                return .usage
            }
            return analyseSnapshot(fromSnapshot)
        }
        guard let session = SessionSetup.make(connection, defaultTimeout: SendRunner.defaultTimeout) else { return .usage }
        do throws(ConnectionError) {
            let link = try Connection.open(session.target, deadline: session.deadline, options: session.options)
            let reply = try link.send(["CLIENT", "LIST"], deadline: session.deadline)
            if let message = reply.errorMessage {
                Terminal.error("CLIENT LIST refused: \(message)")
                return .errorReply
            }
            let analysis = present(ClientList.parse(reply.bytes ?? []), ownAddresses: link.localAddresses)
            if kill && confirmed { return execute(ClientGroupsTable.killCommands(for: analysis.groups), on: link, deadline: session.deadline) }
            return .ok
        } catch {
            return SessionSetup.report(error, target: session.target)
        }
    }

    private func analyseSnapshot(_ path: String) -> ExitStatus {
        do {
            let snapshot = try SnapshotFile.decode(try FileIO.read(path))
            guard let clients = ParsedSnapshot(snapshot).clients else {
                Terminal.error("\(path) holds no CLIENT LIST reply")
                return .usage
            }
            _ = present(clients)
            return .ok
        } catch {
            Terminal.error("cannot read snapshot \(path): \(error)")
            return .usage
        }
    }

    private func present(_ clients: [ClientEntry], ownAddresses: [String] = []) -> ClientGroups {
        var options = ClientGroupOptions(grouping: grouping, idleThresholdSeconds: idle)
        options.ownAddresses = ownAddresses
        let analysis = ClientGroups(clients, options: options)
        switch format {
        case .text: Terminal.out(ClientGroupsTable.render(groups: analysis.groups, summary: analysis.summary))
        case .json: Terminal.out(ClientGroupsTable.json(groups: analysis.groups, summary: analysis.summary) + "\n")
        }
        if kill {
            let commands = ClientGroupsTable.killCommands(for: analysis.groups)
            let note = confirmed ? "Closing" : "Would close (add --yes to run these)"
            Terminal.write(Array(("\n# \(note): \(commands.count) stale connection(s)\n" + commands.map { $0 + "\n" }.joined()).utf8), to: confirmed ? 2 : 1)
        }
        return analysis
    }

    private func execute(_ commands: [String], on link: Connection, deadline: Deadline) -> ExitStatus {
        var failures = 0
        for command in commands {
            let argv = command.split(separator: " ").map(String.init)
            do throws(ConnectionError) {
                let reply = try link.send(argv, deadline: deadline)
                if let message = reply.errorMessage {
                    failures += 1
                    Terminal.error("\(command): \(message)")
                }
            } catch {
                return SessionSetup.report(error, target: link.target)
            }
        }
        Terminal.error("closed \(commands.count - failures) of \(commands.count) stale connection(s)")
        return failures == 0 ? .ok : .errorReply
    }
}
