import Foundation
import Testing
import TestSupport

/// The live-triage commands against small servers on 127.0.0.1 that refuse or answer
/// with the wrong kind of reply: nothing they could not see is reported OK.
struct LiveTriageFailClosedTests {
    static func run(_ answers: [String: FaultServer.FaultAnswer], _ arguments: [String]) throws -> CommandRun {
        let server = try FaultServer(.scripted(["CLIENT SETNAME": .text("+OK\r\n")].merging(answers) { $1 }))
        defer { server.stop() }
        return try CommandRun.run(["-p", String(server.port), "-t", "1"] + arguments)
    }

    @Test(arguments: [("-NOPERM this user has no permissions to run the 'ping' command\r\n", "NOPERM this user has no permissions"),
                      (":5\r\n", "PING answered with an integer (5)")])
    func latencyWithoutPongIsUnknown(_ reply: String, _ words: String) throws {
        let run = try Self.run(["PING": .text(reply)], ["latency", "--duration", "0.5"])
        #expect(run.exitCode == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("verdict: UNKNOWN (no PING was answered with PONG: \(words)"), "\(run.stdout)")
    }

    @Test(arguments: [("-NOPERM this user has no permissions to run the 'info' command\r\n", "INFO refused: NOPERM"),
                      (":5\r\n", "INFO answered with an integer (5)")])
    func watchWithoutInfoIsUnknown(_ reply: String, _ words: String) throws {
        let run = try Self.run(["PING": .text("+PONG\r\n"), "INFO": .text(reply)], ["watch", "--count", "2", "--interval", "0.2"])
        #expect(run.exitCode == 3, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains(" \(words)") && !$0.contains("rules=OK") }, "\(run.stdout)")
    }

    @Test func keyspaceWithScanRefusedIsUnknown() throws {
        let run = try Self.run(["DBSIZE": .text(":10\r\n"), "TIME": .text("*2\r\n$10\r\n1763800000\r\n$1\r\n0\r\n"),
                                "SCAN": .text("-NOPERM this user has no permissions to run the 'scan' command\r\n")], ["keyspace", "--budget", "1"])
        #expect(run.exitCode == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("refused: SCAN: NOPERM"), "\(run.stdout)")
        #expect(run.stdout.contains("verdict: UNKNOWN"), "\(run.stdout)")
    }

    /// A wrong password is a check that could not see: UNKNOWN (3), the server's words, no echo.
    @Test(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
    func aWrongPasswordIsUnknownForEach() throws {
        let server = try RedisServerProcess(["--requirepass", "right-pw"])
        defer { server.stop() }
        for arguments in [["latency", "--duration", "0.5"], ["keyspace", "--budget", "0.5"], ["watch", "--count", "1"]] {
            let run = try CommandRun.run(["-p", String(server.port)] + arguments, environment: ["REDISCLI_AUTH": "wrong-pw"])
            #expect(run.exitCode == 3, "\(arguments): \(run.stdout)\(run.stderr)")
            #expect((run.stdout + run.stderr).contains("WRONGPASS"), "\(arguments)")
            #expect(!(run.stdout + run.stderr).contains("wrong-pw"))
        }
    }
}
