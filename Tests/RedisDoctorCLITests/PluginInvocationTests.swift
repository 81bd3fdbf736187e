import Foundation
import Glibc
import Testing
import TestSupport

/// Under the Monitoring Plugins name the binary is a check, never the REPL: a probe that
/// ran nothing and exited 0 would always say OK.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct PluginInvocationTests {
    @Test func checkRedisDoctorIsACheckWithTheNagiosHostOption() throws {
        let server = try RedisServerProcess()
        let directory = try TemporaryDirectory.make(prefix: "plugin")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plugin = directory + "/check_redis_doctor"
        #expect(symlink(CommandRun.binary, plugin) == 0)
        let ok = try PipedProcess.run(plugin, ["-H", "127.0.0.1", "-p", String(server.port), "--skip", "persistence-disabled"], input: "")
        #expect(ok.status == 0 && ok.text.hasPrefix("REDIS OK - "), "\(ok.text)")
        let json = try PipedProcess.run(plugin, ["-H", "127.0.0.1", "--format", "json", "-p", String(server.port)], input: "")
        #expect(json.text.hasPrefix("{") && json.text.contains("\"exit_code\""), "\(json.text.prefix(300))")
        let down = try PipedProcess.run(plugin, ["-H", "127.0.0.1", "-p", "1"], input: "")
        #expect(down.status == 2 && down.text.hasPrefix("REDIS CRITICAL - "), "\(down.text)")
        // Nothing at all is still a check (127.0.0.1:6379 by default), never the silent REPL.
        let bare = try PipedProcess.run(plugin, ["-p", "1"], input: "SET x 1\n")
        #expect(bare.status == 2 && bare.text.hasPrefix("REDIS CRITICAL - "), "\(bare.text)")
        // A connection option without its value (an empty last macro) is a usage error, never the REPL's silent 0.
        for words in [["-h"], ["-p", "1", "-h"], ["-h", "-p", "1"]] {
            let run = try PipedProcess.run(plugin, words, input: "")
            #expect(run.status == 3 && run.text.contains("REDIS UNKNOWN"), "\(words): \(run.status) \(run.text)")
        }
        // An empty host (an unset macro) is no server: CRITICAL with the resolver's words, not OK.
        let empty = try PipedProcess.run(plugin, ["-H", "", "-p", "1"], input: "")
        #expect(empty.status == 2 && empty.text.hasPrefix("REDIS CRITICAL - could not resolve"), "\(empty.text)")
        let usage = try PipedProcess.run(plugin, ["--bogus"], input: "")
        #expect(usage.status == 3 && usage.text.contains("REDIS UNKNOWN - usage"), "\(usage.text)")
    }

    @Test func versionNamesTheCommitAndTheLibraries() throws {
        let run = try CommandRun.run(["--version"])
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(run.exitCode == 0 && lines.count == 3, "\(run.stdout)")
        #expect(lines.first?.wholeMatch(of: /redis-doctor \d+\.\d+\.\d+ \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)/) != nil, "\(run.stdout)")
        #expect(lines.count > 2 && lines[1] == "hiredis 0.14.1 (linked in)" && lines[2].hasPrefix("TLS: OpenSSL 3."), "\(run.stdout)")
        // Under the plugin name, -V is the same.
        let directory = try TemporaryDirectory.make(prefix: "plugin-version")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(symlink(CommandRun.binary, directory + "/check_redis_doctor") == 0)
        #expect(try PipedProcess.run(directory + "/check_redis_doctor", ["-V"], input: "").text == run.stdout)
    }
}
