import Testing
import TestSupport
@testable import RedisDoctorCore

/// A check that can read no INFO is a check-level error, never "OK, 21 skipped".
struct InfoProblemTests {
    static func report(_ reply: RedisReply, origin: InfoProblem.Origin = .server) -> CheckReport {
        let snapshot = Snapshot(target: "t", exchanges: [
            Exchange(command: ["PING"], reply: .status("PONG")),
            Exchange(command: ["INFO", "everything"], reply: reply),
        ])
        return CheckReport.evaluate(current: snapshot, origin: origin)
    }

    @Test(arguments: [
        ("NOAUTH Authentication required.", CheckError.Kind.authentication, Status.unknown, "give --user/-a or REDISCLI_AUTH"),
        ("NOPERM this user has no permissions to run the 'info' command", .permission, .unknown, "needs +info"),
        ("ERR unknown command 'INFO', with args beginning with: ", .commandRefused, .unknown, "rename-command"),
        ("BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.", .serverBusy, .critical, "not serving"),
        ("LOADING Redis is loading the dataset in memory", .serverLoading, .critical, "LOADING Redis is loading"),
        ("ERR something else entirely", .commandRefused, .unknown, "something else entirely"),
    ])
    func refusedInfoIsAnErrorWithTheServersWords(_ message: String, _ kind: CheckError.Kind, _ status: Status, _ phrase: String) {
        let report = Self.report(.error(message))
        #expect(report.error?.kind == kind)
        #expect(report.status == status)
        #expect(report.results.isEmpty, "no rule runs on nothing")
        #expect(report.error?.message.contains(phrase) == true, "\(report.error?.message ?? "")")
        #expect(report.error?.message.contains(String(message.prefix(20))) == true, "the server's own words")
        #expect(PrometheusRenderer().render(report).contains("redis_doctor_up{target=\"t\"} 0"))
    }

    @Test(arguments: [RedisReply.integer(5), .status("OK"), .null, .array([.bulk([65])]), .bulk([])])
    func aReplyThatIsNotInfoIsUnknown(_ reply: RedisReply) {
        let report = Self.report(reply)
        #expect(report.status == .unknown)
        #expect(report.error?.kind == .protocolError)
        #expect(NagiosRenderer().render(report).hasPrefix("REDIS UNKNOWN - INFO answered"))
    }

    @Test func garbageFromAFileIsALocalError() {
        var random = SplitMix64(seed: 42)
        let bytes = (0..<3000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let snapshot = Snapshot.fromInfoText(bytes, source: "r.bin")
        let report = CheckReport.evaluate(current: snapshot, origin: .file("r.bin"))
        #expect(report.error?.kind == .local)
        #expect(report.error?.message == "r.bin holds no INFO: none of its 3000 bytes is an INFO field redis-doctor knows (paste the output of redis-cli INFO)")
        let empty = CheckReport.evaluate(current: Snapshot.fromInfoText([], source: "e"), origin: .file("e"))
        #expect(empty.error?.message.contains("it is empty") == true)
        #expect(empty.exitCode == 3)
    }

    /// The criterion must not turn a real server's INFO into an error: every capture with
    /// the server section passes; captures of one other section (Keyspace, Modules) or of
    /// an unknown section (empty) hold nothing the rules read, and are refused.
    @Test func corpusCapturesAreJudgedByWhatTheyHold() {
        let infos = Fixtures.allFiles.filter { Fixtures.kind(of: $0) == .info }
        var full = 0
        for name in infos {
            let bytes = Fixtures.bytes(name)
            let text = String(decoding: bytes, as: UTF8.self)
            let problem = ParsedSnapshot(Snapshot.fromInfoText(bytes, source: name)).infoProblem
            if text.hasPrefix("redis_version:") || text.contains("\nredis_version:") {
                full += 1
                #expect(problem == nil, "\(name)")
            } else {
                #expect(problem == nil || problem == .noFields(byteCount: bytes.count), "\(name)")
            }
        }
        #expect(full > 60)
    }

    /// The first refusal on a 2.4 server (INFO everything) does not hide INFO that answered later.
    @Test func aFallbackThatAnswersWins() {
        let snapshot = Snapshot(target: "t", exchanges: [
            Exchange(command: ["INFO", "everything"], reply: .error("ERR wrong number of arguments for 'info' command")),
            Exchange(command: ["INFO"], reply: .bulk(Array("redis_version:2.4.18\r\nuptime_in_seconds:5\r\n".utf8))),
        ])
        #expect(CheckReport.evaluate(current: snapshot).error == nil)
    }
}

/// Hostile shapes that fit the reply budget still cost little once parsed.
struct HostileShapeTests {
    @Test func longValuesSplitIntoFewItems() {
        let value = String(repeating: "a,", count: 1_000_000)
        #expect(InfoPairs(parsing: value).positional.count == InfoPairs.maximumItems)
        var config = ConfigValues()
        config.merge(.array([.bulk(Array("save".utf8)), .bulk(Array(String(repeating: "1 ", count: 100_000).utf8))]))
        #expect(config["save"]?.utf8.count == ConfigValues.maximumValueBytes)
        let many = (0..<20_000).flatMap { [RedisReply.bulk(Array("k\($0)".utf8)), .bulk([65])] }
        config.merge(.array(many))
        #expect(config.items.count == ConfigValues.maximumItems)
    }

