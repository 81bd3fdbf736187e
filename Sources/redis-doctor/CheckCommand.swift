import ArgumentParser
import RedisDoctorClient
import RedisDoctorCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the health rules once; exit with the Nagios status.",
        discussion: "Exit codes: 0 OK, 1 WARNING, 2 CRITICAL (including unreachable), 3 UNKNOWN. Default --timeout: 10 s. Connection options (-h -p -s -a --user -n -u -t) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor
    @OptionGroup var rules: RuleOptionGroup

    @Option(name: .long, help: "Output format: nagios, json, prometheus or text.")
    var format: OutputFormat = .nagios

    @Option(name: .long, help: ArgumentHelp("Take a second sample this many seconds later, for rates and progress.", valueName: "seconds"))
    var interval: Double?

    @Option(name: .long, help: ArgumentHelp("Keep the previous run's sample here (per target), for deltas between runs.", valueName: "path"))
    var stateFile: String?

    @Option(name: .long, help: ArgumentHelp("Evaluate a snapshot file instead of a live server.", valueName: "file"))
    var fromSnapshot: String?

    @Option(name: .long, help: ArgumentHelp("Evaluate INFO text pasted from redis-cli instead of a live server.", valueName: "file"))
    var fromFile: String?

    @Option(name: .long, help: ArgumentHelp("With --from-file: when the INFO was taken (epoch seconds or ISO 8601 with a zone); default: the file's modification time.", valueName: "time"))
    var takenAt: String?

    @Option(name: .long, help: "Skip CLIENT LIST above this many connected clients.")
    var clientListLimit: Int = SnapshotCollector.defaultClientListLimit

    @Option(name: .long, help: HostCheckMode.help)
    var hostChecks: HostCheckMode = .auto

    @Option(name: .long, help: ArgumentHelp("The previous run's perfdata as the engine kept it ($SERVICEPERFDATA$, $service.perfdata$): the interval rules' earlier sample.", valueName: "perfdata"))
    var prevPerfdata: String?

    @Option(name: .long, help: ArgumentHelp("With --prev-perfdata: when that run happened, in seconds since the epoch ($LASTSERVICECHECK$, $service.last_check$).", valueName: "epoch"))
    var prevTime: Double?

    @Flag(name: .long, help: "Check a Redis Cluster: every node the seed lists, the cluster rules and each node's own.")
    var cluster = false

    @Option(name: .long, help: ArgumentHelp("With --cluster: another seed to try if the first does not answer; with --sentinel: another sentinel to ask (repeatable; [::1]:7000 for IPv6).", valueName: "host:port"))
    var seed: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --cluster or --sentinel: nodes visited at once (default 8).", valueName: "n"))
    var concurrency: Int?

    @OptionGroup var sentinel: SentinelOptionGroup

    @Flag(name: .long, help: "With --sentinel: also run the single-node rules on the master and its replicas.")
    var follow = false

    func run() throws {
        throw ExitCode(CheckRunner(request: request).run())
    }

    var request: CheckRequest {
        CheckRequest(connection: root.connection.settings, rules: rules.arguments, configPath: rules.config, format: format,
                     interval: interval, stateFile: stateFile, fromSnapshot: fromSnapshot, fromFile: fromFile,
                     takenAt: takenAt, clientListLimit: clientListLimit, prevPerfdata: prevPerfdata, prevTime: prevTime,
                     cluster: cluster, seeds: seed, concurrency: concurrency, sentinel: sentinel.sentinel, master: sentinel.master,
                     sentinelUser: sentinel.sentinelUser, sentinelPassFile: sentinel.sentinelPassFile, follow: follow,
                     hostChecks: hostChecks)
    }
}
