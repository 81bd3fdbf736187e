import Foundation
import Testing
import TestSupport

@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct ClientsCommandTests {
    /// Issue acceptance: a child process's idle pool is reported by check and shown as one group.
    @Test func idlePoolFromAChildProcessIsOneStaleGroup() throws {
        let server = try RedisServerProcess()
        let pool = try IdlePool(port: server.port, count: 25, name: "pool-worker")
        defer { pool.stop() }
        // Other connections stay busy the whole time.
        let busy = (0..<3).map { _ in Thread { for _ in 0..<20 { server.call("PING"); usleep(150_000) } } }
        busy.forEach { $0.start() }
        sleep(3)
        let port = String(server.port)

        let check = try CommandRun.run(["-p", port, "check", "--only", "stale-connections", "--set", "stale-connections.idle=2",
                                        "--warning", "stale-connections=10", "--format", "json"])
        #expect(check.exitCode == 1 || check.exitCode == 2, "\(check.stdout)")
        #expect(check.stdout.contains("127.0.0.1"))
        #expect(check.stdout.contains("pool-worker"))

        let table = try CommandRun.run(["-p", port, "clients", "--idle", "2"])
        #expect(table.exitCode == 0)
        let poolRows = table.stdout.split(separator: "\n").filter { $0.contains("pool-worker") }
        #expect(poolRows.count == 1, "one group: \(table.stdout)")
        #expect(poolRows.first?.contains(" 25 ") == true, "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "fits 80 columns")

        let json = try CommandRun.run(["-p", port, "clients", "--idle", "2", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["idle"] as? Int == 25)

        let dryRun = try CommandRun.run(["-p", port, "clients", "--idle", "2", "--kill"])
        #expect(dryRun.stdout.components(separatedBy: "CLIENT KILL ID ").count - 1 == 25)
        #expect(server.call("CLIENT LIST").components(separatedBy: "name=pool-worker").count - 1 == 25, "a dry run kills nothing")

        let killed = try CommandRun.run(["-p", port, "clients", "--idle", "2", "--kill", "--yes"])
        #expect(killed.exitCode == 0, "\(killed.stderr)")
        #expect(killed.stderr.contains("closed 25 of 25"))
        #expect(!server.call("CLIENT LIST").contains("name=pool-worker"))
    }

    @Test func blockedSnapshotFileEndsWithinTheTimeout() throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/snapshot"
        #expect(mkfifo(fifo, 0o600) == 0)
        let run = try CommandRun.run(["-t", "1", "clients", "--from-snapshot", fifo])
        #expect(run.exitCode == 2)
        #expect(run.seconds < 1.5)
        #expect(run.stderr.contains("did not finish within the timeout of 1 s"))
    }

    @Test func yesWithoutKillIsAUsageError() throws {
        let run = try CommandRun.run(["clients", "--yes"])
        #expect(run.exitCode == 3)
    }
}
