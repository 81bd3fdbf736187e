import Foundation
import Glibc
import RedisDoctorClient
import RedisDoctorCore
import Testing
import TestSupport

/// The first seed outage (a BGSAVE that hung while changes piled up), reproduced on a
/// real redis-server and judged by the rules from live samples.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct SeedRuleIntegrationTests_A {
    func open(_ server: RedisServerProcess) throws -> Connection {
        try Connection.open(ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: server.port)), deadline: Deadline(seconds: 5))
    }

    /// One sample as the collector takes it: INFO everything, plus CONFIG GET when asked.
    func sample(_ link: Connection, config: [String] = []) throws -> ParsedSnapshot {
        var exchanges = [Exchange(command: ["INFO", "everything"], reply: try link.send(["INFO", "everything"], deadline: Deadline(seconds: 5)))]
        for name in config {
            let command = ["CONFIG", "GET", name]
            exchanges.append(Exchange(command: command, reply: try link.send(command, deadline: Deadline(seconds: 5))))
        }
        return ParsedSnapshot(Snapshot(target: "127.0.0.1", exchanges: exchanges))
    }

    /// Ends the save child of `server` by its PID (from /proc), so no fork outlives the test.
    @Test func stalledBackgroundSaveIsAWarningNamingTheProgressCounter() throws {
        // One second per key: the child reports current_save_keys_processed once (at the
        // first key) and then, with fewer than 1024 keys, never again: a stall as INFO sees it.
        let server = try RedisServerProcess(["--save", "", "--rdb-key-save-delay", "1000000"])
        defer { server.killChildren() }
        for i in 1...50 { server.call("SET k\(i) v") }
        let link = try open(server)
        #expect(try link.send(["BGSAVE"], deadline: Deadline(seconds: 5)).errorMessage == nil)

        // Wait for the child's first progress report before the first sample.
        var first = try sample(link, config: ["dir"])
        for _ in 0..<50 where (first.info.number(.currentSaveKeysProcessed) ?? 0) < 1 {
            usleep(100_000)
            first = try sample(link, config: ["dir"])
        }
        #expect(first.info.flag(.bgsaveInProgress) == true)
        // Default settings judge progress over at least 5 s (stall-min-interval).
        usleep(5_500_000)
        let second = try sample(link, config: ["dir"])
        #expect(second.info.flag(.bgsaveInProgress) == true, "the save must still run: 50 keys at 1 s each")

        let result = try #require(RuleEngine.evaluate([BgsaveStalledRule.self], current: second, previous: first).first)
        #expect(result.status == .warning || result.status == .critical, "\(result.summary) \(result.evidence)")
        #expect(result.evidence.contains { $0.hasPrefix("current_save_keys_processed=") && $0.contains("unchanged") }, "\(result.evidence)")
        #expect(result.summary.contains("no progress"))
        #expect(result.advice.contains { $0.contains("dir=\(server.directory)") || $0.contains("dir=/") }, "\(result.advice)")

        // Without the earlier sample a few-seconds-old save is fine.
        let alone = try #require(RuleEngine.evaluate([BgsaveStalledRule.self], current: second).first)
        #expect(alone.status == .ok && alone.summary.contains("running"), "\(alone.summary)")
    }

    @Test func unsavedChangesWithoutSavePointsWarnPastTheCount() throws {
        let server = try RedisServerProcess(["--save", ""])
        for i in 1...20 { server.call("SET k\(i) v") }
        let link = try open(server)
        let snapshot = try sample(link, config: ["save"])
        let settings = try RuleSettings(overrides: ["unsaved-changes.changes-warning": "10"])
        let result = try #require(RuleEngine.evaluate([UnsavedChangesRule.self], current: snapshot, settings: settings).first)
        #expect(result.status == .warning, "\(result.summary) \(result.evidence)")
        #expect(result.evidence.contains { $0.contains("20 changes") }, "\(result.evidence)")
        #expect(result.evidence.contains { $0.contains("save points: none") }, "\(result.evidence)")

        // The defaults (a million changes) leave 20 changes alone.
        let relaxed = try #require(RuleEngine.evaluate([UnsavedChangesRule.self], current: snapshot).first)
        #expect(relaxed.status == .ok, "\(relaxed.summary)")
    }
}
