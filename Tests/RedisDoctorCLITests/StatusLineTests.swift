import Foundation
import Glibc
import Testing
import TestSupport
@testable import redis_doctor
import RedisDoctorCore

/// Nagios reads only stdout and the exit code: every reason is on the status line, and a
/// problem on this host is UNKNOWN (3), not a server that is down.
struct StatusLineTests {
    @Test(arguments: [
        (["-p", "0", "check"], "REDIS UNKNOWN - port 0 is not a number from 1 to 65535"),
        (["check", "--interval", "20"], "REDIS UNKNOWN - --interval must be above 0 and at least 0.5 s shorter than --timeout"),
        (["check", "--format", "xml"], "REDIS UNKNOWN - usage: The value '***' is invalid for '--format <format>'. Please provide one of 'nagios', 'json'"),
        (["check", "--bogus"], "REDIS UNKNOWN - usage: Unknown option '--bogus'"),
        (["check", "--set", "stale-connections.idle=-1"], "REDIS UNKNOWN - --set stale-connections.idle=-1: stale-connections.idle: expected a whole number of 0 or more"),
        (["check", "--set", "stale-connections.idle=1.5"], "REDIS UNKNOWN - --set stale-connections.idle=1.5: stale-connections.idle: expected a whole number"),
    ])
    func theReasonIsOnStdout(_ arguments: [String], _ prefix: String) throws {
        // Port 1: nothing listens, so a rule-settings error must come before any connection.
        let run = try CommandRun.run((arguments.first == "-p" ? [] : ["-p", "1"]) + arguments)
        #expect(run.exitCode == 3)
        #expect(run.stdout.hasPrefix(prefix), "\(run.stdout)")
        #expect(!run.stdout.contains("see the message above"))
    }

    /// `-a my secret` (a password with a space): the parser's complaint names no part of it.
    @Test func parserErrorsDoNotEchoValues() throws {
        let run = try CommandRun.run(["-p", "1", "check", "-a", "my", "s3cret"])
        #expect(run.exitCode == 3)
        #expect(!run.stdout.contains("s3cret") && !run.stderr.contains("s3cret"), "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.hasPrefix("REDIS UNKNOWN - usage: Unexpected argument '***'"), "\(run.stdout)")
    }

    /// A typo of a subcommand gets the root usage and a suggestion, not the REPL's usage.
    @Test func aTopLevelTypoSuggestsTheCommand() throws {
        let run = try CommandRun.run(["chek"])
        #expect(run.exitCode == 3)
        #expect(run.stderr.contains("did you mean \"check\"?"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: redis-doctor <options> <subcommand>\n  See 'redis-doctor --help'"), "root usage: \(run.stderr)")
        #expect(!run.stderr.contains("redis-doctor repl [--read-only]"))
        let secret = try CommandRun.run(["-p", "1", "-a", "my", "s3cret", "check"])
        #expect(secret.exitCode == 3)
        #expect(!(secret.stdout + secret.stderr).contains("s3cret"), "\(secret.stdout) \(secret.stderr)")
        #expect(secret.stdout.hasPrefix("REDIS UNKNOWN - usage: unknown command"))
    }

    /// An unknown option before the command gets the root usage, not the REPL's (the
    /// default subcommand); an attached short value is explained, never echoed.
    @Test(arguments: [(["--bogus"], "unknown option '--bogus' before the command"),
                      (["--bogus=s3cret", "check"], "unknown option '--bogus' before the command"),
                      (["-as3cret", "check"], "option '-a' takes its value as the next word")])
    func anUnknownRootOptionShowsTheRootUsage(_ arguments: [String], _ message: String) throws {
        let run = try CommandRun.run(arguments)
        #expect(run.exitCode == 3)
        #expect(run.stderr.hasPrefix("Error: \(message)"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: redis-doctor <options> <subcommand>\n  See 'redis-doctor --help'"), "root usage: \(run.stderr)")
        #expect(!run.stderr.contains("redis-doctor repl [--read-only]"))
        #expect(!(run.stdout + run.stderr).contains("s3cret"))
    }

