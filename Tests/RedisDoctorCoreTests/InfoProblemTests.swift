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
