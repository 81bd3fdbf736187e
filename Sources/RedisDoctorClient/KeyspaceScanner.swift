import RedisDoctorCore

/// Walks the keyspace with SCAN under a wall-time budget and a commands-per-second cap:
/// per batch, TYPE (and PTTL with the forecast) for every key, then MEMORY USAGE ... SAMPLES 5
/// and the type's O(1) length command. Never KEYS, never a command that reads a whole value.
/// The cursor advances only when a batch completes, so a resumed scan misses nothing.
public struct KeyspaceScanner {
    public var target: ConnectionTarget
    /// -t: bounds each round trip.
    public var timeout: Double
    public var canceller: Canceller
    public var ttl: Bool

    public init(target: ConnectionTarget, timeout: Double, canceller: Canceller, ttl: Bool) {
        self.target = target
        self.timeout = timeout
        self.canceller = canceller
        self.ttl = ttl
    }

    /// Keys per SCAN: about a tenth of a second of the rate cap (4 commands a key), 1000 uncapped.
    static func batchSize(rate: Double) -> Int {
        rate == 0 ? 1000 : max(10, min(1000, Int(rate / 40)))
    }

    public func scan(_ report: inout KeyspaceReport, over link: Connection) {
        var pacer = RunPacer(seconds: report.budget, rate: report.rate, timeout: timeout, canceller: canceller)
        let spent = "the budget of \(HumanFormat.number(report.budget)) s is spent"
        var sendMemory = true
        do throws(ConnectionError) {
            let start = try link.pipeline([["DBSIZE"], ["TIME"]], deadline: pacer.roundTrip)
            report.commands += 2
            report.dbsize = start[0].integer
            // The server's clock in ms at the start, carried forward on the monotonic clock.
            let serverStartMs = start[1].timeMilliseconds ?? WallClock.nowMicros() / 1000
            if ttl { report.forecast = ExpiryForecast(startSecond: serverStartMs / 1000) }
            let monotonicStart = MonotonicClock.now()
            let batchSize = Self.batchSize(rate: report.rate)
            let count = String(batchSize)
            while true {
                if let stop = pacer.waitForTurn() {
                    report.stoppedBy = stop == .interrupted ? "interrupted (Ctrl-C)" : spent
                    break
                }
                let batchStart = pacer.elapsed
                let commandsBefore = report.commands
                let scan = try link.send(["SCAN", report.cursor, "COUNT", count], deadline: pacer.roundTrip)
                report.commands += 1
                if let message = scan.errorMessage {
                    report.refusal = "SCAN: \(message)"
                    break
                }
                guard let (next, keys) = Self.scanReply(scan, count: batchSize) else {
                    report.refusal = "SCAN answered with something that is not a cursor and at most \(batchSize * 10) keys"
                    break
                }
                defer { pacer.charge(report.commands - commandsBefore, startedAt: batchStart) }
                if !keys.isEmpty {
                    var first = CommandBatch()
                    for key in keys {
                        first.append(Words.type, key: key)
                        if ttl { first.append(Words.pttl, key: key) }
                    }
                    let typed = try link.pipeline(first, stage: "TYPE", deadline: pacer.roundTrip)
                    let nowMs = serverStartMs.saturatingAdd(Int64((MonotonicClock.now() - monotonicStart) / 1_000_000))
                    report.commands += first.count
                    var second = CommandBatch()
                    var pending: [(key: [UInt8], type: String, memory: Bool, length: Bool)] = []
                    let stride = ttl ? 2 : 1
                    for (i, key) in keys.enumerated() {
                        let typeReply = typed[i * stride]
                        if let message = typeReply.errorMessage {
                            report.keysRefused += 1
                            if report.keyRefusal == nil { report.keyRefusal = "TYPE: \(message)" }
                            continue
                        }
                        guard let type = typeReply.text.map(KeyObservation.typeName), type != "none" else { report.vanished += 1; continue }
                        if ttl {
                            let reply = typed[i * stride + 1]
                            if let pttl = reply.integer { report.forecast?.record(key: key, pttl: pttl, nowMs: nowMs) }
                            else {
                                report.ttlRefused += 1
                                if report.ttlRefusal == nil { report.ttlRefusal = "PTTL: " + (reply.errorMessage ?? "not an integer") }
                            }
                        }
                        let lengthCommand = Words.length[type]
                        if sendMemory { second.append(Words.memory, key: Words.usage, [key, Words.samples, Words.five]) }
                        if let lengthCommand { second.append(lengthCommand, key: key) }
                        pending.append((key, type, sendMemory, lengthCommand != nil))
                    }
                    let sized = second.count == 0 ? [] : try link.pipeline(second, stage: "MEMORY USAGE", deadline: pacer.roundTrip)
                    report.commands += second.count
                    var at = 0
                    for item in pending {
                        var memory: Int64?
                        var length: Int64?
                        if item.memory {
                            let reply = sized[at]
                            at += 1
                            if let message = reply.errorMessage, report.memoryRefusal == nil, !message.hasPrefix("NOPERM No permissions to access a key") {
                                report.memoryRefusal = message
                                sendMemory = false
                            }
                            memory = reply.integer
                        }
                        if item.length {
                            length = sized[at].integer
                            at += 1
                        }
                        report.add(KeyObservation(key: item.key, type: item.type, memory: memory, length: length))
                    }
                }
                report.cursor = next
                if next == "0" {
                    report.complete = true
                    break
                }
            }
        } catch {
            if case .cancelled = error { report.stoppedBy = "interrupted (Ctrl-C)" }
            else if pacer.budget.hasPassed { report.stoppedBy = spent }
            else { report.stoppedBy = error.message(target: target.description) }
        }
        report.elapsed = pacer.elapsed
    }

