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
        let budget = Deadline(seconds: report.budget)
        func roundTrip() -> Deadline { Deadline(seconds: min(timeout, Double(budget.remainingMilliseconds) / 1000)) }
        var sendMemory = true
        do throws(ConnectionError) {
            let start = try link.pipeline([["DBSIZE"], ["TIME"]], deadline: roundTrip())
            report.commands += 2
            report.dbsize = start[0].integer
            if ttl {
                let seconds = Self.milliseconds(start[1]).map { $0 / 1000 }
                report.forecast = ExpiryForecast(startSecond: seconds ?? WallClock.nowMicros() / 1_000_000)
            }
            // The server's clock in ms at the start, carried forward on the monotonic clock.
            let serverStartMs = Self.milliseconds(start[1]) ?? WallClock.nowMicros() / 1000
            let monotonicStart = MonotonicClock.now()
            let count = String(Self.batchSize(rate: report.rate))
            while true {
                if canceller.wasCancelled { report.stoppedBy = "interrupted (Ctrl-C)"; break }
                if budget.hasPassed { report.stoppedBy = "the budget of \(HumanFormat.number(report.budget)) s is spent"; break }
                guard pace(report, budget: budget) else { report.stoppedBy = report.stoppedBy ?? "the budget of \(HumanFormat.number(report.budget)) s is spent"; break }
                let scan = try link.send(["SCAN", report.cursor, "COUNT", count], deadline: roundTrip())
                report.commands += 1
                if let message = scan.errorMessage {
                    report.refusal = "SCAN: \(message)"
                    break
                }
                guard let parts = scan.array, parts.count == 2, let next = parts[0].text, let keys = parts[1].array?.compactMap(\.bytes) else {
                    report.refusal = "SCAN answered with something that is not a cursor and keys"
                    break
                }
                if !keys.isEmpty {
                    var first = CommandBatch()
                    for key in keys {
                        first.append(Words.type, key: key)
                        if ttl { first.append(Words.pttl, key: key) }
                    }
                    let typed = try link.pipeline(first, stage: ttl ? "TYPE, PTTL" : "TYPE", deadline: roundTrip())
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
                        guard let type = typeReply.text, type != "none" else { report.vanished += 1; continue }
                        if ttl, let pttl = typed[i * stride + 1].integer { report.forecast?.record(key: key, pttl: pttl, nowMs: nowMs) }
                        let lengthCommand = Words.length[type]
                        if sendMemory { second.append(Words.memory, key: Words.usage, [key, Words.samples, Words.five]) }
                        if let lengthCommand { second.append(lengthCommand, key: key) }
                        pending.append((key, type, sendMemory, lengthCommand != nil))
                    }
                    let sized = second.count == 0 ? [] : try link.pipeline(second, stage: "MEMORY USAGE", deadline: roundTrip())
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
            else if budget.hasPassed { report.stoppedBy = "the budget of \(HumanFormat.number(report.budget)) s is spent" }
            else { report.stoppedBy = error.message(target: target.description) }
        }
        report.elapsed = budget.elapsedSeconds
    }

    /// The forecast sample of `check --set expire-storm.forecast=on`, as raw exchanges: DBSIZE,
    /// then per SCAN batch the server's TIME and each key's PTTL, for `budget` seconds at
    /// most `rate` commands a second. A refusal ends it (its reply is kept: the rule says so).
    public func sampleExpiries(over link: Connection, budget seconds: Double, rate: Double) -> [Exchange] {
        var exchanges: [Exchange] = []
        var pacing = KeyspaceReport(target: "", budget: seconds, rate: rate, top: 1, cursor: "0")
        let budget = Deadline(seconds: seconds)
        func roundTrip() -> Deadline { Deadline(seconds: min(timeout, Double(budget.remainingMilliseconds) / 1000)) }
        let count = String(Self.batchSize(rate: rate))
        do throws(ConnectionError) {
            exchanges.append(Exchange(command: ["DBSIZE"], reply: try link.send(["DBSIZE"], deadline: roundTrip())))
            pacing.commands += 1
            while !budget.hasPassed, pace(pacing, budget: budget), !canceller.wasCancelled {
                let scan = try link.send(["SCAN", pacing.cursor, "COUNT", count], deadline: roundTrip())
                pacing.commands += 1
                guard let parts = scan.array, parts.count == 2, let next = parts[0].text, let keys = parts[1].array?.compactMap(\.bytes) else {
                    exchanges.append(Exchange(command: ["PTTL"], reply: scan.isError ? scan : .error("SCAN answered with something that is not a cursor and keys")))
                    break
                }
                if !keys.isEmpty {
                    var batch = CommandBatch()
                    batch.append(Words.time)
                    for key in keys { batch.append(Words.pttl, key: key) }
                    let replies = try link.pipeline(batch, stage: "PTTL", deadline: roundTrip())
                    pacing.commands += batch.count
                    exchanges.append(Exchange(command: ["TIME"], reply: replies[0]))
                    for (key, reply) in zip(keys, replies.dropFirst()) {
                        exchanges.append(Exchange(command: ["PTTL", String(decoding: key, as: UTF8.self)], reply: reply))
                    }
                    if replies.dropFirst().contains(where: \.isError) { break }
                }
                pacing.cursor = next
                if next == "0" { break }
            }
        } catch {
            // Out of time or cut off: what was read stands, and the check goes on.
        }
        return exchanges
    }

    /// Waits until the commands sent so far fit the rate cap; false when the budget ends first.
    private func pace(_ report: KeyspaceReport, budget: Deadline) -> Bool {
        guard report.rate > 0 else { return true }
        let due = Double(report.commands) / report.rate - budget.elapsedSeconds
        guard due > 0 else { return true }
        let left = Double(budget.remainingMilliseconds) / 1000
        if due >= left {
            if canceller.sleep(seconds: left) { canceller.cancel() }
            return false
        }
        // An interrupt while waiting stays pending for the loop to see.
        if canceller.sleep(seconds: due) { canceller.cancel() }
        return true
    }

    /// TIME's reply in milliseconds.
    static func milliseconds(_ reply: RedisReply) -> Int64? {
        guard let parts = reply.array, parts.count == 2, let s = parts[0].text.flatMap({ Int64($0) }),
              let us = parts[1].text.flatMap({ Int64($0) }) else { return nil }
        return Int64.milliseconds(seconds: s, micros: us)
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
