import RedisDoctorCore

/// Reads what the rules need, with cheap read-only commands only.
///
/// Never KEYS, a write, DEBUG or BGSAVE: a check must do no harm to a server
/// that is already in trouble. CLIENT LIST is the one expensive read, so it
/// is bounded by `clientListLimit`.
public struct SnapshotCollector: Sendable {
    /// CLIENT LIST is skipped above this many connected clients.
    public var clientListLimit: Int
    /// What set `clientListLimit`, for the skip reason.
    public var clientListLimitSource = "--client-list-limit"
    public var slowlogEntries: Int

    public static let defaultClientListLimit = 20_000

    public init(clientListLimit: Int = SnapshotCollector.defaultClientListLimit, slowlogEntries: Int = 128) {
        self.clientListLimit = clientListLimit
        self.slowlogEntries = slowlogEntries
    }

    /// Every command a check may send, for the do-no-harm test and the docs.
    public static let commandsSent: [[String]] = [
        ["PING"], ["INFO", "everything"], ["INFO", "all"], ["INFO"], ["CONFIG", "GET", "*"],
        ["SLOWLOG", "GET", "128"], ["LATENCY", "LATEST"], ["CLIENT", "LIST"], ["CLUSTER", "INFO"], ["CLUSTER", "NODES"],
    ]

    /// A snapshot and the INFO parsed from it, so the caller need not parse it again.
    public struct Sample: Sendable {
        public var snapshot: Snapshot
        public var info: Info
    }

    public func collect(_ connection: Connection, deadline: Deadline) throws(ConnectionError) -> Snapshot {
        try sample(connection, deadline: deadline).snapshot
    }

    public func sample(_ connection: Connection, deadline: Deadline) throws(ConnectionError) -> Sample {
        var snapshot = Snapshot(target: connection.target.description)
        snapshot.tlsPeer = connection.tlsPeer
        // PING alone, so its round trip measures the server and not the INFO payload.
        let pingStart = MonotonicClock.now()
        let pong = try connection.send(["PING"], deadline: deadline)
        snapshot.exchanges.append(Exchange(command: ["PING"], reply: pong, elapsedMicros: Int64((MonotonicClock.now() - pingStart) / 1000)))

        snapshot.takenAtMicros = WallClock.nowMicros()
        let batch: [[String]] = [["INFO", "everything"], ["CONFIG", "GET", "*"], ["SLOWLOG", "GET", String(slowlogEntries)], ["LATENCY", "LATEST"]]
        let replies = try connection.pipeline(batch, deadline: deadline)
        var info = replies[0]
        snapshot.exchanges.append(Exchange(command: batch[0], reply: info))
        // INFO everything is 6.0+; older servers answer "" (unknown section) or, on 2.4, an error.
        for fallback in [["INFO", "all"], ["INFO"]] where !Self.hasInfo(info) {
            info = try connection.send(fallback, deadline: deadline)
            snapshot.exchanges.append(Exchange(command: fallback, reply: info))
        }
        for (command, reply) in zip(batch.dropFirst(), replies.dropFirst()) {
            snapshot.exchanges.append(Exchange(command: command, reply: command[0] == "CONFIG" ? Self.redacted(reply) : reply))
        }

        let parsed = Info(parsing: info.bytes ?? [])
        if parsed.flag(.clusterEnabled) == true {
            snapshot.exchanges.append(Exchange(command: ["CLUSTER", "INFO"], reply: try connection.send(["CLUSTER", "INFO"], deadline: deadline)))
        }
        // Last, because past the limit the reply is abandoned and the connection with it.
        let clients = parsed.number(.connectedClients)
        if let clients, clients > Double(clientListLimit) {
            snapshot.skipped.append(SkippedCommand(command: ["CLIENT", "LIST"],
                reason: "\(HumanFormat.number(clients)) clients connected, above the limit of \(clientListLimit) (\(clientListLimitSource))"))
        } else {
            do throws(ConnectionError) {
                // INFO can understate (a proxy, a fork): the limit holds on the reply itself.
                let reply = try connection.send(["CLIENT", "LIST"], deadline: deadline, lineLimit: clientListLimit)
                snapshot.exchanges.append(Exchange(command: ["CLIENT", "LIST"], reply: reply))
            } catch {
                guard case .tooManyLines = error else { throw error }
                snapshot.skipped.append(SkippedCommand(command: ["CLIENT", "LIST"],
                    reason: "the reply held more than \(clientListLimit) clients (\(clientListLimitSource)); stopped reading it"))
            }
        }
        return Sample(snapshot: snapshot, info: parsed)
    }

    static func hasInfo(_ reply: RedisReply) -> Bool {
        guard case .bulk(let bytes) = reply else { return false }
        return !bytes.isEmpty
    }

    /// Secrets never reach a snapshot, a report or a state file: password-like CONFIG
    /// values are replaced. An empty value stays empty, so "no password" is still visible.
    static func redacted(_ reply: RedisReply) -> RedisReply {
        guard case .array(var items) = reply else { return reply }
        var index = 0
        while index + 1 < items.count {
            if let name = items[index].bytes, isSecret(name), let value = items[index + 1].bytes, !value.isEmpty {
                items[index + 1] = .bulk(Array("(redacted)".utf8))
            }
            index += 2
        }
        return .array(items)
    }

    /// Names such as requirepass, masterauth, tls-key-file-pass. Compared on bytes, in
    /// place: `String.contains(String)` goes through generic string processing that cost
    /// more than the rest of a check, and a lowercased copy of each of the 450 names
    /// plus an array per needle cost 0.3 M instructions (both measured with callgrind).
    static func isSecret(_ name: [UInt8]) -> Bool {
        name.withUnsafeBufferPointer { name in
            contains(name, "pass") || contains(name, "auth") || contains(name, "secret")
        }
    }

    /// Whether `haystack`, ASCII-lowercased, contains `needle` (lowercase).
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in
            guard haystack.count >= needle.count else { return false }
            search: for start in 0...(haystack.count - needle.count) {
                for offset in 0..<needle.count where lowercased(haystack[start + offset]) != needle[offset] { continue search }
                return true
            }
            return false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
