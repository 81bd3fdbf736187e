import Foundation
import Glibc
import Testing
import TestSupport

/// `redis-doctor acl`: the users it prints, created on real servers, are enough for every
/// rule and for the sentinel checks, and can write nothing.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"), .serialized)
struct AclTests {
    static let password = "acl-test-pw-3"

    /// The printed line for `user`, with the test password in place of the placeholder.
    static func line(_ prefix: String) throws -> [String] {
        let text = try CommandRun.run(["acl", "--password-placeholder", password]).stdout
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) })
        return line.split(separator: " ").map(String.init)
    }

    @Test func theMonitoringUserRunsEveryRuleAndWritesNothing() throws {
        let server = try RedisServerProcess(["--save", "3600 1"])
        let created = try PipedProcess.run("/usr/bin/env", ["redis-cli", "-p", String(server.port)] + (try Self.line("ACL SETUSER redis-doctor ")), input: "")
        #expect(created.text.contains("OK"), "\(created.text)")
        let login = ["-p", String(server.port), "--user", "redis-doctor"]
        let env = ["REDISCLI_AUTH": Self.password]
        let check = try CommandRun.run(login + ["check", "--format", "json"], environment: env, judgePersistence: true)
        #expect(check.exitCode != 3, "\(check.stdout.prefix(800))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        let denied = results.filter { result in
            let text = "\(result["summary"] ?? "")"
            return result["status"] as? String == "skipped" && (text.contains("NOPERM") || text.lowercased().contains("permission"))
        }
        #expect(denied.isEmpty, "skipped for a permission: \(denied)")
        #expect(results.filter { $0["status"] as? String != "skipped" }.count >= 18, "\(results.map { "\($0["rule"] ?? "") \($0["status"] ?? "")" })")
        for write in [["SET", "k", "v"], ["CONFIG", "SET", "maxmemory", "1"], ["FLUSHALL"], ["CLIENT", "KILL", "TYPE", "normal"], ["SHUTDOWN", "NOSAVE"]] {
            let run = try CommandRun.run(login + ["send"] + write, environment: env)
            #expect(run.exitCode == 1 && (run.stdout + run.stderr).contains("NOPERM"), "\(write): \(run.stdout) \(run.stderr)")
        }
        #expect(server.call("PING").contains("PONG"), "the server is still up")
    }

    @Test func theSentinelUserRunsTheSentinelCheck() throws {
        let set = try LocalSentinel(quorum: 1, sentinelCount: 1)
        let port = String(set.sentinels[0].port)
        let created = try PipedProcess.run("/usr/bin/env", ["redis-cli", "-p", port] + (try Self.line("ACL SETUSER redis-doctor-sentinel ")), input: "")
        #expect(created.text.contains("OK"), "\(created.text)")
        let run = try CommandRun.run(["-p", port, "check", "--sentinel", "--master", "mymaster", "--sentinel-user", "redis-doctor-sentinel"],
                                     environment: ["REDISDOCTOR_SENTINEL_AUTH": Self.password])
        #expect(run.exitCode == 0 && run.stdout.hasPrefix("REDIS SENTINEL OK - "), "\(run.stdout)")
    }
}
