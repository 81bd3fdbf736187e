import Foundation
import RedisDoctorClient
import RedisDoctorCore
import Testing
import TestSupport

/// The memory-fragmentation rule against a real redis-server: an idle server stays OK,
/// a heap left sparse by interleaved deletes is found.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct SeedRuleIntegrationTests_B {
    func connect(_ server: RedisServerProcess) throws -> Connection {
        try Connection.open(ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: server.port), user: nil, password: nil, db: 0),
                            deadline: Deadline(seconds: 5))
    }

    func sample(_ link: Connection) throws -> ParsedSnapshot {
        let reply = try link.send(["INFO", "everything"], deadline: Deadline(seconds: 5))
        return ParsedSnapshot(Snapshot(target: "test", exchanges: [Exchange(command: ["INFO", "everything"], reply: reply)]))
    }

    func fragmentation(_ snapshot: ParsedSnapshot, _ overrides: [String: String] = [:]) throws -> RuleResult {
        let settings = try RuleSettings(overrides: overrides)
        return try #require(RuleEngine.evaluate([MemoryFragmentationRule.self], current: snapshot, settings: settings).first)
    }

    @Test func idleServerIsOKWithDefaults() throws {
        let server = try RedisServerProcess(["--activedefrag", "no"])
        let snapshot = try sample(try connect(server))
        let result = try fragmentation(snapshot)
        // A fresh server prints a large ratio (7.8 on 7.0) over a few MB: never a finding.
        #expect(result.status == .ok, "\(result.summary) \(result.evidence)")
        let rules: [any HealthRule.Type] = [
            MemoryFragmentationRule.self, MemoryPressureRule.self, EvictionsRule.self, ClientCapacityRule.self,
            RejectedConnectionsRule.self, BlockedClientsRule.self, OutputBuffersRule.self,
            ReplicationLinkRule.self, ReplicationLagRule.self,
        ]
        for rule in rules {
            let r = try #require(RuleEngine.evaluate([rule], current: snapshot).first)
            #expect(r.status == .ok || r.status == .skipped, "\(r.ruleID): \(r.summary) \(r.evidence)")
        }
    }

    @Test func interleavedDeletesLeaveAFragmentedHeap() throws {
        let keys = 400_000
        // DEBUG POPULATE (7.0+ needs --enable-debug-command) is fastest; older servers get pipelined SETs.
        let withDebug = try? RedisServerProcess(["--activedefrag", "no", "--enable-debug-command", "yes"])
        let server = try withDebug ?? RedisServerProcess(["--activedefrag", "no"])
        let link = try connect(server)
        let d = Deadline(seconds: 30)
        let populated = try link.send(["DEBUG", "POPULATE", String(keys), "key", "200"], deadline: d)
        if populated.errorMessage != nil {
            let value = String(repeating: "v", count: 200)
            for start in stride(from: 0, to: keys, by: 10_000) {
                _ = try link.pipeline((start..<start + 10_000).map { ["SET", "key:\($0)", value] }, deadline: d)
            }
        }
        #expect(try link.send(["DBSIZE"], deadline: d) == .integer(Int64(keys)))
        // Delete 9 keys of every 10: each allocator page keeps a survivor, so little memory returns.
        let script = "for i=0,\(keys - 1) do if i % 10 ~= 0 then redis.call('DEL','key:'..i) end end return 1"
        #expect(try link.send(["EVAL", script, "0"], deadline: d) == .integer(1))
        let snapshot = try sample(link)
        let info = snapshot.info

        // With defaults the peak explains the ratio (a mass delete): OK, with the MEMORY PURGE hint.
        let defaults = try fragmentation(snapshot)
        if let used = info.number(.usedMemory), let peak = info.number(.usedMemoryPeak), peak / used > 1.5 {
            #expect(defaults.status == .ok, "\(defaults.summary) \(defaults.evidence)")
            #expect(defaults.evidence.joined().contains("MEMORY PURGE"))
        }

        // Judged on the heap alone (peak explanation off) at the scale of the test.
        let result = try fragmentation(snapshot, [
            "memory-fragmentation.min-wasted-bytes": "10485760",
            "memory-fragmentation.peak-factor": "1000",
        ])
        #expect(result.status == .warning || result.status == .critical, "\(result.summary) \(result.evidence)")
        #expect(result.evidence.joined(separator: "\n").contains("mem_fragmentation"))
        #expect(result.advice.contains { $0.contains("MEMORY PURGE") })
        if info.string(.memAllocator)?.hasPrefix("jemalloc") == true {
            #expect(result.advice.contains { $0.contains("activedefrag") })
        }
        _ = try? link.send(["FLUSHALL"], deadline: d)
    }
}