    /// The forecast sample of `check --set expire-storm.forecast=on`, as raw exchanges: DBSIZE,
    /// then per SCAN batch the server's TIME and each key's PTTL, for `budget` seconds at
    /// most `rate` commands a second. A refusal ends it (its reply is kept: the rule says so).
    public func sampleExpiries(over link: Connection, budget seconds: Double, rate: Double) -> [Exchange] {
        var exchanges: [Exchange] = []
        var pacer = RunPacer(seconds: seconds, rate: rate, timeout: timeout, canceller: canceller)
        let batchSize = Self.batchSize(rate: rate)
        var cursor = "0"
        do throws(ConnectionError) {
            // DBSIZE and the clock first: an empty keyspace is a sample too (nothing expires).
            let start = try link.pipeline([["DBSIZE"], ["TIME"]], deadline: pacer.roundTrip)
            exchanges.append(Exchange(command: ["DBSIZE"], reply: start[0]))
            exchanges.append(Exchange(command: ["TIME"], reply: start[1]))
            pacer.charge(2, startedAt: 0)
            while pacer.waitForTurn() == nil {
                let batchStart = pacer.elapsed
                let scanCommand = ["SCAN", cursor, "COUNT", String(batchSize)]
                let scan = try link.send(scanCommand, deadline: pacer.roundTrip)
                guard let (next, keys) = Self.scanReply(scan, count: batchSize) else {
                    exchanges.append(Exchange(command: scanCommand, reply: scan.isError ? scan : .error("SCAN answered with something that is not a cursor and keys")))
                    break
                }
                pacer.charge(keys.count + 2, startedAt: batchStart)
                if !keys.isEmpty {
                    var batch = CommandBatch()
                    batch.append(Words.time)
                    for key in keys { batch.append(Words.pttl, key: key) }
                    let replies = try link.pipeline(batch, stage: "PTTL", deadline: pacer.roundTrip)
                    exchanges.append(Exchange(command: ["TIME"], reply: replies[0]))
                    for (key, reply) in zip(keys, replies.dropFirst()) {
                        exchanges.append(Exchange(command: ["PTTL", String(decoding: key, as: UTF8.self)], reply: reply))
                    }
                    if replies.dropFirst().contains(where: \.isError) { break }
                }
                cursor = next
                if next == "0" { break }
            }
        } catch {
            // Out of time or cut off: what was read stands, and the check goes on.
        }
        return exchanges
    }

    /// SCAN's reply: a decimal cursor and at most ten times COUNT keys (Redis may return a
    /// few more than COUNT; a reply far beyond it would break the rate cap and the memory bound).
    static func scanReply(_ reply: RedisReply, count: Int) -> (cursor: String, keys: [[UInt8]])? {
        guard let parts = reply.array, parts.count == 2, let cursor = parts[0].text, KeyspaceReport.isCursor(cursor),
              let items = parts[1].array, items.count <= count * 10 else { return nil }
        let keys = items.compactMap(\.bytes)
        return keys.count == items.count ? (cursor, keys) : nil
    }
}

/// The command words `keyspace` sends, as bytes made once.
private enum Words {
    static let type = Array("TYPE".utf8)
    static let pttl = Array("PTTL".utf8)
    static let time = Array("TIME".utf8)
    static let memory = Array("MEMORY".utf8)
    static let usage = Array("USAGE".utf8)
    static let samples = Array("SAMPLES".utf8)
    static let five = Array("5".utf8)
    static let length: [String: [UInt8]] = KeyObservation.lengthCommands.mapValues { Array($0.command.utf8) }
}
