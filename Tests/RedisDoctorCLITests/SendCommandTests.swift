import Testing
import TestSupport

@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct SendCommandTests {
    @Test func pingPrintsPong() throws {
        let server = try RedisServerProcess()
        let run = try CommandRun.run(["-p", String(server.port), "send", "PING"])
        #expect(run.exitCode == 0)
        #expect(run.stdout == "PONG\n")
    }

    @Test func infoPrintsTheTextAndHashesPrintAsRedisCliDoes() throws {
        let server = try RedisServerProcess()
        let info = try CommandRun.run(["-p", String(server.port), "send", "INFO", "server"])
        #expect(info.exitCode == 0)
        #expect(info.stdout.hasPrefix("# Server\r\nredis_version:"))
        server.call("HSET h a 1 b 2")
        let hash = try CommandRun.run(["-p", String(server.port), "send", "HGETALL", "h"])
        #expect(hash.stdout == "a\n1\nb\n2\n")
        let socket = try CommandRun.run(["-s", server.unixSocket, "-n", "3", "send", "CLIENT", "INFO"])
        #expect(socket.stdout.contains(" db=3 "))
    }

    @Test func errorReplyExitsOne() throws {
        let server = try RedisServerProcess()
        let run = try CommandRun.run(["-p", String(server.port), "send", "NOSUCHCOMMAND"])
        #expect(run.exitCode == 1)
        #expect(run.stdout.hasPrefix("ERR unknown command"))
    }

    @Test func frozenServerExitsTwoWithinTheDeadlineAndNamesTheStage() throws {
        let server = try RedisServerProcess()
        server.freeze()
        defer { server.thaw() }
        let run = try CommandRun.run(["-p", String(server.port), "-t", "2", "send", "PING"])
        #expect(run.exitCode == 2)
        #expect(run.seconds < 2.5)
        // Connect succeeds (the kernel accepts), so the stall shows in the handshake or the command.
        #expect(run.stderr.contains("connected to 127.0.0.1:\(server.port), but no reply"), "\(run.stderr)")
        #expect(run.stderr.contains("in 2.0 s: the server may be frozen, swapping or busy"), "\(run.stderr)")
    }

    @Test(arguments: ["silent", "trickle"])
    func stalledListenersExitTwoWithinTheDeadline(_ kind: String) throws {
        let behavior: FaultServer.Behavior = kind == "silent"
            ? .silent : .trickle(payload: "+" + String(repeating: "O", count: 100) + "\r\n", intervalMilliseconds: 200)
        let fault = try FaultServer(behavior)
        defer { fault.stop() }
        let run = try CommandRun.run(["-p", String(fault.port), "-t", "2", "send", "PING"])
        #expect(run.exitCode == 2)
        #expect(run.seconds < 2.5)
        // The tool's own CLIENT SETNAME is not what the user asked for: it is not named.
        #expect(run.stderr.contains("connected to 127.0.0.1:\(fault.port), but no reply in 2.0 s: the server may be frozen"), "\(run.stderr)")
        #expect(!run.stderr.contains("SETNAME"))
    }

    @Test func refusedConnectionExitsTwoAtOnce() throws {
        let port = try FreePort.find()
        let run = try CommandRun.run(["-p", String(port), "send", "PING"])
        #expect(run.exitCode == 2)
        #expect(run.seconds < 1)
        #expect(run.stderr.contains("connection refused by 127.0.0.1:\(port)"))
    }

    @Test func httpServerIsNotARedisServer() throws {
        let fault = try FaultServer(.http)
        defer { fault.stop() }
        let run = try CommandRun.run(["-p", String(fault.port), "send", "PING"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("not a Redis-protocol server: an HTTP server answered (HTTP/1.1 400 Bad Request)"))
    }

    @Test func authenticationProblemsPrintTheServerMessage() throws {
        let server = try RedisServerProcess(["--requirepass", "s3cret"])
        let port = String(server.port)
        let wrong = try CommandRun.run(["-p", port, "send", "PING"], environment: ["REDISCLI_AUTH": "nope"])
        #expect(wrong.exitCode == 1)
        #expect(wrong.stderr.contains("WRONGPASS"))
        #expect(!wrong.stderr.contains("nope"))
        let missing = try CommandRun.run(["-p", port, "send", "PING"])
        #expect(missing.exitCode == 1)
        #expect(missing.stdout.contains("NOAUTH"))
        let right = try CommandRun.run(["-p", port, "-a", "s3cret", "send", "PING"])
        #expect(right.stdout == "PONG\n")
        #expect(right.stderr.contains("visible in ps"))
        #expect(!right.stderr.contains("s3cret"))
        server.call("AUTH s3cret\r\nACL SETUSER limited on >pw ~* -@all +ping")
        let noperm = try CommandRun.run(["-u", "redis://limited:pw@127.0.0.1:\(port)", "send", "GET", "k"])
        #expect(noperm.exitCode == 1)
        #expect(noperm.stdout.contains("NOPERM"))
    }

    struct UsageCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var expected: Int32
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let usageCases = [
        UsageCase(arguments: ["send", "--help"], expected: 0),
        UsageCase(arguments: ["--version"], expected: 0),
        UsageCase(arguments: ["--bogus-option", "send", "PING"], expected: 3),
        UsageCase(arguments: ["-p", "notaport", "send", "PING"], expected: 3),
        UsageCase(arguments: ["-p", "70000", "send", "PING"], expected: 3),
        UsageCase(arguments: ["-u", "rediss://127.0.0.1:1", "--cacert", "/nonexistent-ca.crt", "send", "PING"], expected: 3),
        UsageCase(arguments: ["-t", "0", "send", "PING"], expected: 3),
        UsageCase(arguments: ["send"], expected: 3),
    ]

    @Test(arguments: usageCases)
    func usageErrorsExitThreeAndHelpExitsZero(_ usage: UsageCase) throws {
        let run = try CommandRun.run(usage.arguments)
        #expect(run.exitCode == usage.expected, "\(usage.arguments): \(run.stderr)")
        if usage.expected == 3 { #expect(!run.stderr.isEmpty) }
    }
}
