import Foundation
import Testing
import TestSupport

@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct CheckCommandTests {
    @Test func healthyFreshServerIsOKInEveryFormat() throws {
        let server = try RedisServerProcess(["--save", "3600 1 300 100 60 10000"])
        server.call("SET a 1")
        let port = String(server.port)
        let nagios = try CommandRun.run(["-p", port, "check"])
        #expect(nagios.exitCode == 0, "\(nagios.stdout)")
        #expect(nagios.stdout.hasPrefix("REDIS OK - "))
        #expect(nagios.stdout.contains(" | "), "perfdata after the pipe")

        // Two samples, so the rate and progress rules are judged too, not skipped.
        let json = try CommandRun.run(["-p", port, "check", "--format", "json", "--interval", "1"])
        #expect(json.exitCode == 0)
        let validation = try JSONSchemaValidator.validate(json.stdout)
        #expect(validation.status == 0, "\(validation.text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "ok")
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.contains { $0["rule"] as? String == "unsaved-changes" && $0["status"] as? String == "ok" })
        #expect(!results.contains { ["warning", "critical", "unknown"].contains($0["status"] as? String ?? "") },
                "no false positives on a fresh server: \(json.stdout)")
        let skipped = Set(results.filter { $0["status"] as? String == "skipped" }.compactMap { $0["rule"] as? String })
        // The host rules skip because the test helper turns them off (HostChecksTests judges them).
        #expect(skipped == ["replication-link", "replication-lag", "tls-certificate", "host-swap", "host-memory", "host-rss-gap", "host-kernel", "host-disk"],
                "only rules that do not apply to a lone plain-text primary skip")

        let prometheus = try CommandRun.run(["-p", port, "check", "--format", "prometheus"])
        #expect(prometheus.stdout.contains("# TYPE redis_doctor_status gauge"))
        #expect(prometheus.stdout.contains("redis_doctor_up{target=\"127.0.0.1:\(port)\"} 1"))

        let text = try CommandRun.run(["-p", port, "check", "--format", "text"])
        #expect(text.stdout.contains("OK"))
        #expect(!text.stdout.contains("\u{1b}["), "no colour when stdout is not a terminal")
    }

    @Test func frozenServerIsCriticalWithinTheTimeout() throws {
        let server = try RedisServerProcess()
        server.freeze()
        defer { server.thaw() }
        let run = try CommandRun.run(["-p", String(server.port), "-t", "2", "check"])
        #expect(run.exitCode == 2)
        #expect(run.seconds < 2.5)
        // The kernel accepts, so the server is silent after the connect, whatever stage that is.
        #expect(run.stdout.hasPrefix("REDIS CRITICAL - connected to 127.0.0.1:\(server.port), but no reply"), "\(run.stdout)")
        #expect(run.stdout.contains("in 2.0 s: the server may be frozen, swapping or busy (a long command, a fork)"), "\(run.stdout)")
        #expect(!run.stdout.contains("SETNAME"))
    }

    /// Seed outage 3: a monitor stuck on a kernel lock delivered no alerts. A state file
    /// that is a FIFO would block open(2) forever: it is refused without being opened,
    /// left in place, and the check still judges the server.
    @Test(arguments: ["nagios", "json"])
    func fifoStateFileIsRefusedWithoutBlocking(_ format: String) throws {
        let server = try RedisServerProcess()
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/state"
        #expect(mkfifo(fifo, 0o600) == 0)
        let run = try CommandRun.run(["-p", String(server.port), "-t", "2", "check", "--state-file", fifo, "--format", format])
        #expect(run.exitCode == 0)
        #expect(run.seconds < 2, "took \(run.seconds) s")
        #expect(run.stderr.contains("is a FIFO, not a regular file"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is left as it was")
        if format == "json" { #expect(try JSONSchemaValidator.validate(run.stdout).status == 0) }
    }

    /// Files read before any server wait (a config file, pasted INFO) are covered too.
    @Test(arguments: ["--config", "--from-file"])
    func blockedInputFileStillEndsWithinTheTimeout(_ option: String) throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/input"
        #expect(mkfifo(fifo, 0o600) == 0)
        let run = try CommandRun.run(["-p", String(try FreePort.find()), "-t", "1", "check", option, fifo])
        #expect(run.exitCode == 3)
        #expect(run.seconds < 1.5, "took \(run.seconds) s")
        #expect(run.stdout.hasPrefix("REDIS UNKNOWN - redis-doctor exceeded its timeout of 1 s"))
    }

    /// A mistyped --state-file pointing at someone's file must not replace it.
    @Test func stateFileNeverOverwritesAForeignFile() throws {
        let server = try RedisServerProcess()
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-state")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/redis.conf"
        try "bind 127.0.0.1\nport 6379\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CommandRun.run(["-p", String(server.port), "check", "--state-file", path])
        #expect(run.exitCode == 0)
        #expect(run.stderr.contains("not a redis-doctor state file; not overwriting it"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "bind 127.0.0.1\nport 6379\n")
    }

    @Test func refusedConnectionIsCritical() throws {
        let port = try FreePort.find()
        let run = try CommandRun.run(["-p", String(port), "check"])
        #expect(run.exitCode == 2)
        #expect(run.stdout.hasPrefix("REDIS CRITICAL - connection refused by 127.0.0.1:\(port)"))
        #expect(run.stdout.components(separatedBy: "127.0.0.1:\(port)").count == 2, "the address once: \(run.stdout)")
        let json = try CommandRun.run(["-p", String(port), "check", "--format", "json"])
        #expect(json.exitCode == 2)
        #expect(try JSONSchemaValidator.validate(json.stdout).status == 0)
        #expect(json.stdout.contains("\"error\""))
    }

    @Test func wrongPasswordIsUnknownAndNeverPrinted() throws {
        let server = try RedisServerProcess(["--requirepass", "right-one"])
        let run = try CommandRun.run(["-p", String(server.port), "check"], environment: ["REDISCLI_AUTH": "wrong-one"])
        #expect(run.exitCode == 3)
        #expect(run.stdout.hasPrefix("REDIS UNKNOWN - AUTH failed: WRONGPASS"))
        #expect(!(run.stdout + run.stderr).contains("wrong-one"))
        let ok = try CommandRun.run(["-p", String(server.port), "check", "--format", "json"], environment: ["REDISCLI_AUTH": "right-one"])
        #expect(ok.exitCode == 0, "\(ok.stdout)")
        #expect(!ok.stdout.contains("right-one"))
    }

    @Test func httpListenerIsUnknownNotACrash() throws {
        let fault = try FaultServer(.http)
        defer { fault.stop() }
        let run = try CommandRun.run(["-p", String(fault.port), "check"])
        #expect(run.exitCode == 3)
        #expect(run.stdout.contains("not a Redis-protocol server"))
    }

    /// Do no harm: a check sends only cheap, read-only commands. MONITOR shows every
    /// non-admin command as sent; commandstats also counts admin ones (CONFIG, SLOWLOG,
    /// CLIENT LIST, and BGSAVE or DEBUG, were they ever sent), which MONITOR hides.
    @Test func checkSendsOnlyReadOnlyCommands() throws {
        let server = try RedisServerProcess()
        server.call("SET a 1")
        let before = Self.commandCalls(server)
        let monitor = try MonitorRecorder(port: server.port)
        let run = try CommandRun.run(["-p", String(server.port), "check", "--interval", "0.3"])
        #expect(run.exitCode == 0)
        usleep(200_000)
        let seen = Set(monitor.commands())
        #expect(seen == ["CLIENT SETNAME", "PING", "INFO"], "MONITOR saw \(monitor.commands())")
        let after = Self.commandCalls(server)
        var sent = Set(after.keys.filter { after[$0, default: 0] > before[$0, default: 0] })
        // Our own two INFO commandstats and the MONITOR connection's command.
        sent.remove("monitor")
        if after["info", default: 0] - before["info", default: 0] <= 1 { sent.remove("info") }
        #expect(sent == ["ping", "info", "config|get", "slowlog|get", "latency|latest", "client|list", "client|setname"],
                "commands sent: \(sent.sorted())")
    }

    /// `cmdstat_<name>:calls=N,...` from INFO commandstats.
    static func commandCalls(_ server: RedisServerProcess) -> [String: Int] {
        var calls: [String: Int] = [:]
        for line in server.call("INFO commandstats").split(whereSeparator: \.isNewline) where line.hasPrefix("cmdstat_") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[line.index(line.startIndex, offsetBy: 8)..<colon])
            let value = line[line.index(after: colon)...].split(separator: ",").first { $0.hasPrefix("calls=") }
            calls[name] = value.flatMap { Int($0.dropFirst(6)) } ?? 0
        }
        return calls
    }

    @Test func stateFileKeepsThePreviousSampleBetweenRuns() throws {
        let server = try RedisServerProcess()
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-state")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = dir + "/state"
        let first = try CommandRun.run(["-p", String(server.port), "check", "--state-file", state])
        #expect(first.exitCode == 0)
        let stored = try String(contentsOfFile: state, encoding: .isoLatin1)
        #expect(stored.hasPrefix("redis-doctor-state 1"))
        #expect(stored.contains("127.0.0.1%3A\(server.port)") || stored.contains("127.0.0.1:\(server.port)"))
        let second = try CommandRun.run(["-p", String(server.port), "check", "--state-file", state])
        #expect(second.exitCode == 0)
    }

    @Test func snapshotRoundTripsThroughCheck() throws {
        let server = try RedisServerProcess()
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-snap")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/s.snapshot"
        let snap = try CommandRun.run(["-p", String(server.port), "snapshot", "-o", file])
        #expect(snap.exitCode == 0, "\(snap.stderr)")
        let offline = try CommandRun.run(["check", "--from-snapshot", file, "--format", "json"])
        #expect(offline.exitCode == 0)
        #expect(offline.stdout.contains("\"target\":\"127.0.0.1:\(server.port)\""))
        let garbage = dir + "/garbage"
        try "not a snapshot\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let bad = try CommandRun.run(["check", "--from-snapshot", garbage])
        #expect(bad.exitCode == 3)
        #expect(bad.stdout.hasPrefix("REDIS UNKNOWN - "))
    }

    static let pastedInfo = [
        "redis-2.4.18-localbuild-info-default.txt", "redis-2.6.17-localbuild-info-all.txt", "redis-2.8.24-localbuild-info-all.txt",
        "redis-3.2.13-localbuild-info-all.txt", "redis-4.0.14-localbuild-info-all.txt", "redis-6.0.20-localbuild-info-all.txt",
        "redis-6.2.16-localbuild-info-all.txt", "redis-7.2.6-localbuild-info-all.txt", "valkey-7.2.7-localbuild-info-all.txt", "valkey-9.1.2-netdata.txt",
        "keydb-6.3.4-localbuild-info-all.txt", "dragonfly-2.0.0-netdata.txt", "pika-3.4.0-netdata-a.txt",
    ]

    @Test(arguments: pastedInfo)
    func checkRunsOnPastedInfo(_ name: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RedisDoctorCoreTests/Fixtures/corpus/\(name)").path
        let run = try CommandRun.run(["check", "--from-file", path, "--format", "json"])
        #expect([0, 1, 2].contains(run.exitCode), "\(run.stdout)")
        #expect(try JSONSchemaValidator.validate(run.stdout).status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    struct UsageCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        UsageCase(arguments: ["check", "--format", "yaml"]),
        UsageCase(arguments: ["check", "--warning", "no-such-rule=10"]),
        UsageCase(arguments: ["check", "--warning", "unsaved-changes=10:x"]),
        UsageCase(arguments: ["check", "--interval", "20"]),
        UsageCase(arguments: ["check", "--from-file", "/nonexistent/info.txt"]),
        UsageCase(arguments: ["check", "--config", "/nonexistent/config"]),
    ])
    func usageErrorsAreUnknown(_ usage: UsageCase) throws {
        let run = try CommandRun.run(usage.arguments)
        #expect(run.exitCode == 3, "\(run.stdout)\(run.stderr)")
    }
}
