import RedisDoctorCore

/// Collects a `check --sentinel`: every sentinel given is asked about one master at once
/// (SENTINEL MASTER, REPLICAS, SENTINELS, CKQUORUM, GET-MASTER-ADDR-BY-NAME), then every
/// sentinel they list that was not given, so a dead one is counted even when only one was
/// named. One deadline covers the run; each round gets a share, so a sentinel that hangs
/// becomes evidence, not the run's end.
public struct SentinelCollector: Sendable {
    public var masterName: String
    public var concurrency: Int
    public var reach: Reach

    public init(masterName: String, concurrency: Int = FanOut.defaultConcurrency, reach: Reach = Reach()) {
        self.masterName = masterName
        self.concurrency = concurrency
        self.reach = reach
    }

    /// One sentinel's replies, or why it gave none.
    public struct Visit: Sendable {
        public var address: String
        public var snapshot: Snapshot?
        public var failure: String?
        /// Its run id (INFO server), to tell one sentinel reached under two names.
        public var runID: String?
        /// Why it could not be judged, classified as for a single server (a wrong password is
        /// UNKNOWN, a refused connection CRITICAL): the run's error when no sentinel answers.
        public var error: CheckError?
    }

    /// Below this, the master is not asked ROLE at all.
    public static let minimumProbeSeconds = 0.1

    /// A sentinel set is a handful of processes; past this many, listed peers are not visited.
    public static let maximumSentinels = 64

    /// Every command sent to a sentinel (`MASTER` standing for the name), and the ROLE sent to
    /// the master it gives, for `redis-doctor acl`.
    public static let commandsSent: [[String]] = [["INFO", "server"], ["SENTINEL", "MYID"]]
        + ["MASTER", "REPLICAS", "SENTINELS", "CKQUORUM", "GET-MASTER-ADDR-BY-NAME"].map { ["SENTINEL", $0, "NAME"] }
    public static let commandsSentToTheMaster: [[String]] = [["ROLE"]]

    public var commands: [[String]] {
        ["MASTER", "REPLICAS", "SENTINELS", "CKQUORUM", "GET-MASTER-ADDR-BY-NAME"].map { ["SENTINEL", $0, masterName] }
    }

    /// `seeds`: the connection target first, then each `--seed`, with the sentinels'
    /// credentials and TLS; a listed peer is reached like the seed that listed it.
    public func collect(seeds: [ConnectionTarget], deadline: Deadline, options: ConnectionOptions) -> [Visit] {
        var seen = Set<String>()
        let given = seeds.filter { seen.insert($0.address).inserted }
        // The seeds get half of what is left, the peers they list the rest but a fifth.
        let firstRound = FanOut.map(given, concurrency: concurrency) { target in
            visit(target, deadline: deadline.capped(atMost: Double(deadline.remainingMilliseconds) / 1000 * 0.5), options: options)
        }
        // One sentinel given twice (by name and by address) is one sentinel.
        var runIDs = Set<String>()
        let first = firstRound.filter { $0.runID.map { runIDs.insert($0).inserted } ?? true }
        let known = runIDs
        var peers: [ConnectionTarget] = []
        var refused: [Visit] = []
        for visit in first {
            guard let snapshot = visit.snapshot else { continue }
            let view = SentinelView(address: visit.address, snapshot: snapshot, masterName: masterName)
            for peer in view.peers {
                guard let host = peer["ip"], let port = peer.integer("port").map({ Int($0) }), (1...65535).contains(port) else { continue }
                if let runID = peer["runid"], !runID.isEmpty, !runIDs.insert(runID).inserted { continue }
                var target = given[0]
                target.endpoint = .tcp(host: host, port: port)
                guard seen.insert(target.address).inserted, given.count + peers.count < Self.maximumSentinels else { continue }
                // Counted as a sentinel that could not be asked, not visited with the credentials.
                guard reach.allows(host) else {
                    refused.append(Visit(address: target.address, failure: Reach.refusal))
                    continue
                }
                peers.append(target)
            }
        }
        // Half of what is left: the rest is the master's ROLE and --follow's.
        let seconds = Double(deadline.remainingMilliseconds) / 1000 * 0.5
        let second = FanOut.map(peers, concurrency: concurrency) { target in
            visit(target, deadline: deadline.capped(atMost: seconds), options: options)
        }
        // A listed peer that turns out to be a given sentinel under another name is not counted twice.
        return first + second.filter { $0.runID.map { !known.contains($0) } ?? true } + refused
    }