    @Test func denseClientListsAreCapped() {
        let dense = Array(String(repeating: "a=\n", count: ClientList.maximumEntries + 1000).utf8)
        #expect(ClientList.parse(dense).count == ClientList.maximumEntries)
    }

    @Test func secretsInTheSlowlogAreHidden() throws {
        let reply = RedisReply.array([.integer(7), .integer(1_700_000_000), .integer(20_000),
                                      .array([.bulk(Array("CONFIG".utf8)), .bulk(Array("SET".utf8)), .bulk(Array("requirepass".utf8)), .bulk(Array("s3cret".utf8))])])
        let entry = try #require(SlowlogEntry(reply: reply))
        let text = SlowCommandsRule.command(entry)
        #expect(!text.contains("s3cret"))
        #expect(text.contains("arguments hidden"))
    }

    @Test func handshakeErrorsAreClassifiedByTheirCode() {
        #expect(CheckError.serverRefusal("BUSY Redis is busy running a script.", command: "SELECT").status == .critical)
        #expect(CheckError.serverRefusal("LOADING Redis is loading", command: "AUTH").kind == .serverLoading)
        #expect(CheckError.serverRefusal("WRONGPASS invalid username-password pair", command: "AUTH").kind == .authentication)
        #expect(CheckError.serverRefusal("ERR DB index is out of range", command: "SELECT").kind == .commandRefused)
    }

    @Test func c1ControlsAreEscapedButTextIsNot() {
        let bytes: [UInt8] = [0x61, 0xC2, 0x9B, 0x32, 0x4A, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0x0A]
        #expect(ReplyFormatter.terminalSafe(bytes) == Array("a\\xc2\\x9b2Jé€\n".utf8))
    }

    @Test func serverTextInTheClientsTableIsEscaped() {
        let list = (0..<3).map { "id=\($0) addr=\u{1b}]2;x\u{07}:\($0) fd=8 name=w age=9000 idle=9000 flags=N db=0 cmd=get\n" }.joined()
        let groups = ClientGroups(ClientList.parse(list), options: ClientGroupOptions(idleThresholdSeconds: 1))
        let table = ClientGroupsTable.render(groups: groups.groups, summary: groups.summary)
        #expect(!table.contains("\u{1b}") && !table.contains("\u{07}"), "\(table)")
        let kills = ClientGroupsTable.killCommands(for: groups.groups)
        #expect(!kills.joined().contains("\u{1b}"))
    }
}

struct ConfigNilTests {
    /// Redis 2.4 answers an unset requirepass with nil: kept as unset, so open-access judges.
    @Test func nilConfigValuesAreUnset() {
        let config = ConfigValues(reply: .array([.bulk(Array("requirepass".utf8)), .null, .bulk(Array("bind".utf8)), .bulk(Array("0.0.0.0".utf8))]))
        #expect(config["requirepass"] == "")
        let snapshot = Snapshot(target: "t", exchanges: [
            Exchange(command: ["INFO"], reply: .bulk(Array("redis_version:2.4.18\r\nuptime_in_seconds:9\r\n".utf8))),
            Exchange(command: ["CONFIG", "GET", "*"], reply: .array([.bulk(Array("requirepass".utf8)), .null, .bulk(Array("bind".utf8)), .bulk(Array("0.0.0.0".utf8))])),
        ])
        let report = CheckReport.evaluate(current: snapshot)
        #expect(report.results.first { $0.ruleID == "open-access" }?.status == .warning)
    }
}

struct StaleConnectionsSummaryTests {
    /// Fired on a source's share of maxclients: the summary names it, not "0 stale in 0 groups".
    @Test func theSummaryNamesWhatFired() {
        func lines(_ count: Int, name: String, from: Int) -> String {
            (0..<count).map { "id=\(from + $0) addr=127.0.0.1:\(40000 + from + $0) fd=9 name=\(name) age=60 idle=0 flags=N db=0 cmd=get\n" }.joined()
        }
        let list = lines(200, name: "worker-old", from: 0) + lines(22, name: "web", from: 1000)
        let snapshot = Snapshot(target: "t", exchanges: [
            Exchange(command: ["INFO"], reply: .bulk(Array("redis_version:7.0.15\r\nconnected_clients:222\r\nmaxclients:250\r\n".utf8))),
            Exchange(command: ["CLIENT", "LIST"], reply: .bulk(Array(list.utf8))),
        ])
        let report = CheckReport.evaluate(current: snapshot)
        let result = report.results.first { $0.ruleID == "stale-connections" }
        #expect(result?.status == .warning)
        #expect(result?.summary == "127.0.0.1 holds 222 of 250 client slots (88.8%), 200 named worker-old", "\(result?.summary ?? "")")
        #expect(result?.advice.contains { $0.hasPrefix("redis-doctor clients") } == true)
    }
}
