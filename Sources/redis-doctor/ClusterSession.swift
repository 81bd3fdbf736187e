import RedisDoctorClient
import RedisDoctorCore

/// Where a cluster run starts and how wide it goes: the connection target, then each
/// `--seed`, with the same credentials and TLS; shared by `check --cluster`, `cluster`
/// and the REPL's `:cluster`.
struct ClusterSession {
    var seeds: [ConnectionTarget]
    var concurrency: Int

    init(target: ConnectionTarget, seedTexts: [String], concurrency: Int) throws(UsageError) {
        guard case .tcp = target.endpoint else {
            throw UsageError(message: "a cluster run needs a host and port to start from (-h/-p or -u), not a unix socket: nodes announce TCP addresses")
        }
        guard concurrency >= 1 else { throw UsageError(message: "--concurrency must be 1 or more, got \(concurrency)") }
        seeds = [target]
        for text in seedTexts { seeds.append(try Self.seed(text, like: target)) }
        self.concurrency = concurrency
    }

    /// Every node's view (`ClusterCollector.state`).
    func collect(deadline: Deadline, options: ConnectionOptions, clientListLimit: Int) throws(CheckError) -> ClusterState {
        try ClusterCollector(collector: SnapshotCollector(clientListLimit: clientListLimit), concurrency: concurrency)
            .state(seeds: seeds, deadline: deadline, options: options)
    }

    /// `host:port` or `[v6]:port`, with the connection target's credentials and TLS.
    static func seed(_ text: String, like base: ConnectionTarget) throws(UsageError) -> ConnectionTarget {
        guard let (host, port) = HostPort.parse(text) else {
            throw UsageError(message: "--seed \(text): expected HOST:PORT ([::1]:7000 for IPv6)")
        }
        var target = base
        target.endpoint = .tcp(host: host, port: port)
        return target
    }
}