    func visit(_ target: ConnectionTarget, deadline: Deadline, options: ConnectionOptions) -> Visit {
        let seconds = Double(deadline.remainingMilliseconds) / 1000
        do throws(ConnectionError) {
            let link = try Connection.open(target, deadline: deadline, options: options, canceller: reach.canceller)
            defer { link.close() }
            link.limitAllReplies(to: options.maxReplyBytes)
            var snapshot = Snapshot(target: target.description, takenAtMicros: WallClock.nowMicros())
            let info = try link.send(["INFO", "server"], deadline: deadline)
            let replies = try link.pipeline(commands, deadline: deadline)
            for (command, reply) in zip(commands, replies) { snapshot.exchanges.append(Exchange(command: command, reply: reply)) }
            var runID = info.text.flatMap { text in
                text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("run_id:") }.map { String($0.dropFirst(7)) }
            }
            // INFO denied by an ACL: the sentinel's own id another way.
            if runID == nil { runID = try link.send(["SENTINEL", "MYID"], deadline: deadline).text }
            let refusal = replies.first?.errorMessage.map { Self.sentinelError(CheckError.serverRefusal($0, command: "SENTINEL MASTER")) }
            return Visit(address: target.address, snapshot: snapshot, runID: runID, error: refusal)
        } catch {
            let classified = Self.sentinelError(ClusterCollector.checkError(error, target: target))
            let failure = classified.kind == .authentication ? classified.message : ClusterCollector.describe(error, within: seconds, target: target)
            return Visit(address: target.address, failure: failure, error: classified)
        }
    }

    /// A sentinel's password is not the data nodes': said so when it is the problem.
    static func sentinelError(_ error: CheckError) -> CheckError {
        guard error.kind == .authentication else { return error }
        var said = error
        said.message = "a sentinel refused the login: \(error.message). Sentinels take their own credentials: --sentinel-user with REDISDOCTOR_SENTINEL_AUTH or --sentinel-pass-file (-a, --user and REDISCLI_AUTH are the data nodes')"
        return said
    }

    /// What `address` answers to ROLE, reached with the data nodes' credentials (`dataTarget`).
    public static func probe(_ address: (host: String, port: Int), like dataTarget: ConnectionTarget, deadline: Deadline,
                             options: ConnectionOptions, reach: Reach = Reach()) -> SentinelMasterProbe {
        var target = dataTarget
        target.endpoint = .tcp(host: address.host, port: address.port)
        guard reach.allows(address.host) else { return SentinelMasterProbe(address: target.address, notAsked: "it is not in allow_targets") }
        let seconds = Double(deadline.remainingMilliseconds) / 1000
        // Too little time to connect is no answer to judge: said, not a false CRITICAL.
        guard seconds >= minimumProbeSeconds else {
            return SentinelMasterProbe(address: target.address, notAsked: "the run's --timeout was spent on the sentinels")
        }
        do throws(ConnectionError) {
            let link = try Connection.open(target, deadline: deadline, options: options, canceller: reach.canceller)
            defer { link.close() }
            return SentinelMasterProbe(address: target.address, reply: try link.send(["ROLE"], deadline: deadline))
        } catch {
            let classified = error.checkError(target: target.description)
            if classified.kind == .authentication || classified.kind == .permission {
                return SentinelMasterProbe(address: target.address, refusal: classified.message)
            }
            return SentinelMasterProbe(address: target.address, failure: ClusterCollector.describe(error, within: seconds, target: target))
        }
    }
}
