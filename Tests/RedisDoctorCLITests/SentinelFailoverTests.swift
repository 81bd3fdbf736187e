import Foundation
import Glibc
import Testing
import TestSupport

/// Failures that do not heal, on their own sentinel set: the primary killed (a failover, seen
/// through a state file, through --prev-perfdata, and without either), then the sentinels
/// killed one by one until the quorum is lost.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"), .serialized)
struct SentinelFailoverTests {
    @Test func aFailoverIsReportedOnceThenLosingSentinelsLosesTheQuorum() throws {
        let set = try LocalSentinel()
        defer { set.stop() }
        try #require(set.waitUntilReady(seconds: 30), "the sentinels see each other and the replica")
        let directory = try TemporaryDirectory.make(prefix: "sentinel-failover")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/state"
        let first = String(set.sentinels[0].port)
        let old = "127.0.0.1:\(set.primary.port)"
        let new = "127.0.0.1:\(set.replica.port)"
        let check = ["-p", first, "check", "--sentinel", "--master", "mymaster"]

        // The samples a later run compares with: the state file's, and the perfdata an engine keeps.
        let before = try CommandRun.run(check + ["--state-file", state])
        #expect(before.exitCode == 0, "\(before.stdout)")
        let perfdata = String(try #require(before.stdout.split(separator: "\n").first?.split(separator: "|", maxSplits: 1).last))
        let beforeTime = String(Int(Date().timeIntervalSince1970))

        // The primary killed: poll until every sentinel gives the replica and it answers as master.
        set.primary.stop()
        let moved = set.waitUntil(seconds: 40) {
            set.sentinels.allSatisfy { set.masterAddress(from: $0.port) == new }
                && set.replica.call("ROLE").contains("\r\nmaster\r\n")
                && set.sentinels.allSatisfy { set.sentinelEntries($0.port, "MASTER", "mymaster").first?["flags"] == "master" }
        }
        try #require(moved, "the sentinels agree on the new master")

        // With the state file's sample: WARNING, the move from the old address to the new.
        let after = try CommandRun.run(check + ["--state-file", state])
        #expect(after.exitCode == 1, "\(after.stdout)")
        #expect(after.stdout.contains("failover \(old) → \(new) (config-epoch 0 → 1) since the state file"), "\(after.stdout)")
        // Once: the next run compares with this one.
        let again = try CommandRun.run(check + ["--state-file", state, "--format", "json"])
        #expect(Self.result("sentinel-failover", in: again.stdout)?["status"] as? String == "ok", "\(again.stdout.prefix(1500))")

        // With the perfdata the engine kept: the same verdict, from the epoch alone.
        let fromPerfdata = try CommandRun.run(check + ["--prev-perfdata", perfdata, "--prev-time", beforeTime, "--format", "json"])
        let failover = try #require(Self.result("sentinel-failover", in: fromPerfdata.stdout), "\(fromPerfdata.stdout.prefix(800))")
        #expect(failover["status"] as? String == "warning", "\(failover)")
        #expect((failover["summary"] as? String)?.contains("failover to \(new) (config-epoch 0 → 1) since --prev-perfdata") == true, "\(failover)")

        // Without an earlier sample: sentinel-failover OK, with the new epoch as evidence.
        let plain = try CommandRun.run(check + ["--format", "json", "--follow"])
        let now = try #require(Self.result("sentinel-failover", in: plain.stdout), "\(plain.stdout.prefix(800))")
        #expect(now["status"] as? String == "ok", "\(now)")
        #expect("\(now)".contains("config-epoch 1, master \(new)"), "\(now)")
        #expect(Self.result("sentinel-master", in: plain.stdout)?["status"] as? String == "ok", "\(plain.stdout.prefix(1500))")
        // --follow checks the new master (and lists the old one, which does not answer).
        let object = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.contains { $0["address"] as? String == new && $0["role"] as? String == "master" && $0["report"] != nil }, "\(nodes)")
        #expect(nodes.contains { $0["address"] as? String == old && $0["report"] == nil && $0["failure"] != nil }, "\(nodes)")
        #expect(try JSONSchemaValidator.validate(plain.stdout, schema: JSONSchemaValidator.sentinelOutputSchema).status == 0)

        // One sentinel killed: WARNING, 2 of 3 answer (its peers still list it).
        let third = set.sentinels[2]
        third.stop()
        let one = try CommandRun.run(check + ["--skip", "sentinel-replicas"])
        #expect(one.exitCode == 1, "\(one.stdout)")
        #expect(one.stdout.contains("2 of 3 sentinels answer (127.0.0.1:\(third.port):"), "\(one.stdout)")

        // A second: CRITICAL at once from the count, though CKQUORUM has not noticed yet...
        set.sentinels[1].stop()
        let two = try CommandRun.run(check + ["--skip", "sentinel-replicas"])
        #expect(two.exitCode == 2, "\(two.stdout)")
        #expect(two.stdout.contains("1 of 3 sentinels answer; the quorum is 2"), "\(two.stdout)")
        // ...and from CKQUORUM once down-after-milliseconds has passed, while INFO sentinel says ok.
        let noQuorum = set.waitUntil(seconds: 20) { set.sentinelCall(set.sentinels[0].port, "SENTINEL", "CKQUORUM", "mymaster").hasPrefix("NOQUORUM") }
        try #require(noQuorum, "CKQUORUM says NOQUORUM")
        #expect(set.sentinelCall(set.sentinels[0].port, "INFO", "sentinel").contains("status=ok"))
        let later = try CommandRun.run(check + ["--format", "json"])
        #expect(later.exitCode == 2, "\(later.stdout.prefix(800))")
        let quorum = try #require(Self.result("sentinel-quorum", in: later.stdout))
        #expect(quorum["status"] as? String == "critical")
        #expect("\(quorum)".contains("NOQUORUM 1 usable Sentinels"), "\(quorum)")
    }

    /// One rule's result object in a JSON report.
    static func result(_ id: String, in json: String) -> [String: Any]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let results = object["results"] as? [[String: Any]] else { return nil }
        return results.first { ($0["rule"] as? String ?? $0["id"] as? String) == id }
    }
}
