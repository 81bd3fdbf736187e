import Foundation
import Glibc
import Testing
import TestSupport

/// `check --sentinel` and `discover --sentinel` against one real sentinel set (a primary, a
/// replica, three sentinels; quorum 2, down-after-milliseconds 2000), stopped by PID after it.
/// The replica is stopped and resumed; nothing is left broken.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"), .serialized)
struct SentinelCheckTests {
    @Test func healthyThenAStoppedReplicaThenDiscovery() throws {
        let set = try LocalSentinel()
        defer { set.stop() }
        try #require(set.waitUntilReady(seconds: 30), "the sentinels see each other and the replica")
        let first = String(set.sentinels[0].port)
        let master = "127.0.0.1:\(set.primary.port)"

        // Healthy: OK, from one sentinel named: the others are found through it.
        let healthy = try CommandRun.run(["-p", first, "check", "--sentinel", "--master", "mymaster"])
        #expect(healthy.exitCode == 0, "\(healthy.stdout)")
        #expect(healthy.stdout.hasPrefix("REDIS SENTINEL OK - master mymaster at \(master), 3 sentinels"), "\(healthy.stdout)")
        #expect(healthy.stdout.contains("'sentinels_answering'=3;;;0") && healthy.stdout.contains("'sentinel_config_epoch'=0;;;0"), "\(healthy.stdout)")
        let json = try CommandRun.run(["-p", first, "check", "--sentinel", "--master", "mymaster", "--format", "json", "--follow"])
        #expect(json.exitCode == 0, "\(json.stdout.prefix(1500))")
        #expect(try JSONSchemaValidator.validate(json.stdout, schema: JSONSchemaValidator.sentinelOutputSchema).status == 0, "\(json.stdout.prefix(800))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["master_address"] as? String == master)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.map { $0["rule"] as? String ?? $0["id"] as? String ?? "" }.count == 5)
        #expect(results.allSatisfy { $0["status"] as? String == "ok" }, "\(results)")
        // --follow: the master and the replica get the single-node catalogue, under their address.
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.filter { $0["role"] as? String == "sentinel" }.count == 3)
        #expect(nodes.contains { $0["address"] as? String == master && $0["role"] as? String == "master" && $0["report"] != nil }, "\(nodes)")
        #expect(nodes.contains { $0["address"] as? String == "127.0.0.1:\(set.replica.port)" && $0["report"] != nil }, "\(nodes)")

        // One sentinel given twice, by name and by address, is counted once (its run id).
        let twice = try CommandRun.run(["-p", first, "check", "--sentinel", "--master", "mymaster", "--seed", "localhost:\(first)"])
        #expect(twice.exitCode == 0 && twice.stdout.contains("'sentinels_known'=3;;;0 'sentinels_answering'=3;;;0"), "\(twice.stdout)")
        // The data nodes' password is -a: a wrong one makes ROLE and --follow UNKNOWN, never OK, and is never printed.
        let wrong = try CommandRun.run(["-p", first, "-a", "not-the-data-pw", "check", "--sentinel", "--master", "mymaster", "--follow"])
        #expect(wrong.exitCode == 3, "\(wrong.stdout)")
        #expect(wrong.stdout.contains("UNKNOWN sentinel-master: \(master) refused ROLE"), "\(wrong.stdout)")
        #expect(!wrong.stdout.contains("not-the-data-pw") && !wrong.stderr.contains("not-the-data-pw"))

        // Prometheus: a valid page; nodes by address (which a failover does not change), the role only in node_info.
        let page = try CommandRun.run(["-p", first, "check", "--sentinel", "--master", "mymaster", "--format", "prometheus"]).stdout
        let lint = try PrometheusPageValidator.promtool(page)
        #expect(lint.status == 0 && lint.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(lint.text)")
        #expect(try PrometheusPageValidator.pythonFamilies(page).status == 0)
        #expect(page.contains("redis_doctor_rule_status{rule=\"sentinel-quorum\",target=\"sentinel master mymaster via 127.0.0.1:\(first)\"} 0"), "\(page.prefix(1200))")
        #expect(page.contains("redis_doctor_sentinels_answering{target="), "\(page.prefix(1200))")
        #expect(page.split(separator: "\n").filter { $0.hasPrefix("redis_doctor_node_info{") && $0.contains("role=\"sentinel\"") }.count == 3, "\(page.prefix(1200))")

