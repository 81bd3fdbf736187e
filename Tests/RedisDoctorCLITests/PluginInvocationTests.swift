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
        let usage = try PipedProcess.run(plugin, ["--bogus"], input: "")
        #expect(usage.status == 3 && usage.text.contains("REDIS UNKNOWN - usage"), "\(usage.text)")
    }
}
