import Testing
@testable import RedisDoctorCore

private func sample() -> Snapshot {
    Snapshot(
        target: "127.0.0.1:6379/0",
        takenAtMicros: 1_795_342_236_123_456,
        exchanges: [
            Exchange(command: ["PING"], reply: .status("PONG"), elapsedMicros: 87),
            Exchange(command: ["INFO", "all"], reply: .bulk(Fixtures.crlf("redis-7.2.6-localbuild-info-all.txt")), elapsedMicros: 412),
            Exchange(command: ["CLIENT", "LIST"], reply: .bulk(Fixtures.bytes("redis-7.2.6-localbuild-clientlist.txt"))),
            Exchange(command: ["CONFIG", "GET", "maxmemory"], reply: .error("NOPERM this user has no permissions")),
            Exchange(command: ["SLOWLOG", "GET", "128"], reply: .array([
                .array([.integer(3), .integer(1_795_342_000), .integer(12_000),
                        .array([.bulk(Array("DEBUG".utf8)), .bulk(Array("SLEEP".utf8)), .bulk(Array("0.012".utf8))]),
                        .bulk(Array("127.0.0.1:50000".utf8)), .bulk([])]),
            ])),
            Exchange(command: ["ECHO", "two words", "", "tab\there", "quote\"back\\slash", "é"], reply: .null),
            Exchange(command: ["DBSIZE"], reply: .integer(-42)),
            Exchange(command: ["X"], reply: .status(" \"leading quote and blank\r\n")),
            Exchange(command: ["Y"], reply: .array([])),
        ],
        skipped: [SkippedCommand(command: ["LATENCY", "LATEST"], reason: "server older than 2.8.13")])
}

@Test func snapshotRoundTrip() throws {
    let snapshot = sample()
    let encoded = SnapshotFile.encode(snapshot)
    #expect(try SnapshotFile.decode(encoded) == snapshot)
    // CRLF inside INFO survives byte-exact.
    let text = String(decoding: encoded, as: UTF8.self)
    #expect(text.hasPrefix("redis-doctor-snapshot 1\ntarget: 127.0.0.1:6379/0\ntaken-at-usec: 1795342236123456\n"))
    #expect(text.contains("\n>>> ECHO \"two words\" \"\" \"tab\\there\" \"quote\\\"back\\\\slash\" \"é\"\n_\n"))
    #expect(text.contains("\n!!! LATENCY LATEST\nreason: server older than 2.8.13\n"))
    #expect(text.contains("\n>>> PING\nelapsed-usec: 87\n+PONG\n"))
}

@Test func snapshotDecodeToleratesCommentsAndCRLF() throws {
    let text = "redis-doctor-snapshot 1\r\ntarget: host:1\r\n# a note\r\n\r\n>>> PING\r\n+PONG\r\n"
    let snapshot = try SnapshotFile.decode(Array(text.utf8))
    #expect(snapshot.target == "host:1")
    #expect(snapshot.exchanges == [Exchange(command: ["PING"], reply: .status("PONG"))])
}

@Test(arguments: [
    ("", 1, "empty file"),
    ("hello\n", 1, "not a redis-doctor snapshot"),
    ("redis-doctor-snapshot 9\n", 1, "unsupported snapshot version"),
    ("redis-doctor-snapshot 1\ntarget: x\n\n>>> INFO\n$10\nabc\n", 5, "only 4 remain"),
    ("redis-doctor-snapshot 1\ntarget: x\n>>> INFO\n$3\nabcd\n", 5, "followed by a newline"),
    ("redis-doctor-snapshot 1\ntarget: x\n>>> INFO\n?what\n", 4, "unknown reply type"),
    ("redis-doctor-snapshot 1\ntarget: x\n>>> A\n*2\n:12345\n", 6, "unexpected end of file"),
    ("redis-doctor-snapshot 1\ntarget: x\n>>> A\n*2\n:1\n", 4, "plausible element count"),
    ("redis-doctor-snapshot 1\ntarget: x\n>>> A\n:12x\n", 4, "integer reply"),
    ("redis-doctor-snapshot 1\ntarget: x\n>>> \"A\n:1\n", 3, "unterminated"),
    ("redis-doctor-snapshot 1\ntarget: x\n!!! A\n+oops\n", 4, "reason"),
    ("redis-doctor-snapshot 1\ntaken-at-usec: soon\n", 2, "taken-at-usec"),
    ("redis-doctor-snapshot 1\ntarget: x\n+PONG\n", 3, "header line"),
    ("redis-doctor-snapshot 1\ntarget: x\n>>> A\n:1\n+PONG\n", 5, "expected '>>> command'"),
])
func snapshotDecodeErrorsSayWhere(_ text: String, _ line: Int, _ fragment: String) {
    do {
        _ = try SnapshotFile.decode(Array(text.utf8))
        Issue.record("decoded invalid input: \(text)")
    } catch {
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(fragment), "\(error)")
        #expect(error.description.hasPrefix("snapshot line \(line) (byte "))
    }
}

@Test func fromInfoTextWrapsInfo() {
    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    bytes += Fixtures.bytes("redis-6.2.16-localbuild-info-default.txt")
    let snapshot = Snapshot.fromInfoText(bytes, source: "file:paste.txt")
    #expect(snapshot.target == "file:paste.txt")
    let parsed = ParsedSnapshot(snapshot)
    #expect(parsed.info.string(.version) == "6.2.16")
    #expect(parsed.status(of: "INFO") == .answered)
    #expect(parsed.status(of: "CLIENT LIST") == .notSent)
}

/// The example in Docs/snapshot-format.md must stay a valid snapshot.
@Test func documentedExampleDecodes() throws {
    let url = Fixtures.corpusDirectory.appendingPathComponent("../../../../Docs/snapshot-format.md").standardized
    let doc = String(decoding: Fixtures.read(url), as: UTF8.self)
    let start = try #require(doc.range(of: "```text\n"))
    let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
    let snapshot = try SnapshotFile.decode(Array(doc[start.upperBound..<end.lowerBound].utf8))
    #expect(snapshot.exchanges.count == 6 && snapshot.skipped.count == 1)
    let parsed = ParsedSnapshot(snapshot)
    #expect(parsed.serverTimeSeconds == 1_795_342_874.000123)
    #expect(parsed.clients?.first?.name == "capture-main")
    #expect(parsed.slowlog?.first?.args == ["DEBUG", "SLEEP", "0.012"])
    #expect(parsed.status(of: "CONFIG GET").explanation(for: "CONFIG GET")
        == "CONFIG GET refused: NOPERM User alice has no permissions to run the 'config|get' command")
    #expect(snapshot.exchanges[5].command == ["CLIENT", "SETNAME", "two words"])
    #expect(SnapshotFile.encode(snapshot) == Array(doc[start.upperBound..<end.lowerBound].utf8))
}
