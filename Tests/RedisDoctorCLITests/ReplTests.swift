import Foundation
import Testing
import TestSupport

/// The REPL driven like a user, in tmux: real terminal, real keys, real redis-server.
@Suite(.enabled(if: RedisServerProcess.shouldRun && TmuxSession.shouldRun, "redis-server or tmux not installed"))
struct ReplTests {
    /// Starts the REPL against `port` with a private HOME and history file.
    func startRepl(port: Int, arguments: String = "") throws -> (TmuxSession, history: String) {
        let home = try TemporaryDirectory.make(prefix: "redis-doctor-repl")
        let history = home + "/history"
        let session = try TmuxSession("'\(CommandRun.binary)' -p \(port) \(arguments)",
                                      environment: ["HOME": home, "REDISDOCTOR_HISTFILE": history, "PAGER": "cat", "TERM": "xterm"])
        #expect(session.waitFor("master>").matched, "prompt never appeared")
        return (session, history)
    }

    @Test func pingPrintsPongWithTimingAndCheckPrintsTheReport() throws {
        let server = try RedisServerProcess()
        let (repl, _) = try startRepl(port: server.port)
        defer { repl.kill() }
        repl.type("PING")
        let pong = repl.waitFor { $0.contains("PONG") && $0.contains(" ms)") }
        #expect(pong.matched, "\(pong.screen)")
        repl.type(":check")
        let report = repl.waitFor { $0.contains("redis-doctor 127.0.0.1:\(server.port): OK") && $0.contains("OK (") }
        #expect(report.matched, "\(report.screen)")
        // An idle pool held by another process shows as one group.
        let pool = try IdlePool(port: server.port, count: 6, name: "idle-pool")
        defer { pool.stop() }
        sleep(2)
        repl.type(":clients 1")
        let groups = repl.waitFor { $0.contains("idle-pool") && $0.contains("6 idle >= 1s in 1 group") }
        #expect(groups.matched, "\(groups.screen)")
    }

    /// `:diagnose` names the cause, as `redis-doctor diagnose` does: here writes refused at maxmemory.
    @Test func diagnoseNamesTheCause() throws {
        let server = try RedisServerProcess(["--maxmemory", "3mb", "--maxmemory-policy", "noeviction"])
        let value = String(repeating: "x", count: 1000)
        var refused = false
        for i in 0..<10_000 where !refused { refused = server.call("SET surge:\(i) \(value)").hasPrefix("-OOM") }
        #expect(refused)
        let (repl, _) = try startRepl(port: server.port)
        defer { repl.kill() }
        repl.type(":diagnose")
        let runbook = repl.waitFor { $0.contains("1. memory exhausted: ") && $0.contains("Next: Free memory now") }
        #expect(runbook.matched, "\(runbook.screen)")
    }

    @Test func frozenServerGivesNoReplyWithinTheDeadlineAndTheReplStaysUsable() throws {
        let server = try RedisServerProcess()
        let (repl, _) = try startRepl(port: server.port, arguments: "-t 1")
        defer { repl.kill() }
        server.freeze()
        let start = Date()
        repl.type("PING")
        let stalled = repl.waitFor("no reply in 1 s", timeout: 3)
        let elapsed = Date().timeIntervalSince(start)
        #expect(stalled.matched, "\(stalled.screen)")
        #expect(elapsed < 1.5 + 0.3, "took \(elapsed) s (polling adds up to 0.05 s)")
        #expect(repl.waitFor("(not connected)>").matched)
        server.thaw()
        repl.type("ECHO thawed")
        let after = repl.waitFor("\"thawed\"", timeout: 3)
        #expect(after.matched, "\(after.screen)")
    }

    @Test func ctrlCDuringDebugSleepCancelsWithoutAFakeReply() throws {
        let server = try RedisServerProcess(["--enable-debug-command", "yes"])
        let (repl, _) = try startRepl(port: server.port)
        defer { repl.kill() }
        repl.type("DEBUG SLEEP 3")
        #expect(repl.waitFor("[y/N]").matched)
        repl.type("y")
        usleep(500_000)
        repl.send("C-c")
        let cancelled = repl.waitFor("cancelled: no reply shown", timeout: 2)
        #expect(cancelled.matched, "\(cancelled.screen)")
        #expect(!cancelled.screen.contains("\nOK\n"), "no fake reply")
        repl.type("ECHO alive")
        let alive = repl.waitFor("\"alive\"", timeout: 6)
        #expect(alive.matched, "\(alive.screen)")
    }

    @Test func restartedServerIsAnnouncedAndTheSelectedDbIsRestored() throws {
        var server = try RedisServerProcess()
        let port = server.port
        let (repl, _) = try startRepl(port: port)
        defer { repl.kill() }
        repl.type("SELECT 2")
        #expect(repl.waitFor("[2] master>").matched)
        server.stop()
        server = try RedisServerProcess(port: port)
        repl.type("CLIENT INFO")
        let info = repl.waitFor(timeout: 6) { $0.contains(" db=2 ") && $0.contains("the server restarted") }
        #expect(info.matched, "\(info.screen)")
        #expect(info.screen.contains("reconnected to 127.0.0.1:\(port) (restored db 2)"))
        _ = server
    }

