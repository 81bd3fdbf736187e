import RedisDoctorCore

extension SentinelCollector {
    /// Every sentinel's view and ROLE at the address they give, or the check-level error when
    /// no sentinel answered SENTINEL MASTER (the first one's, classified as for one server).
    /// `probe`: also ask ROLE at the master's address (not for `discover`, which sends the
    /// data nodes' password nowhere).
    public func state(sentinels: [ConnectionTarget], dataTarget: ConnectionTarget, deadline: Deadline, options: ConnectionOptions,
                      probe: Bool = true) throws(CheckError) -> SentinelState {
        let visits = collect(seeds: sentinels, deadline: deadline, options: options)
        let views = visits.map { SentinelView(address: $0.address, snapshot: $0.snapshot, failure: $0.failure, masterName: masterName) }
        var state = SentinelState(masterName: masterName, seed: sentinels[0].description, views: views)
        guard !state.answering.isEmpty else {
            // A refusal in a sentinel's words (an unknown name, NOPERM) before a connection failure.
            let errors = visits.compactMap(\.error)
            var error = errors.first { $0.status == .unknown } ?? errors.first ?? CheckError(kind: .unreachable, message: "no sentinel answered")
            // A login refused is said with the sentinels' own credential options; else every reason.
            error.message = "no sentinel answered SENTINEL MASTER \(masterName): "
                + (error.kind == .authentication ? error.message : state.silent.prefix(5).joined(separator: "; "))
            throw error
        }
        // GET-MASTER-ADDR-BY-NAME refused: the address SENTINEL MASTER gives is asked instead.
        if probe, let address = state.agreedMasterAddress ?? state.freshest?.master?.address, let endpoint = HostPort.parse(address) {
            state.probe = Self.probe(endpoint, like: dataTarget, deadline: deadline.capped(fraction: 0.5), options: options, reach: reach)
        }
        return state
    }

    /// `--follow`: the single-node reads on the master and every replica the freshest view
    /// lists; a replica the sentinels flag down is judged by sentinel-replicas, not visited.
    public func follow(_ state: SentinelState, dataTarget: ConnectionTarget, deadline: Deadline, options: ConnectionOptions,
                       clientListLimit: Int) -> [FollowedNode] {
        var nodes: [(address: String, role: String, skip: String?)] = []
        if let master = state.agreedMasterAddress { nodes.append((master, "master", nil)) }
        for replica in state.replicas.prefix(SentinelCollector.maximumSentinels) {
            guard let address = replica.address, !nodes.contains(where: { $0.address == address }) else { continue }
            let flagged = replica.isDown || replica.isDisconnected
            nodes.append((address, "slave", flagged ? "flagged by the sentinels (\(replica.stateFlags.joined(separator: ","))): not visited" : nil))
        }
        let collector = SnapshotCollector(clientListLimit: clientListLimit)
        let target = dataTarget
        let concurrency = self.concurrency
        let reach = self.reach
        let share = deadline.capped(fraction: 0.8)
        return FanOut.map(nodes, concurrency: concurrency) { node -> FollowedNode in
            if let skip = node.skip { return FollowedNode(address: node.address, role: node.role, failure: skip) }
            guard let endpoint = HostPort.parse(node.address) else { return FollowedNode(address: node.address, role: node.role, failure: "not a host:port") }
            guard reach.allows(endpoint.host) else { return FollowedNode(address: node.address, role: node.role, failure: Reach.refusal) }
            var nodeTarget = target
            nodeTarget.endpoint = .tcp(host: endpoint.host, port: endpoint.port)
            do throws(ConnectionError) {
                let link = try Connection.open(nodeTarget, deadline: share, options: options, canceller: reach.canceller)
                defer { link.close() }
                link.limitAllReplies(to: options.maxReplyBytes)
                var sample = try collector.sample(link, deadline: share)
                sample.snapshot.target = node.address
                return FollowedNode(address: node.address, role: node.role, snapshot: ParsedSnapshot(sample.snapshot, info: sample.info))
            } catch {
                let classified = error.checkError(target: node.address)
                return FollowedNode(address: node.address, role: node.role, failure: classified.message, error: classified)
            }
        }
    }
}