    /// A password attached to -a, or with quotes or newlines inside, is not echoed either.
    @Test(arguments: [["check", "-as3cret"], ["-as3cret", "check"], ["clients", "-a", "my", "x's3cret'y"], ["check", "-a", "my", "a\ns3cret"]])
    func attachedAndQuotedPasswordsAreNotEchoed(_ arguments: [String]) throws {
        let run = try CommandRun.run(["-p", "1"] + arguments)
        #expect(run.exitCode == 3)
        #expect(!(run.stdout + run.stderr).contains("s3cret"), "\(run.stdout) \(run.stderr)")
    }

    @Test func completionScriptsStillGenerate() throws {
        let run = try CommandRun.run(["--generate-completion-script", "bash"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("#!/bin/bash"))
    }

    @Test func jsonIsKeptForParserErrors() throws {
        let run = try CommandRun.run(["check", "--format", "json", "--bogus"])
        #expect(run.exitCode == 3)
        #expect(try JSONSchemaValidator.validate(run.stdout).status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("Unknown option '--bogus'"))
    }

    @Test func socketPathTooLongIsLocal() throws {
        let path = "/tmp/" + String(repeating: "d", count: 200) + "/redis.sock"
        let check = try CommandRun.run(["-s", path, "check"])
        #expect(check.exitCode == 3)
        #expect(check.stdout.hasPrefix("REDIS UNKNOWN - unix socket path too long"), "\(check.stdout)")
        let send = try CommandRun.run(["-s", path, "send", "PING"])
        #expect(send.exitCode == 3)
    }

    /// Root may open any socket, so the refusal is shown as the user nobody.
    @Test(.enabled(if: getuid() == 0 && RedisServerProcess.shouldRun, "needs root to switch to nobody"))
    func socketPermissionDeniedIsLocal() throws {
        let server = try RedisServerProcess()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CommandRun.binary, "-s", server.unixSocket, "check"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 3, "\(text)")
        #expect(text.hasPrefix("REDIS UNKNOWN - cannot open unix socket"), "\(text)")
        #expect(text.contains("Permission denied"))
    }

    /// Absurd values never reach perfdata as 300 digits or a negative duration as a WARNING.
    @Test func absurdServerValuesAreNotShown() throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-absurd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let info = [
            "redis_version:7.0.15", "role:master", "uptime_in_seconds:1e300", "used_memory:1e300",
            "rdb_changes_since_last_save:1e300", "rdb_bgsave_in_progress:1", "rdb_current_bgsave_time_sec:-100",
            "connected_clients:-5", "maxclients:10000", "rdb_last_bgsave_status:ok",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(FileManager.default.createFile(atPath: dir + "/info", contents: Data(info.utf8)))
        let run = try CommandRun.run(["check", "--from-file", dir + "/info"])
        let longest = run.stdout.split(whereSeparator: { !"0123456789".contains($0) }).map(\.count).max() ?? 0
        #expect(longest < 20, "\(run.stdout)")
        #expect(!run.stdout.contains("-1m"), "no negative duration: \(run.stdout)")
        #expect(!run.stdout.contains("-5 of"), "\(run.stdout)")
    }
}

/// Bytes from a server are escaped before they reach a terminal.
struct TerminalSafetyTests {
    @Test func controlBytesAreEscaped() {
        let raw = Array("id=1 name=\u{1b}[2Jevil\u{07}\0 age=1\n".utf8)
        let safe = String(decoding: ReplyFormatter.terminalSafe(raw), as: UTF8.self)
        #expect(safe == "id=1 name=\\x1b[2Jevil\\x07\\x00 age=1\n")
        #expect(ReplyFormatter.terminal(.error("ERR \u{1b}]0;owned\u{07}")) == "(error) ERR ?]0;owned?\n")
        #expect(ReplyFormatter.terminal(.status("OK\u{1b}[31m")) == "OK?[31m\n")
    }

    @Test func clientNamesInTheTableAreEscaped() {
        let list = "id=1 addr=10.0.0.1:1000 fd=8 name=\u{1b}[2Jevil age=9000 idle=9000 flags=N db=0 cmd=get\n"
        let groups = ClientGroups(ClientList.parse(Array(list.utf8)), options: ClientGroupOptions(grouping: .hostName, idleThresholdSeconds: 1))
        let table = ClientGroupsTable.render(groups: groups.groups, summary: groups.summary)
        #expect(!table.contains("\u{1b}"))
        #expect(table.contains("?[2Jevil"))
    }
}
