import RedisDoctorClient
import RedisDoctorCore

/// Where a sentinel run starts and how it logs in: the connection target and each `--seed`
/// are sentinels, reached with the sentinels' own credentials; the master and replicas the
/// sentinels give are reached with the connection's (-a, --user, REDISCLI_AUTH). Shared by
/// `check --sentinel` and `discover --sentinel`.
struct SentinelSession {
    var masterName: String
    var sentinels: [ConnectionTarget]
    var dataTarget: ConnectionTarget
    var concurrency: Int

    /// The environment variable the sentinels' password is read from.
    static let passwordVariable = "REDISDOCTOR_SENTINEL_AUTH"
    /// A password file holds one line.
    static let passwordFileLimit = 4096

    init(target: ConnectionTarget, masterName: String?, seedTexts: [String], concurrency: Int, user: String?, passFile: String?) throws(UsageError) {
        guard let masterName, !masterName.isEmpty else {
            throw UsageError(message: "--sentinel needs --master NAME (the name in the sentinels' `sentinel monitor NAME ...`)")
        }
        guard concurrency >= 1 else { throw UsageError(message: "--concurrency must be 1 or more, got \(concurrency)") }
        var sentinel = target
        sentinel.user = user
        sentinel.password = try Self.password(file: passFile) ?? Terminal.environment(Self.passwordVariable)
        sentinel.db = 0
        self.masterName = masterName
        sentinels = [sentinel]
        for text in seedTexts { sentinels.append(try ClusterSession.seed(text, like: sentinel)) }
        dataTarget = target
        self.concurrency = concurrency
    }

    /// The first line of `--sentinel-pass-file`; its contents never appear in a message.
    static func password(file: String?) throws(UsageError) -> String? {
        guard let file else { return nil }
        guard FileIO.kind(of: file) == "regular file" else {
            throw UsageError(message: "--sentinel-pass-file \(file): " + (FileIO.kind(of: file).map { "is a \($0), not a regular file" } ?? "cannot be read"))
        }
        let bytes: [UInt8]
        do throws(FileIO.Failure) {
            bytes = try FileIO.read(file, limit: passwordFileLimit)
        } catch {
            throw UsageError(message: "--sentinel-pass-file \(error)")
        }
        let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        guard !line.isEmpty else { throw UsageError(message: "--sentinel-pass-file \(file): the first line is empty") }
        return String(decoding: line, as: UTF8.self)
    }

    /// The set's name in reports and the state file: the sentinel it was started from.
    var name: String { "sentinel master \(masterName) via \(sentinels[0].description)" }

    /// Every sentinel's view and ROLE at the address they give, or the check-level error when
    /// no sentinel answered SENTINEL MASTER (the first one's, classified as for one server).
    /// `probe`: also ask ROLE at the master's address (not for `discover`, which sends the
    /// data nodes' password nowhere).
    func collect(deadline: Deadline, options: ConnectionOptions, probe: Bool = true) throws(CheckError) -> SentinelState {
        let visits = SentinelCollector(masterName: masterName, concurrency: concurrency).collect(seeds: sentinels, deadline: deadline, options: options)
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
        if probe, let address = state.agreedMasterAddress ?? state.freshest?.master?.address, let endpoint = Self.endpoint(address) {
            state.probe = SentinelCollector.probe(endpoint, like: dataTarget, deadline: deadline.capped(fraction: 0.5), options: options)
        }
        return state
    }

    /// `--follow`: the single-node reads on the master and every replica the freshest view
    /// lists; a replica the sentinels flag down is judged by sentinel-replicas, not visited.
    func follow(_ state: SentinelState, deadline: Deadline, options: ConnectionOptions, clientListLimit: Int) -> [FollowedNode] {
        var nodes: [(address: String, role: String, skip: String?)] = []
        if let master = state.agreedMasterAddress { nodes.append((master, "master", nil)) }
        for replica in state.replicas.prefix(SentinelCollector.maximumSentinels) {
            guard let address = replica.address, !nodes.contains(where: { $0.address == address }) else { continue }
            let flagged = replica.isDown || replica.isDisconnected
            nodes.append((address, "slave", flagged ? "flagged by the sentinels (\(replica.stateFlags.joined(separator: ","))): not visited" : nil))
        }
        let collector = SnapshotCollector(clientListLimit: clientListLimit)
        let target = dataTarget
        let share = deadline.capped(fraction: 0.8)
        return FanOut.map(nodes, concurrency: concurrency) { node -> FollowedNode in
            if let skip = node.skip { return FollowedNode(address: node.address, role: node.role, failure: skip) }
            guard let endpoint = Self.endpoint(node.address) else { return FollowedNode(address: node.address, role: node.role, failure: "not a host:port") }
            var nodeTarget = target
            nodeTarget.endpoint = .tcp(host: endpoint.host, port: endpoint.port)
            do throws(ConnectionError) {
                let link = try Connection.open(nodeTarget, deadline: share, options: options)
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

    /// `127.0.0.1:6379`, `[::1]:6379` as host and port.
    static func endpoint(_ address: String) -> (host: String, port: Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]), (1...65535).contains(port) else { return nil }
        var host = address[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        return host.isEmpty ? nil : (String(host), port)
    }
}