        // A stopped replica: WARNING naming it, once the sentinels flag it (down-after 2 s).
        set.replica.freeze()
        let flagged = set.waitUntil(seconds: 20) {
            set.sentinels.allSatisfy { set.sentinelEntries($0.port, "REPLICAS", "mymaster").first?["flags"]?.contains("s_down") == true }
        }
        let stopped = try CommandRun.run(["-p", first, "check", "--sentinel", "--master", "mymaster"])
        set.replica.thaw()
        try #require(flagged, "the sentinels flag the stopped replica")
        #expect(stopped.exitCode == 1, "\(stopped.stdout)")
        #expect(stopped.stdout.hasPrefix("REDIS SENTINEL WARNING - no replica of mymaster can be promoted"), "\(stopped.stdout)")
        #expect(stopped.stdout.contains("replica 127.0.0.1:\(set.replica.port) is down (s_down)"), "\(stopped.stdout)")
        #expect(!stopped.stdout.contains("CRITICAL"), "the master still answers: \(stopped.stdout)")
        #expect(set.waitUntil(seconds: 20) {
            set.sentinels.allSatisfy { set.sentinelEntries($0.port, "REPLICAS", "mymaster").first?["flags"] == "slave" }
        }, "the replica is back")

        // discover: Prometheus's http_sd JSON, and host:port lines.
        let sd = try CommandRun.run(["-p", first, "discover", "--sentinel", "--master", "mymaster"])
        #expect(sd.exitCode == 0, "\(sd.stderr)")
        let parsed = try PipedProcess.run("/usr/bin/python3", ["-c", """
            import json, sys
            groups = json.load(sys.stdin)
            assert isinstance(groups, list) and len(groups) == 5, groups
            for g in groups:
                assert set(g) == {"targets", "labels"}, g
                assert len(g["targets"]) == 1 and all(isinstance(t, str) for t in g["targets"]), g
                assert all(k.startswith("__meta_redis_doctor_") and isinstance(v, str) for k, v in g["labels"].items()), g
            print(" ".join(sorted(g["targets"][0] + "=" + g["labels"]["__meta_redis_doctor_role"] for g in groups)))
            """], input: sd.stdout)
        #expect(parsed.status == 0, "\(parsed.text)")
        #expect(parsed.text.contains("\(master)=master") && parsed.text.contains("127.0.0.1:\(set.replica.port)=replica"), "\(parsed.text)")
        #expect(parsed.text.components(separatedBy: "=sentinel").count == 4, "\(parsed.text)")
        let lines = try CommandRun.run(["-p", first, "discover", "--sentinel", "--master", "mymaster", "--format", "lines"]).stdout
        #expect(lines.hasPrefix("\(master) master\n127.0.0.1:\(set.replica.port) replica\n"), "\(lines)")

        // The exporter: mode=sentinel scrapes the set, /discover lists it as the CLI does.
        let serve = try ServeProcess()
        let scraped = try serve.get("/scrape?target=127.0.0.1:\(first)&mode=sentinel&master=mymaster")
        #expect(scraped.status == 200 && scraped.body.contains("\nredis_doctor_up 1\n"), "\(scraped.body.prefix(800))")
        #expect(scraped.body.contains("redis_doctor_rule_status{rule=\"sentinel-quorum\"} 0") && !scraped.body.contains("target="), "\(scraped.body.prefix(800))")
        #expect(try PrometheusPageValidator.promtool(scraped.body).status == 0)
        let served = try serve.get("/discover?target=127.0.0.1:\(first)&mode=sentinel&master=mymaster")
        #expect(served.status == 200 && served.body == sd.stdout, "\(served.body) vs \(sd.stdout)")

        // A name no sentinel monitors: UNKNOWN in the sentinel's words.
        let unknown = try CommandRun.run(["-p", first, "check", "--sentinel", "--master", "nosuch"])
        #expect(unknown.exitCode == 3, "\(unknown.stdout)")
        #expect(unknown.stdout.contains("ERR No such master with that name"), "\(unknown.stdout)")
        // --sentinel without --master, --follow without --sentinel: usage, before connecting.
        #expect(try CommandRun.run(["-p", first, "check", "--sentinel"]).stdout.contains("--sentinel needs --master NAME"))
        #expect(try CommandRun.run(["-p", first, "check", "--follow"]).exitCode == 3)
    }
}

extension SentinelCheckTests {
    /// Sentinels with their own password: asked with --sentinel-user/REDISDOCTOR_SENTINEL_AUTH or
    /// --sentinel-pass-file, never -a (the data nodes'); a missing one is UNKNOWN in the
    /// sentinel's words, and no password appears in any output.
    @Test func sentinelsTakeTheirOwnCredentials() throws {
        let password = "s3ntinel-only-pw"
        let set = try LocalSentinel(quorum: 1, sentinelCount: 1, sentinelPassword: password)
        defer { set.stop() }
        let port = String(set.sentinels[0].port)
        let check = ["-p", port, "check", "--sentinel", "--master", "mymaster"]

        let missing = try CommandRun.run(check)
        #expect(missing.exitCode == 3, "\(missing.stdout)")
        #expect(missing.stdout.contains("NOAUTH") && missing.stdout.contains("--sentinel-pass-file"), "\(missing.stdout)")

        let fromEnvironment = try CommandRun.run(check, environment: ["REDISDOCTOR_SENTINEL_AUTH": password])
        #expect(fromEnvironment.exitCode == 0, "\(fromEnvironment.stdout)")
        #expect(fromEnvironment.stdout.hasPrefix("REDIS SENTINEL OK - master mymaster at 127.0.0.1:\(set.primary.port), 1 sentinels"), "\(fromEnvironment.stdout)")

        let directory = try TemporaryDirectory.make(prefix: "sentinel-pass")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/pw"
        try (password + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let fromFile = try CommandRun.run(check + ["--sentinel-pass-file", file, "--format", "json", "--follow"])
        #expect(fromFile.exitCode == 0, "\(fromFile.stdout.prefix(800))")
        let wrong = directory + "/wrong"
        try "not-it\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        let refused = try CommandRun.run(check + ["--sentinel-pass-file", wrong])
        #expect(refused.exitCode == 3, "\(refused.stdout)")
        #expect(refused.stdout.contains("a sentinel refused the login"), "\(refused.stdout)")
        let notAFile = try CommandRun.run(check + ["--sentinel-pass-file", directory])
        #expect(notAFile.exitCode == 3 && notAFile.stdout.contains("not a regular file"), "\(notAFile.stdout)")
        for run in [missing, fromEnvironment, fromFile, refused, notAFile] {
            #expect(!run.stdout.contains(password) && !run.stderr.contains(password) && !run.stdout.contains("not-it"))
        }
    }
}
