/// Everything a `check --cluster` saw: each node's own view, side by side. Rules compare
/// the views; no single node's word is taken for the cluster's.
public struct ClusterState: Sendable {
    /// The seed whose CLUSTER NODES listed the nodes visited.
    public var seed: String
    /// Seeds tried before it, and why each gave no list ("127.0.0.1:7009: connection refused").
    public var seedFailures: [String]
    public var views: [ClusterView]

    public init(seed: String, seedFailures: [String] = [], views: [ClusterView]) {
        self.seed = seed
        self.seedFailures = seedFailures
        self.views = views
    }

    /// The views of nodes that answered CLUSTER NODES.
    public var answering: [ClusterView] { views.filter(\.answered) }

    /// `cluster-node-timeout` in seconds, as the nodes' CONFIG says (15 s, Redis's default, if none did).
    public var nodeTimeout: Double {
        for view in answering {
            if let text = view.snapshot?.config?["cluster-node-timeout"], let millis = Double(text), millis > 0 { return millis / 1000 }
        }
        return 15
    }

    /// "Now" on the nodes' clocks: the latest server time any of them printed.
    public var now: Double? { answering.compactMap { $0.snapshot?.serverTimeSeconds }.max() }

    /// Every node id any view lists, in the order first seen.
    public var nodeIDs: [String] {
        var seen = Set<String>()
        var ids: [String] = []
        for view in views {
            if seen.insert(view.nodeID).inserted { ids.append(view.nodeID) }
            for node in view.nodes ?? [] where seen.insert(node.id).inserted { ids.append(node.id) }
        }
        return ids
    }

    /// The lines each answering view prints for `id`, with the view's address.
    public func lines(for id: String) -> [(viewer: ClusterView, node: ClusterNode)] {
        answering.compactMap { view in view.nodes?.first { $0.id == id }.map { (view, $0) } }
    }

    /// The node as most views see it: the most common line (flags, primary, config epoch
    /// and slots; the first view's on a tie).
    public func agreed(_ id: String) -> ClusterNode? {
        let lines = lines(for: id)
        guard !lines.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for line in lines { counts[Self.agreementKey(line.node), default: 0] += 1 }
        let best = counts.values.max() ?? 0
        return lines.first { counts[Self.agreementKey($0.node)] == best }?.node
    }

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
    public func view(of id: String) -> ClusterView? { views.first { $0.nodeID == id } }

    /// The node's address as the views print it.
    public func address(of id: String) -> String {
        view(of: id)?.address ?? agreed(id)?.address ?? String(id.prefix(8))
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

    /// A replica that can take over: not flagged, and answering when it was visited.
    public func isHealthy(_ node: ClusterNode) -> Bool {
        if node.isFailed || node.isSuspected || node.hasNoAddress || node.isInHandshake { return false }
        if let view = view(of: node.id), !view.answered { return false }
        return true
    }

    /// A failed primary with slots, a replica that can take over, and not yet failed for
    /// twice the node timeout: the cluster is expected to heal itself (WARNING, not CRITICAL).
    public func failoverPending(_ primary: ClusterNode) -> Bool {
        guard primary.isPrimary, primary.slotCount > 0, primary.isFailed || primary.isSuspected else { return false }
        guard replicas(of: primary.id).contains(where: isHealthy) else { return false }
        return (silentFor(primary.id) ?? 0) < 2 * nodeTimeout
    }

    /// How the run names the cluster: the seed that listed it.
    public var name: String { "cluster via \(seed)" }
}
