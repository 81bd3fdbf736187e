import Testing
import TestSupport
@testable import RedisDoctorCore

/// Bytes biased towards the grammar's punctuation so mutations hit real paths.
private let interesting: [UInt8] = Array("#:=,\r\n []$*+-_0123456789\"\\x".utf8) + [0x00, 0xFF, 0xC3]

private func randomBytes(_ rng: inout SplitMix64, maxCount: Int) -> [UInt8] {
    let count = Int.random(in: 0...maxCount, using: &rng)
    return (0..<count).map { _ in
        Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
    }
}

private func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var bytes = input
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: // truncate
        bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
    case 1: // overwrite a few bytes
        for _ in 0..<Int.random(in: 1...8, using: &rng) where !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] = interesting.randomElement(using: &rng)!
        }
    case 2: // insert random bytes
        let at = Int.random(in: 0...bytes.count, using: &rng)
        bytes.insert(contentsOf: randomBytes(&rng, maxCount: 16), at: at)
    default: // delete a range
        if !bytes.isEmpty {
            let start = Int.random(in: 0..<bytes.count, using: &rng)
            let end = min(bytes.count, start + Int.random(in: 1...64, using: &rng))
            bytes.removeSubrange(start..<end)
        }
    }
    return bytes
}

/// Touches every derived view so their code runs on hostile input too.
private func exercise(_ bytes: [UInt8]) {
    let info = Info(parsing: bytes)
    for field in InfoField.allCases {
        _ = info.number(field)
        _ = info.string(field)
    }
    _ = (info.keyspace, info.replicas, info.errorStats, info.commandStats, info.modules, info.serverIdentity)
    _ = info.serverIdentity.redisVersionAtLeast(7)
    for client in ClientList.parse(bytes) { _ = (client.host, client.port, client.hasFlag("b")) }
    _ = ClusterInfo(parsing: bytes).state
    _ = try? SnapshotFile.decode(bytes)
}

@Test func randomBytesNeverCrashParsers() {
    var rng = SplitMix64(seed: 0xD0C7_0001)
    for _ in 0..<1500 { exercise(randomBytes(&rng, maxCount: 300)) }
}

@Test func mutatedCorpusNeverCrashesParsers() {
    var rng = SplitMix64(seed: 0xD0C7_0002)
    for name in Fixtures.allFiles {
        let original = Fixtures.crlf(name)
        for _ in 0..<6 { exercise(mutate(original, &rng)) }
    }
}

@Test func mutatedSnapshotFilesFailWithLocatedErrors() {
    var rng = SplitMix64(seed: 0xD0C7_0003)
    let snapshot = Snapshot(target: "t", takenAtMicros: 1, exchanges: [
        Exchange(command: ["INFO"], reply: .bulk(Fixtures.crlf("redis-7.2.6-localbuild-info-default.txt")), elapsedMicros: 9),
        Exchange(command: ["SLOWLOG", "GET"], reply: .array([.array([.integer(1), .integer(2), .integer(3), .array([.bulk([0x41])])])])),
    ], skipped: [SkippedCommand(command: ["ROLE"], reason: "r")])
    let encoded = SnapshotFile.encode(snapshot)
    for _ in 0..<800 {
        let bytes = mutate(encoded, &rng)
        do {
            _ = try SnapshotFile.decode(bytes)
        } catch {
            #expect(error.line >= 1 && error.offset >= 0 && error.offset <= bytes.count, "\(error)")
        }
    }
}

private func randomText(_ rng: inout SplitMix64) -> String {
    String(decoding: randomBytes(&rng, maxCount: 12), as: UTF8.self)
}

private func randomReply(_ rng: inout SplitMix64, depth: Int = 0) -> RedisReply {
    switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &rng) {
    case 0: return .status(randomText(&rng))
    case 1: return .error(randomText(&rng))
    case 2: return .integer(Int64.random(in: Int64.min...Int64.max, using: &rng))
    case 3: return .bulk(randomBytes(&rng, maxCount: 20))
    case 4: return .null
    default:
        return .array((0..<Int.random(in: 0...6, using: &rng)).map { _ in randomReply(&rng, depth: depth + 1) })
    }
}

@Test func randomReplyTreesAndSnapshotRoundTrip() throws {
    var rng = SplitMix64(seed: 0xD0C7_0004)
    let commands = [["SLOWLOG", "GET"], ["LATENCY", "LATEST"], ["ROLE"], ["CONFIG", "GET", "*"],
                    ["CLIENT", "LIST"], ["INFO"], ["CLUSTER", "INFO"], ["PING"]]
    for _ in 0..<400 {
        let reply = randomReply(&rng)
        _ = SlowlogEntry.parse(reply)
        _ = LatencyEvent.parse(reply)
        _ = RoleInfo(reply: reply)
        _ = ConfigValues(reply: reply)
        var exchanges: [Exchange] = []
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            var command = commands.randomElement(using: &rng)!
            if Bool.random(using: &rng) { command.append(randomText(&rng)) }
            let elapsed: Int64? = Bool.random(using: &rng) ? Int64.random(in: 0...1_000_000, using: &rng) : nil
            exchanges.append(Exchange(command: command, reply: randomReply(&rng), elapsedMicros: elapsed))
        }
        let snapshot = Snapshot(
            target: randomText(&rng),
            takenAtMicros: Bool.random(using: &rng) ? Int64.random(in: Int64.min...Int64.max, using: &rng) : nil,
            exchanges: exchanges,
            skipped: Bool.random(using: &rng) ? [SkippedCommand(command: [randomText(&rng)], reason: randomText(&rng))] : [])
        _ = ParsedSnapshot(snapshot).serverTimeSeconds
        let decoded = try SnapshotFile.decode(SnapshotFile.encode(snapshot))
        #expect(decoded == snapshot)
    }
}

/// Cheap linearity check: output grows in proportion to input (no
/// accidental re-scans that would show up as dropped or duplicated work).
@Test func outputScalesLinearly() {
    let line = Fixtures.bytes("redis-7.2.6-localbuild-clientlist.txt")
    let big = Array(repeating: line, count: 200).flatMap { $0 }
    #expect(ClientList.parse(big).count == 200 * ClientList.parse(line).count)
    let info = Fixtures.crlf("redis-7.2.6-localbuild-info-all.txt")
    let one = Info(parsing: info).entries.count
    #expect(Info(parsing: Array(repeating: info, count: 50).flatMap { $0 }).entries.count == 50 * one)
    // A 1 MB line without a newline, and 1 MB of newlines, finish (single pass each).
    #expect(Info(parsing: [UInt8](repeating: 0x41, count: 1 << 20)).sections.first?.unparsedLines.count == 1)
    #expect(Info(parsing: [UInt8](repeating: 0x0A, count: 1 << 20)).sections.isEmpty)
    #expect(ClientList.parse([UInt8](repeating: 0x20, count: 1 << 20)).isEmpty)
}
