import Foundation
import Glibc
import Testing
import TestSupport

/// A probe that can see nothing never says OK: refusals of INFO are check-level errors
/// carrying the server's words, against real redis-server processes.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct FailClosedTests {
    @Test func missingPasswordIsUnknownWithTheServersWords() throws {
        let server = try RedisServerProcess(["--requirepass", "s3cret"])
        let port = String(server.port)
        let run = try CommandRun.run(["-p", port, "check"])
        #expect(run.exitCode == 3)
        #expect(run.stdout.hasPrefix("REDIS UNKNOWN - NOAUTH: the server requires a password: give --user/-a or REDISCLI_AUTH"), "\(run.stdout)")
        let prometheus = try CommandRun.run(["-p", port, "check", "--format", "prometheus"])
        #expect(prometheus.stdout.contains("redis_doctor_up{target=\"127.0.0.1:\(port)\"} 0"))
        #expect(prometheus.stdout.contains("redis_doctor_status{target=\"127.0.0.1:\(port)\"} 3"))
        let json = try CommandRun.run(["-p", port, "check", "--format", "json"])
        #expect(try JSONSchemaValidator.validate(json.stdout).status == 0)
        #expect(json.stdout.contains("\"kind\":\"authentication\""))
        // The same server with the password is judged normally.
        let good = try CommandRun.run(["-p", port, "check"], environment: ["REDISCLI_AUTH": "s3cret"])
        #expect(good.exitCode == 0, "\(good.stdout)")
        // snapshot says so and exits 1, its server-error code.
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-snap")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = try CommandRun.run(["-p", port, "snapshot", "-o", dir + "/s"])
        #expect(snapshot.exitCode == 1)
        #expect(snapshot.stderr.contains("the snapshot holds no INFO: NOAUTH"))
    }

    @Test func aclUsersWithoutInfoAreUnknown() throws {
        let server = try RedisServerProcess()
        server.call("ACL SETUSER pingonly on >pw +ping")
        server.call("ACL SETUSER noinfo on >pw +@all -info")
        for user in ["pingonly", "noinfo"] {
            let run = try CommandRun.run(["-p", String(server.port), "--user", user, "check"], environment: ["REDISCLI_AUTH": "pw"])
            #expect(run.exitCode == 3, "\(user): \(run.stdout)")
            #expect(run.stdout.hasPrefix("REDIS UNKNOWN - INFO refused: NOPERM"), "\(user): \(run.stdout)")
        }
    }

    @Test func renamedInfoIsUnknown() throws {
        let server = try RedisServerProcess(["--rename-command", "INFO", "\"\""])
        let run = try CommandRun.run(["-p", String(server.port), "check", "--format", "json"])
        #expect(run.exitCode == 3)
        #expect(run.stdout.contains("\"kind\":\"command-refused\""), "\(run.stdout)")
        #expect(run.stdout.contains("unknown command"))
    }

    @Test func scriptBusyServerIsCritical() throws {
        let server = try RedisServerProcess(["--busy-reply-threshold", "100"])
        guard let fd = RawSocket.connectLoopback(port: server.port) else { Issue.record("no connection"); return }
        defer { close(fd) }
        let eval = Array("EVAL \"while true do end\" 0\r\n".utf8)
        _ = eval.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        usleep(400_000)
        let run = try CommandRun.run(["-p", String(server.port), "-t", "3", "check", "--format", "json"])
        // SELECT answers BUSY too: still a server not serving, not a login problem.
        let select = try CommandRun.run(["-p", String(server.port), "-n", "1", "-t", "3", "check"])
        server.call("SCRIPT KILL")
        #expect(select.exitCode == 2, "\(select.stdout)")
        #expect(select.stdout.hasPrefix("REDIS CRITICAL - the server is not serving: BUSY"), "\(select.stdout)")
        #expect(run.exitCode == 2, "\(run.stdout)")
        #expect(run.stdout.contains("\"kind\":\"server-busy\""))
        #expect(run.stdout.contains("BUSY Redis is busy running a script"))
    }

    /// Until the server has accepted the holder: a loaded machine can take longer than any
    /// fixed pause, and a check that slips in first finds a free slot.
    static func waitUntilFull(_ server: RedisServerProcess) {
        for _ in 0..<100 {
            if RawSocket.request(port: server.port, payload: "PING\r\n", timeout: 1).contains("max number of clients reached") { return }
            usleep(50_000)
        }
    }

    @Test func maxclientsRefusalIsTheMessage() throws {
        let server = try RedisServerProcess(["--maxclients", "1"])
        guard let holder = RawSocket.connectLoopback(port: server.port) else { Issue.record("no connection"); return }
        defer { close(holder) }
        Self.waitUntilFull(server)
        let check = try CommandRun.run(["-p", String(server.port), "check"])
        #expect(check.exitCode == 2)
        #expect(check.stdout.hasPrefix("REDIS CRITICAL - the server refused the connection: max number of clients reached (maxclients)"), "\(check.stdout)")
        let send = try CommandRun.run(["-p", String(server.port), "send", "PING"])
        #expect(send.exitCode == 2)
        #expect(send.stderr.contains("max number of clients reached"), "\(send.stderr)")
    }

    /// With a password the refusal arrives as AUTH's reply: it is still the server refusing
    /// the connection (CRITICAL), not a failed login (UNKNOWN).
    @Test func maxclientsRefusalWithAPasswordIsNotAnAuthFailure() throws {
        let server = try RedisServerProcess(["--maxclients", "1", "--requirepass", "pw"])
        guard let holder = RawSocket.connectLoopback(port: server.port) else { Issue.record("no connection"); return }
        defer { close(holder) }
        Self.waitUntilFull(server)
        let check = try CommandRun.run(["-p", String(server.port), "check"], environment: ["REDISCLI_AUTH": "pw"])
        #expect(check.exitCode == 2, "\(check.stdout)")
        #expect(check.stdout.hasPrefix("REDIS CRITICAL - the server refused the connection: max number of clients reached"), "\(check.stdout)")
        let send = try CommandRun.run(["-p", String(server.port), "send", "PING"], environment: ["REDISCLI_AUTH": "pw"])
        #expect(send.exitCode == 2, "\(send.stderr)")
    }

    @Test(arguments: ["empty", "/dev/null", "random"])
    func unreadableInfoFilesAreUnknown(_ kind: String) throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-info")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var path = kind
        if kind != "/dev/null" {
            path = dir + "/" + kind
            var random = SystemRandomNumberGenerator()
            let bytes = kind == "empty" ? [] : (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        }
        let run = try CommandRun.run(["check", "--from-file", path])
        #expect(run.exitCode == 3)
        #expect(run.stdout.hasPrefix("REDIS UNKNOWN - \(path) holds no INFO"), "\(run.stdout)")
    }
}