    @Test func authSecretNeverReachesTheHistoryFile() throws {
        let server = try RedisServerProcess(["--requirepass", "s3cretpw"])
        let home = try TemporaryDirectory.make(prefix: "redis-doctor-repl")
        let history = home + "/history"
        let repl = try TmuxSession("'\(CommandRun.binary)' -p \(server.port)", environment: ["HOME": home, "REDISDOCTOR_HISTFILE": history, "TERM": "xterm"])
        defer { repl.kill() }
        #expect(repl.waitFor("requires a password").matched)
        repl.type("AUTH s3cretpw")
        #expect(repl.waitFor("OK").matched)
        repl.type("CONFIG SET masterauth an0ther")
        #expect(repl.waitFor("[y/N]").matched)
        repl.type("y")
        repl.type("ECHO recorded")
        #expect(repl.waitFor("\"recorded\"").matched)
        let text = (try? String(contentsOfFile: history, encoding: .utf8)) ?? ""
        #expect(text.contains("recorded"))
        #expect(!text.contains("s3cretpw"))
        #expect(!text.contains("an0ther"))
    }

    @Test func scriptableModeRunsLinesAndPrintsRawReplies() throws {
        let server = try RedisServerProcess()
        let run = try CommandRun.run(["-p", String(server.port)], stdin: "PING\nSET \"a b\" 'x y'\nGET \"a b\"\nHSET h f 1\nHGETALL h\nNOSUCH\n")
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("PONG\nOK\nx y\n1\nf\n1\nERR unknown command"))
        let repl = try CommandRun.run(["-p", String(server.port), "repl", "--read-only"], stdin: "SET k v\nGET k\n")
        #expect(repl.exitCode == 0)
        #expect(repl.stdout.contains("refused by --read-only: SET writes data"))
    }

    @Test func scriptableModeExitsTwoWhenTheServerIsDown() throws {
        let port = try FreePort.find()
        let run = try CommandRun.run(["-p", String(port)], stdin: "PING\n")
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("connection refused"))
        #expect(run.seconds < 1.5)
    }

    /// A two-word command past its deadline was sent: the message must say so, never
    /// "was not sent" (the connection and the REPL once named its stage differently).
    @Test func slowSubcommandIsReportedAsSentAndUnanswered() throws {
        let server = try RedisServerProcess(["--enable-debug-command", "yes"])
        let run = try CommandRun.run(["-p", String(server.port), "-t", "1"], stdin: "DEBUG SLEEP 3\n")
        #expect(run.stderr.contains("no reply in 1 s to DEBUG SLEEP"), "\(run.stderr)")
        #expect(!run.stderr.contains("was not sent"))
    }

    /// Ctrl-D typed the instant the prompt appears must end the REPL: libedit draws the
    /// prompt before switching the terminal to editing mode, and a Ctrl-D in between was
    /// swallowed (about one run in six before the fix).
    @Test func ctrlDRightAtThePromptExits() throws {
        let server = try RedisServerProcess()
        let home = try TemporaryDirectory.make(prefix: "redis-doctor-ctrl-d")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/pty_ctrl_d.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, CommandRun.binary, String(server.port), "40", home + "/history"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("stuck=0"), "\(text)")
    }
}

/// The piped REPL reads its input linearly and skips a line too long to be a command.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct ReplScriptInputTests {
    @Test func anOverlongLineIsSkippedAndTheNextRuns() throws {
        let server = try RedisServerProcess()
        let input = "ECHO " + String(repeating: "x", count: 20 * 1024 * 1024) + "\nPING\n"
        let run = try CommandRun.run(["-p", String(server.port)], stdin: input, killAfter: 60)
        #expect(run.exitCode == 0)
        #expect(run.stderr.contains("line 1 is longer than 16 MiB; skipped"))
        #expect(run.stdout == "PONG\n", "\(run.stdout.prefix(100))")
    }
}

/// The interactive REPL is bounded per command like every subcommand, and keeps running.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux not installed"))
struct ReplHostileReplyTests {
    @Test func aHugeCountIsRefusedAtOnceAndTheShellGoesOn() throws {
        let info = "# Server\r\nredis_version:7.0.15\r\nrole:master\r\n"
        let server = try FaultServer(.scripted([
            "CLIENT SETNAME": .text("+OK\r\n"), "PING": .text("+PONG\r\n"),
            "INFO": .text("$\(info.utf8.count)\r\n\(info)\r\n"), "COMMAND": .text("*0\r\n"),
            "GET": .text("*2147483647\r\n"),
        ]))
        defer { server.stop() }
        let home = try TemporaryDirectory.make(prefix: "redis-doctor-repl")
        let repl = try TmuxSession("'\(CommandRun.binary)' -p \(server.port) -t 3",
                                   environment: ["HOME": home, "REDISDOCTOR_HISTFILE": home + "/history", "PAGER": "cat", "TERM": "xterm"])
        defer { repl.kill() }
        #expect(repl.waitFor(">").matched)
        let start = Date()
        repl.type("GET k")
        let refused = repl.waitFor("2147483647 elements", timeout: 3)
        #expect(refused.matched, "\(refused.screen)")
        #expect(Date().timeIntervalSince(start) < 2, "refused from the header, not at the deadline")
        repl.type("PING")
        let pong = repl.waitFor("PONG", timeout: 3)
        #expect(pong.matched, "the shell goes on: \(pong.screen)")
    }
}
