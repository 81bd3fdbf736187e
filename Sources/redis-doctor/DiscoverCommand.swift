import ArgumentParser
import RedisDoctorClient

struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "List a cluster's or a sentinel set's nodes for the monitoring engines: Prometheus http_sd/file_sd JSON, or host:port lines.",
        discussion: "Starts from the connection target (and each --seed): a cluster node, or with --sentinel a sentinel. Failed and handshaking nodes (replicas flagged down, sentinels that do not answer) are left out unless --all; noaddr nodes have no address to list. Exit codes: 0 listed, 1 refused (not a cluster, an unknown master name, NOPERM, a wrong password), 2 no seed reachable, 3 usage. Connection options (-h -p -a --user -u -t, TLS) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor

    @Flag(name: .long, help: "Discover the nodes of a Redis Cluster.")
    var cluster = false

    @OptionGroup var sentinel: SentinelOptionGroup

    @Option(name: .long, help: ArgumentHelp("Another seed to try if the first does not answer (repeatable; [::1]:7000 for IPv6).", valueName: "host:port"))
    var seed: [String] = []

    @Flag(name: .long, help: "Also list failed and handshaking nodes.")
    var all = false

    @Option(name: .long, help: "Output format: json (Prometheus http_sd and file_sd) or lines (host:port role).")
    var format: DiscoverFormat = .json

    func run() throws {
        throw DiscoverRunner(connection: root.connection.settings, cluster: cluster, sentinel: sentinel.sentinel, master: sentinel.master,
                             sentinelUser: sentinel.sentinelUser, sentinelPassFile: sentinel.sentinelPassFile, seeds: seed, all: all, format: format).run().exitCode
    }
}

enum DiscoverFormat: String, CaseIterable, ExpressibleByArgument {
    case json
    case lines
}
