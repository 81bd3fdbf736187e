/// Everything a `check --cluster` saw: each node's own view, side by side. Rules compare
/// the views; no single node's word is taken for the cluster's. The indexes are built once:
/// rules ask about every node, and a large cluster has hundreds of views of hundreds of nodes.
public struct ClusterState: Sendable {
    /// The seed whose CLUSTER NODES listed the nodes visited.
    public let seed: String
    /// Seeds tried before it, and why each gave no list ("127.0.0.1:7009: connection refused").
    public let seedFailures: [String]
    public let views: [ClusterView]
    /// The views of nodes that answered CLUSTER NODES.
    public let answering: [ClusterView]
    /// The answering views that list the whole cluster, which the rules compare (in a large
    /// cluster only the first views are kept whole; the others hold the node's own line).
    public let comparing: [ClusterView]
    /// Every node id any view lists, in the order first seen.
    public let nodeIDs: [String]
    /// `cluster-node-timeout` in seconds, as the nodes' CONFIG says (15 s, Redis's default, if none did).
    public let nodeTimeout: Double
    /// "Now" on the nodes' clocks: the latest server time any of them printed.
    public let now: Double?
    private let linesByID: [String: [(viewer: ClusterView, node: ClusterNode)]]
    private let agreedByID: [String: ClusterNode]
    private let viewByID: [String: ClusterView]

    public init(seed: String, seedFailures: [String] = [], views: [ClusterView]) {
        self.seed = seed
        self.seedFailures = seedFailures
        self.views = views
        let answering = views.filter(\.answered)
        self.answering = answering
        let comparing = answering.filter { ($0.nodes?.count ?? 0) > 1 || views.count <= 1 }
        self.comparing = comparing
        var seen = Set<String>()
        var ids: [String] = []
        var lines: [String: [(viewer: ClusterView, node: ClusterNode)]] = [:]
        for view in views where seen.insert(view.nodeID).inserted { ids.append(view.nodeID) }
        for view in comparing {
            var listed = Set<String>()
            // A view that prints an id twice counts once.
            for node in view.nodes ?? [] where listed.insert(node.id).inserted {
                if seen.insert(node.id).inserted { ids.append(node.id) }
                lines[node.id, default: []].append((view, node))
            }
        }
        nodeIDs = ids
        linesByID = lines
        var agreed: [String: ClusterNode] = [:]
        for (id, list) in lines {
            var counts: [String: Int] = [:]
            for line in list { counts[Self.agreementKey(line.node), default: 0] += 1 }
            let best = counts.values.max() ?? 0
            agreed[id] = list.first { counts[Self.agreementKey($0.node)] == best }?.node
        }
        agreedByID = agreed
        var byID: [String: ClusterView] = [:]
        for view in views where byID[view.nodeID] == nil { byID[view.nodeID] = view }
        viewByID = byID
        nodeTimeout = answering.lazy.compactMap { view -> Double? in
            guard let text = view.snapshot?.config?["cluster-node-timeout"], let millis = Double(text), millis > 0, millis.isFinite else { return nil }
            return millis / 1000
        }.first ?? 15
        now = answering.compactMap { $0.snapshot?.serverTimeSeconds }.filter(\.isFinite).max()
    }

    /// The lines each comparing view prints for `id`, with the view.
    public func lines(for id: String) -> [(viewer: ClusterView, node: ClusterNode)] { linesByID[id] ?? [] }

    /// The node as most views see it: the most common line (flags, primary, config epoch
    /// and slots; the first view's on a tie).
    public func agreed(_ id: String) -> ClusterNode? { agreedByID[id] }

    /// What two views can agree on: the flags without `myself`, the primary, the config
    /// epoch and the slots (not the times or the link, which are each viewer's own).
    static func agreementKey(_ node: ClusterNode) -> String {
        node.flags.filter { $0 != "myself" }.sorted().joined(separator: ",") + " \(node.primaryID ?? "-") \(node.configEpoch) \(node.slotText)"
    }

    /// How many other answering nodes print `flag` for `id`.
    public func peers(flagging flag: String, _ id: String) -> Int {
        lines(for: id).filter { !$0.node.isMyself && $0.node.flags.contains(flag) }.count
    }

    /// The view of the node with `id`: the one it answered itself, if any.
    public func view(of id: String) -> ClusterView? { viewByID[id] }

    /// The node's address as the views print it.
    public func address(of id: String) -> String {
        view(of: id)?.address ?? agreed(id).map { $0.hasNoAddress ? "\($0.shortID) (noaddr)" : $0.address } ?? String(id.prefix(8))
    }

    /// Seconds since any answering peer last heard from the node (its newest pong), on the
    /// nodes' clocks; nil when no peer has a time for it.
    public func silentFor(_ id: String) -> Double? {
        guard let now else { return nil }
        let newest = lines(for: id).filter { !$0.node.isMyself }.map(\.node.pongReceivedMillis).max() ?? 0
        guard newest > 0 else { return nil }
        return max(0, now - Double(newest) / 1000)
    }

    /// Primaries that serve slots, as agreed, in listing order.
    public var primaries: [ClusterNode] {
        nodeIDs.compactMap { agreed($0) }.filter { $0.isPrimary && $0.slotCount > 0 }
    }

    /// The replicas that follow `primaryID`, as agreed.
    public func replicas(of primaryID: String) -> [ClusterNode] {
        nodeIDs.compactMap { agreed($0) }.filter { $0.isReplica && $0.primaryID == primaryID }
    }

    /// A node no one flags and that answered this check.
    public func isHealthy(_ node: ClusterNode) -> Bool {
        if node.isFailed || node.isSuspected || node.hasNoAddress || node.isInHandshake { return false }
        if let view = view(of: node.id), !view.answered { return false }
        return true
    }

    /// A replica that can take over: healthy, and not `nofailover` (it never promotes itself).
    public func canTakeOver(_ node: ClusterNode) -> Bool {
        isHealthy(node) && !node.flags.contains("nofailover")
    }

    /// A failed primary with slots, a replica that can take over, and known to have been
    /// silent for less than twice the node timeout: the cluster is expected to heal itself
    /// (WARNING, not CRITICAL). An unknown silence is not a pending failover: fail closed.
    public func failoverPending(_ primary: ClusterNode) -> Bool {
        guard primary.isPrimary, primary.slotCount > 0,
              primary.isFailed || primary.isSuspected || majorityFlagsFailed(primary.id) else { return false }
        guard replicas(of: primary.id).contains(where: canTakeOver), let silent = silentFor(primary.id) else { return false }
        return silent < 2 * nodeTimeout
    }

    /// Whether most answering views flag `id` fail (a minority's flag is a suspicion that may clear).
    public func majorityFlagsFailed(_ id: String) -> Bool {
        let lines = lines(for: id)
        return lines.filter(\.node.isFailed).count * 2 > lines.count
    }

    /// How the run names the cluster: the seed that listed it.
    public var name: String { "cluster via \(seed)" }
}