/// What redis-server cannot be made to do, from small servers on 127.0.0.1.
struct FakeServerRefusalTests {
    static let handshake: [String: FaultServer.FaultAnswer] = ["CLIENT SETNAME": .text("+OK\r\n"), "PING": .text("+PONG\r\n")]

    func check(_ answers: [String: FaultServer.FaultAnswer], _ extra: [String] = []) throws -> CommandRun {
        let server = try FaultServer(.scripted(Self.handshake.merging(answers) { $1 }))
        defer { server.stop() }
        return try CommandRun.run(["-p", String(server.port), "-t", "2", "check"] + extra)
    }

    @Test(arguments: [
        ("-LOADING Redis is loading the dataset in memory\r\n", Int32(2), "REDIS CRITICAL - the server is not serving yet: LOADING"),
        ("-ERR no such thing\r\n", 3, "REDIS UNKNOWN - INFO refused: ERR no such thing"),
        (":5\r\n", 3, "REDIS UNKNOWN - INFO answered with an integer (5)"),
        ("+OK\r\n", 3, "REDIS UNKNOWN - INFO answered with a status reply"),
        ("$-1\r\n", 3, "REDIS UNKNOWN - INFO answered with a nil reply"),
        ("*1\r\n:1\r\n", 3, "REDIS UNKNOWN - INFO answered with an array of 1 elements"),
    ])
    func infoThatIsNotInfoIsNeverOK(_ reply: String, _ code: Int32, _ prefix: String) throws {
        let run = try check(["INFO": .text(reply)])
        #expect(run.exitCode == code, "\(run.stdout)")
        #expect(run.stdout.hasPrefix(prefix), "\(run.stdout)")
    }

    @Test func protectedModeGreetingIsTheMessage() throws {
        let denied = "-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user.\r\n"
        let server = try FaultServer(.greeting(denied))
        defer { server.stop() }
        let run = try CommandRun.run(["-p", String(server.port), "-t", "2", "check"])
        #expect(run.exitCode == 2)
        #expect(run.stdout.hasPrefix("REDIS CRITICAL - the server refused the connection: DENIED Redis is running in protected mode"), "\(run.stdout)")
    }

    @Test func authErrorArrivingWithTheCloseIsTheMessage() throws {
        let server = try FaultServer(.scripted(["AUTH": .closeAfter("-WRONGPASS invalid username-password pair or user is disabled.\r\n")]))
        defer { server.stop() }
        let run = try CommandRun.run(["-p", String(server.port), "-t", "2", "send", "PING"], environment: ["REDISCLI_AUTH": "nope"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("AUTH failed: WRONGPASS"), "\(run.stderr)")
    }

    /// INFO understating the client count cannot make CLIENT LIST unbounded.
    @Test func clientListLimitHoldsWhenInfoUnderstates() throws {
        let info = "redis_version:7.0.15\r\nconnected_clients:1\r\nmaxclients:10000\r\n"
        let lines = (0..<50).map { "id=\($0) addr=10.0.0.1:\(1000 + $0) fd=8 name=w age=9000 idle=9000 flags=N db=0 cmd=get\n" }.joined()
        let run = try check(["INFO": .text("$\(info.utf8.count)\r\n\(info)\r\n"), "CLIENT LIST": .text("$\(lines.utf8.count)\r\n\(lines)\r\n")],
                            ["--client-list-limit", "10", "--format", "json"])
        #expect(run.stdout.contains("the reply held more than 10 clients (--client-list-limit); stopped reading it"), "\(run.stdout)")
    }
}
