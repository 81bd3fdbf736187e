import RedisDoctorCore

/// Collects a `check --cluster`: the first seed that answers CLUSTER NODES lists the nodes,
/// then every node is visited at once (bounded by `concurrency`) for the single-node reads
/// and its own CLUSTER NODES. One deadline covers the run; each node gets a share of it,
/// so one that hangs becomes evidence ("did not answer within 4.0 s"), not the run's end.
public struct ClusterCollector: Sendable {
    public var collector: SnapshotCollector
    public var concurrency: Int

    public init(collector: SnapshotCollector, concurrency: Int = FanOut.defaultConcurrency) {
        self.collector = collector
        self.concurrency = concurrency
    }

    /// Each node's replies as a snapshot, or why it gave none.
    public struct Visit: Sendable {
        public var address: String
        public var nodeID: String
        public var snapshot: Snapshot?
        public var info: Info?
        public var failure: String?
    }

    public struct Outcome: Sendable {
        public var seed: String
        /// Seeds tried before one listed the nodes, each with why it did not.
        public var seedFailures: [String]
        public var visits: [Visit]
    }

    /// `seeds`: the connection target first, then each `--seed`; credentials and TLS are the
    /// same for every node. Throws when no seed lists the nodes: the check cannot start.
    public func collect(seeds: [ConnectionTarget], deadline: Deadline, options: ConnectionOptions) throws(CheckError) -> Outcome {
        var failures: [String] = []
        var listing: (seed: ConnectionTarget, nodes: [ClusterNode])?
        for (index, seed) in seeds.enumerated() {
            // A seed that hangs may use its share, never the later seeds' time.
            let share = deadline.capped(atMost: Double(deadline.remainingMilliseconds) / 1000 / Double(seeds.count - index + 1))
            do throws(ConnectionError) {
                let link = try Connection.open(seed, deadline: share, options: options)
                defer { link.close() }
                let reply = try link.send(["CLUSTER", "NODES"], deadline: share)
                if let message = reply.errorMessage {
                    failures.append("\(seed.description): \(OutputText.oneLine(message))")
                    continue
                }
                let nodes = ClusterNode.parseAll(reply.bytes ?? [])
                guard !nodes.isEmpty else {
                    failures.append("\(seed.description): CLUSTER NODES listed no node")
                    continue
                }
                listing = (seed, nodes)
                break
            } catch {
                failures.append("\(seed.description): \(Self.describe(error, share: share, target: seed))")
            }
        }
        guard let listing else {
            throw CheckError(kind: .unreachable, message: "no seed listed the cluster's nodes: " + failures.joined(separator: "; "))
        }
        let nodes = listing.nodes
        let waves = (nodes.count + max(concurrency, 1) - 1) / max(concurrency, 1)
        // Each wave a share of what is left, a fifth kept for judging and printing.
        let share = Double(deadline.remainingMilliseconds) / 1000 * 0.8 / Double(max(waves, 1))
        let collector = self.collector
        let visits = FanOut.map(nodes, concurrency: concurrency) { node -> Visit in
            guard !node.hasNoAddress else {
                return Visit(address: node.address, nodeID: node.id, failure: "no address (noaddr): not visited")
            }
            var target = listing.seed
            target.endpoint = .tcp(host: node.host, port: node.port)
            let nodeDeadline = deadline.capped(atMost: share)
            do throws(ConnectionError) {
                let link = try Connection.open(target, deadline: nodeDeadline, options: options)
                defer { link.close() }
                link.limitAllReplies(to: options.maxReplyBytes)
                var sample = try collector.sample(link, deadline: nodeDeadline)
                sample.snapshot.target = node.address
                let reply = try link.send(["CLUSTER", "NODES"], deadline: nodeDeadline)
                sample.snapshot.exchanges.append(Exchange(command: ["CLUSTER", "NODES"], reply: reply))
                return Visit(address: node.address, nodeID: node.id, snapshot: sample.snapshot, info: sample.info)
            } catch {
                return Visit(address: node.address, nodeID: node.id, failure: Self.describe(error, share: nodeDeadline, target: target))
            }
        }
        return Outcome(seed: listing.seed.description, seedFailures: failures, visits: visits)
    }

    /// "did not answer within 4.0 s", else the connection error's own words.
    static func describe(_ error: ConnectionError, share: Deadline, target: ConnectionTarget) -> String {
        if case .timedOut(let stage, _) = error {
            return "did not answer within \(HumanFormat.fixed(share.seconds, 1)) s (no reply to \(stage.reportedName))"
        }
        return error.checkError(target: target.description).message
    }
}
