import RedisDoctorCore

/// Collects a `check --cluster`: the first seed that answers CLUSTER NODES lists the nodes,
/// then every node is visited at once (bounded by `concurrency`) for the single-node reads
/// and its own CLUSTER NODES. One deadline covers the run; each node gets a share of it,
/// so one that hangs becomes evidence ("did not answer within 4.0 s"), not the run's end.
public struct ClusterCollector: Sendable {
    public var collector: SnapshotCollector
    public var concurrency: Int
    public var reach: Reach

    public init(collector: SnapshotCollector, concurrency: Int = FanOut.defaultConcurrency, reach: Reach = Reach()) {
        self.collector = collector
        self.concurrency = concurrency
        self.reach = reach
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

    /// At most this many CLUSTER NODES lines are read (Redis Cluster is meant for up to 1,000
    /// nodes); past it the reply is abandoned, so a hostile seed cannot make the run unbounded.
    public static let maximumNodes = 2_000
    /// All the nodes' replies together stay within this many bytes (each node also within
    /// --max-reply-bytes): a run keeps every node's replies until it judges them.
    public static let totalReplyBudget = 96 << 20
    /// Views kept whole for comparing: every node is visited, but past this many only its
    /// own line of CLUSTER NODES is kept (a cluster of N nodes has N views of N lines).
    public static let fullViews = 100

    /// `seeds`: the connection target first, then each `--seed`; credentials and TLS are the
    /// same for every node. Throws when no seed lists the nodes: the check cannot start, and
    /// the error is the first seed's, classified as for a single server (a wrong password is
    /// UNKNOWN, a refused connection CRITICAL), with every seed's reason.
    /// The nodes the first answering seed lists, that seed, and why earlier seeds did not.
    public struct Listing: Sendable {
        public var seed: ConnectionTarget
        public var nodes: [ClusterNode]
        public var seedFailures: [String]
    }

    /// Tries the seeds in order until one answers CLUSTER NODES (`discover` needs no more).
    /// `leavingTimeForVisits`: keep a share of the deadline for visiting the nodes afterwards.
    public static func list(seeds: [ConnectionTarget], deadline: Deadline, options: ConnectionOptions,
                            leavingTimeForVisits: Bool = true, reach: Reach = Reach()) throws(CheckError) -> Listing {
        var failures: [String] = []
        var firstError: CheckError?
        for (index, seed) in seeds.enumerated() {
            // A seed that hangs may use its share, never the later seeds' time.
            let shareSeconds = Double(deadline.remainingMilliseconds) / 1000 / Double(seeds.count - index + (leavingTimeForVisits ? 1 : 0))
            let share = deadline.capped(atMost: shareSeconds)
            do throws(ConnectionError) {
                let link = try Connection.open(seed, deadline: share, options: options, canceller: reach.canceller)
                defer { link.close() }
                link.limitAllReplies(to: options.maxReplyBytes)
                let reply = try link.send(["CLUSTER", "NODES"], deadline: share, lineLimit: maximumNodes)
                if let message = reply.errorMessage {
                    failures.append("\(seed.description): \(OutputText.oneLine(message))")
                    firstError = firstError ?? CheckError.serverRefusal(message, command: "CLUSTER NODES")
                    continue
                }
                var seen = Set<String>()
                // An id listed twice is one node.
                let nodes = ClusterNode.parseAll(reply.bytes ?? []).filter { seen.insert($0.id).inserted }
                guard !nodes.isEmpty else {
                    failures.append("\(seed.description): CLUSTER NODES listed no node")
                    firstError = firstError ?? CheckError(kind: .protocolError, message: "CLUSTER NODES listed no node", stage: "CLUSTER NODES")
                    continue
                }
                return Listing(seed: seed, nodes: nodes, seedFailures: failures)
            } catch {
                failures.append("\(seed.description): \(describe(error, within: shareSeconds, target: seed))")
                firstError = firstError ?? checkError(error, target: seed)
            }
        }
        var error = firstError ?? CheckError(kind: .unreachable, message: "no seed")
        error.message = "no seed listed the cluster's nodes: " + failures.joined(separator: "; ")
        throw error
    }

    public func collect(seeds: [ConnectionTarget], deadline: Deadline, options: ConnectionOptions) throws(CheckError) -> Outcome {
        let listing = try Self.list(seeds: seeds, deadline: deadline, options: options, reach: reach)
        let reach = self.reach
        let nodes = listing.nodes
        let waves = (nodes.count + max(concurrency, 1) - 1) / max(concurrency, 1)
        // Each wave a share of what is left, a fifth kept for judging and printing.
        let shareSeconds = Double(deadline.remainingMilliseconds) / 1000 * 0.8 / Double(max(waves, 1))
        // Every node's replies are kept until judged: they share one budget, and CLIENT LIST
        // (the one large read) is skipped, with the reason, above what a node's share holds.
        // A node's connection may also read a CLUSTER NODES of the cluster's size.
        let share = Self.totalReplyBudget / nodes.count
        let budget = min(options.maxReplyBytes, max(share, (256 << 10) + nodes.count * 512))
        var shared = self.collector
        if share / 512 < shared.clientListLimit {
            shared.clientListLimit = share / 512
            shared.clientListLimitSource = "this node's share of the cluster run's reply budget"
        }
        let collector = shared
        let keepWhole = Set(nodes.prefix(Self.fullViews).map(\.id))
        let visits = FanOut.map(nodes, concurrency: concurrency) { node -> Visit in
            guard !node.hasNoAddress else {
                return Visit(address: node.address, nodeID: node.id, failure: "no address (noaddr): not visited")
            }
            // A node announces its own address: the credentials go only where they may.
            guard reach.allows(node.host) else { return Visit(address: node.address, nodeID: node.id, failure: Reach.refusal) }
            var target = listing.seed
            target.endpoint = .tcp(host: node.host, port: node.port)
            let nodeDeadline = deadline.capped(atMost: shareSeconds)
            do throws(ConnectionError) {
                let link = try Connection.open(target, deadline: nodeDeadline, options: options, canceller: reach.canceller)
                defer { link.close() }
                link.limitAllReplies(to: budget)
                var sample = try collector.sample(link, deadline: nodeDeadline)
                sample.snapshot.target = node.address
                var reply = try link.send(["CLUSTER", "NODES"], deadline: nodeDeadline, lineLimit: Self.maximumNodes)
                if !keepWhole.contains(node.id), let bytes = reply.bytes {
                    reply = .bulk(Self.ownLine(bytes))
                }
                sample.snapshot.exchanges.append(Exchange(command: ["CLUSTER", "NODES"], reply: reply))
                // Its own view refused: said in the server's words, its other replies kept.
                let refusal = reply.errorMessage.map { "CLUSTER NODES refused: \(OutputText.oneLine($0))" }
                return Visit(address: node.address, nodeID: node.id, snapshot: sample.snapshot, info: sample.info, failure: refusal)
            } catch {
                if case .replyTooLarge = error {
                    return Visit(address: node.address, nodeID: node.id,
                                 failure: "its replies exceeded its share of the run's reply budget (\(HumanFormat.bytes(Double(budget))) of \(HumanFormat.bytes(Double(Self.totalReplyBudget))) across \(nodes.count) nodes)")
                }
                return Visit(address: node.address, nodeID: node.id, failure: Self.describe(error, within: shareSeconds, target: target))
            }
        }
        return Outcome(seed: listing.seed.description, seedFailures: listing.seedFailures, visits: visits)
    }

    /// The `myself` line of a CLUSTER NODES reply: a node past the views kept whole.
    static func ownLine(_ bytes: [UInt8]) -> [UInt8] {
        let mine = bytes.split(separator: UInt8(ascii: "\n")).first { line in
            line.split(separator: 0x20).dropFirst(2).first.map { $0.starts(with: Array("myself".utf8)) } ?? false
        }
        return mine.map { Array($0) + [UInt8(ascii: "\n")] } ?? []
    }

    /// "did not answer within 4.0 s" (the node's share), else the connection error's own words.
    static func describe(_ error: ConnectionError, within seconds: Double, target: ConnectionTarget) -> String {
        if case .timedOut(let stage, _) = error {
            return "did not answer within \(HumanFormat.fixed(seconds, 1)) s (no reply to \(stage.reportedName))"
        }
        return checkError(error, target: target).message
    }

    static func checkError(_ error: ConnectionError, target: ConnectionTarget) -> CheckError {
        error.checkError(target: target.description)
    }
}
