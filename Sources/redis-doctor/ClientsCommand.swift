import ArgumentParser
import RedisDoctorCore

extension ClientGrouping: ExpressibleByArgument {}

struct ClientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "Group CLIENT LIST into per-process pools, worst first: the triage view of stale connections.",
        discussion: "Replication links, MONITOR, pub/sub, blocked clients and redis-doctor itself are left out of the idle counts. Exit codes: 0 shown, 2 unreachable, 3 usage. Connection options (-h -p -s -a --user -n -u -t) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor

    @Option(name: .long, help: ArgumentHelp("Connections idle at least this long count as stale.", valueName: "seconds"))
    var idle: Int = 3600

    @Option(name: .long, help: "Group by host+name (default), host, name, lib, user or cmd.")
    var by: ClientGrouping = .hostName

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Print the CLIENT KILL commands that would close the stale connections.")
    var kill = false

    @Flag(name: .long, help: "With --kill: run those CLIENT KILL commands.")
    var yes = false

    @Option(name: .long, help: ArgumentHelp("Analyse a snapshot file instead of a live server.", valueName: "file"))
    var fromSnapshot: String?

    func run() throws {
        let runner = ClientsRunner(connection: root.connection.settings, idle: idle, grouping: by, format: format,
                                   kill: kill, confirmed: yes, fromSnapshot: fromSnapshot)
        throw runner.run().exitCode
    }
}
