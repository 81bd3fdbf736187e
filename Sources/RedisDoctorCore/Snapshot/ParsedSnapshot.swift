/// A `Snapshot` parsed once into the typed views rules read.
public struct ParsedSnapshot: Sendable {
    public var snapshot: Snapshot
    /// Every INFO exchange with a bulk reply, merged in order: sections and
    /// keys from the first exchange win. Empty when INFO was refused.
    public var info: Info
    public var identity: ServerIdentity
    public var clients: [ClientEntry]?
    public var slowlog: [SlowlogEntry]?
    public var latency: [LatencyEvent]?
    /// All CONFIG GET exchanges merged (first wins).
    public var config: ConfigValues?
    public var clusterInfo: ClusterInfo?
    /// CLUSTER NODES: this node's view of the cluster (a `check --cluster` reads it).
    public var clusterNodes: [ClusterNode]?
    public var role: RoleInfo?
    /// Round trip of the PING exchange, in microseconds.
    public var pingMicros: Int64?
    /// The server's host, when the sample was taken on it (`--host-checks`).
    public var host: HostFacts?
    /// Why `host` is nil, for the host rules' SKIPPED results.
    public var hostAbsence: String
    /// Keyed by command family (`INFO`, `CONFIG GET`, `CLIENT LIST`, ...).
    public var statuses: [String: CommandStatus]

    /// `info`: the INFO already parsed from this snapshot's INFO reply, when the caller
    /// has it (the live collector does), so a check parses INFO once.
    public init(_ snapshot: Snapshot, info known: Info? = nil) {
        self.snapshot = snapshot
        var info: Info? = known
        var config: ConfigValues? = nil
        var statuses: [String: CommandStatus] = [:]
        for skipped in snapshot.skipped {
            let family = CommandName.of(skipped.command)
            if statuses[family] == nil { statuses[family] = .skipped(reason: skipped.reason) }
        }
        for exchange in snapshot.exchanges {
            let family = CommandName.of(exchange.command)
            if let message = exchange.reply.errorMessage {
                // An answer from another exchange of the same family still counts.
                if statuses[family] != .answered { statuses[family] = .refused(reason: message) }
                continue
            }
            statuses[family] = .answered
            let reply = exchange.reply
            switch family {
            case "INFO":
                guard known == nil, case .bulk(let bytes) = reply else { continue }
                let parsed = Info(parsing: bytes)
                if info == nil { info = parsed } else { info!.merge(parsed) }
            case "CLIENT LIST":
                if clients == nil, let bytes = reply.bytes { clients = ClientList.parse(bytes) }
            case "SLOWLOG GET":
                if slowlog == nil, reply.array != nil { slowlog = SlowlogEntry.parse(reply) }
            case "LATENCY LATEST":
                if latency == nil, reply.array != nil { latency = LatencyEvent.parse(reply) }
            case "CONFIG GET":
                if config == nil { config = ConfigValues() }
                config!.merge(reply)
            case "CLUSTER INFO":
                if clusterInfo == nil, let bytes = reply.bytes { clusterInfo = ClusterInfo(parsing: bytes) }
            case "CLUSTER NODES":
                if clusterNodes == nil, let bytes = reply.bytes { clusterNodes = ClusterNode.parseAll(bytes) }
            case "ROLE":
                if role == nil { role = RoleInfo(reply: reply) }
            case "PING":
                if pingMicros == nil { pingMicros = exchange.elapsedMicros }
            default:
                break
            }
        }
        if let capture = snapshot.host {
            host = HostFacts(capture)
            hostAbsence = capture.notLocal ?? "the capture names no server process"
        } else {
            hostAbsence = "no host facts in this sample (pasted INFO, a snapshot taken without them, a node of a cluster or sentinel check, or the exporter)"
        }
        self.info = info ?? Info()
        self.identity = self.info.serverIdentity
        self.config = config
        self.statuses = statuses
    }

    /// Rebuilt from a monitoring engine's perfdata (`--prev-perfdata`): numbers only, times on the engine's clock.
    public var isRebuilt: Bool { snapshot.takenAtSource == PerfdataSample.source }

    /// The status of a command family (`"CONFIG GET"`, `"INFO"`), case-insensitive.
    public func status(of family: String) -> CommandStatus {
        statuses[family.uppercased()] ?? .notSent
    }

    /// How "now" was set when it is not a clock at the server or capture (pasted INFO
    /// without server_time_usec): `the file's modification time 2025-11-22T08:26:40Z`.
    public var clockNote: String? {
        guard info.number(.serverTimeMicros) == nil, let source = snapshot.takenAtSource, let now = serverTimeSeconds else { return nil }
        return "ages measured against \(source) \(TimestampText.iso8601(now)) (the INFO has no server_time_usec)"
    }

    /// "Now" for rules: the server's clock (`server_time_usec`, 6.2+) when
    /// printed, else the capturing host's clock. Nil when neither is known.
    public var serverTimeSeconds: Double? {
        if let micros = info.number(.serverTimeMicros) { return micros / 1_000_000 }
        return snapshot.takenAtMicros.map { Double($0) / 1_000_000 }
    }
}

extension ParsedSnapshot {
    /// `earlier` when it is a sample of this same server process: a restart (run_id change)
    /// resets every counter, so deltas across it mean nothing. Shared by the rules' and the
    /// diagnoses' two-sample judgements.
    public func comparable(earlier previous: ParsedSnapshot) -> ParsedSnapshot? {
        if let a = previous.info.string(.runId), let b = info.string(.runId), a != b { return nil }
        // Without a run_id (a sample rebuilt from perfdata), a restart shows as uptime going down.
        if let a = previous.info.number(.uptimeSeconds), let b = info.number(.uptimeSeconds), a > b { return nil }
        if previous.isRebuilt {
            // Rebuilt from perfdata: without its uptime no restart could be seen, so no delta is
            // taken; and the uptime must have grown by about the time that passed (else the
            // process restarted in between, or this is another server).
            guard let a = previous.info.number(.uptimeSeconds), let b = info.number(.uptimeSeconds) else { return nil }
            if let then = previous.serverTimeSeconds, let now = serverTimeSeconds {
                let elapsed = now - then
                if ((b - a) - elapsed).magnitude > max(30, 0.1 * elapsed.magnitude) { return nil }
            }
        }
        return previous
    }
}
