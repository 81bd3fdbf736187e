import ArgumentParser
import RedisDoctorClient

struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "The triage view of a Redis Cluster: every node by shard, flags as most nodes see them, links, lag, memory, ops/s.",
        discussion: "Starts from the connection target (and each --seed), visits every node the first answering seed lists. Exit codes: 0 shown, 2 no seed listed the nodes, 3 usage. Connection options (-h -p -a --user -u -t, TLS) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor

    @Option(name: .long, help: ArgumentHelp("Another seed to try if the first does not answer (repeatable; [::1]:7000 for IPv6).", valueName: "host:port"))
    var seed: [String] = []

    @Option(name: .long, help: ArgumentHelp("Nodes visited at once.", valueName: "n"))
    var concurrency: Int = FanOut.defaultConcurrency

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        throw ClusterRunner(connection: root.connection.settings, seeds: seed, concurrency: concurrency, format: format).run().exitCode
    }
}
