import Foundation
import Glibc
import Testing
import TestSupport

/// `check --cluster` against one real six-node cluster (three primaries, one replica each,
/// node timeout 2 s), reused through the steps of one test and stopped by PID after it.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"), .serialized)
struct ClusterCheckTests {
    @Test func healthyThenAStoppedReplicaThenASeedThatIsDown() throws {
        let cluster = try LocalCluster()
        defer { cluster.stop() }
        let first = cluster.nodes[0].port

        // Healthy: OK, six nodes, three shards.
        let healthy = try CommandRun.run(["-p", String(first), "check", "--cluster"])
        #expect(healthy.exitCode == 0, "\(healthy.stdout)")
        #expect(healthy.stdout.hasPrefix("REDIS CLUSTER OK - 6 nodes, 3 shards"), "\(healthy.stdout)")
        let json = try CommandRun.run(["-p", String(first), "check", "--cluster", "--format", "json"])
        #expect(try JSONSchemaValidator.validate(json.stdout, schema: JSONSchemaValidator.clusterOutputSchema).status == 0, "\(json.stdout.prefix(800))")
        #expect(json.stdout.components(separatedBy: "\"report\":").count == 7, "every node reported")

        // Prometheus: a valid page; per-node series by node_id, the address and role only in node_info.
        let page = try CommandRun.run(["-p", String(first), "check", "--cluster", "--format", "prometheus"]).stdout
        let lint = try PrometheusPageValidator.promtool(page)
        #expect(lint.status == 0 && lint.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(lint.text)")
        #expect(try PrometheusPageValidator.pythonFamilies(page).status == 0)
        let samples = page.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(samples.filter { $0.hasPrefix("redis_doctor_node_info{") }.count == 6, "\(page.prefix(800))")
        #expect(samples.filter { $0.hasPrefix("redis_doctor_node_up{") && $0.hasSuffix(" 1") }.count == 6)
        #expect(samples.filter { !$0.hasPrefix("redis_doctor_node_info{") }.allSatisfy { !$0.contains("role=") && !$0.contains("address=") })
        #expect(samples.contains { $0.hasPrefix("redis_doctor_used_memory_rss_bytes{node_id=") }, "\(page.prefix(800))")

        // The exporter's mode=cluster: the same rules, no target label; /discover as discover prints.
        let serve = try ServeProcess()
        let scraped = try serve.get("/scrape?target=127.0.0.1:\(first)&mode=cluster")
        #expect(scraped.status == 200 && scraped.body.contains("redis_doctor_rule_status{rule=\"cluster-slots\"} 0"), "\(scraped.body.prefix(800))")
        #expect(try PrometheusPageValidator.promtool(scraped.body).status == 0 && !scraped.body.contains("target="))
        // Nodes announce their own addresses: one outside allow_targets is not visited (no credentials sent there).
        let narrow = try ServeProcess(config: "[serve]\nallow_targets = localhost\n")
        let fenced = try narrow.get("/scrape?target=localhost:\(first)&mode=cluster&debug=1")
        #expect(fenced.status == 200 && fenced.body.contains("not in allow_targets: not visited"), "\(fenced.body.prefix(1500))")
        let served = try serve.get("/discover?target=127.0.0.1:\(first)&mode=cluster")
        #expect(served.status == 200 && served.body.hasPrefix("[{\"targets\":[\"127.0.0.1:"), "\(served.body)")

        // discover: what Prometheus's http_sd reads, and host:port lines for inventories.
        let sd = try CommandRun.run(["-p", String(first), "discover", "--cluster"])
        #expect(sd.exitCode == 0, "\(sd.stderr)")
        let parsed = try PipedProcess.run("/usr/bin/python3", ["-c", """
            import json, sys
            groups = json.load(sys.stdin)
            assert isinstance(groups, list) and len(groups) == 6, groups
            for g in groups:
                assert set(g) == {"targets", "labels"}, g
                assert len(g["targets"]) == 1 and g["targets"][0].startswith("127.0.0.1:"), g
                assert all(k.startswith("__meta_redis_doctor_") and isinstance(v, str) for k, v in g["labels"].items()), g
            print(sorted(g["labels"]["__meta_redis_doctor_role"] for g in groups))
            """], input: sd.stdout)
        #expect(parsed.status == 0 && parsed.text.contains("['master', 'master', 'master', 'replica', 'replica', 'replica']"), "\(parsed.text)")
        let inventory = try CommandRun.run(["-p", String(first), "discover", "--cluster", "--format", "lines"])
        #expect(inventory.stdout.split(separator: "\n").count == 6 && inventory.stdout.contains("127.0.0.1:\(first) "), "\(inventory.stdout)")

        // The triage view: every node by shard, within 100 columns; the same rows as JSON.
        let table = try CommandRun.run(["-p", String(first), "cluster"])
        #expect(table.exitCode == 0, "\(table.stderr)")
        #expect(table.stdout.components(separatedBy: "\nshard ").count == 4, "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(table.stdout)")
        #expect(cluster.nodes.allSatisfy { table.stdout.contains("127.0.0.1:\($0.port)") }, "\(table.stdout)")
        let rows = try CommandRun.run(["-p", String(first), "cluster", "--format", "json"])
        #expect(rows.stdout.components(separatedBy: "\"role\":\"replica\"").count == 4, "\(rows.stdout.prefix(600))")

        // The REPL: :cluster shows the same view; a MOVED reply says where the slot lives.
        let home = try TemporaryDirectory.make(prefix: "rd-cluster-repl")
        let repl = try TmuxSession("'\(CommandRun.binary)' -p \(first)", environment: ["HOME": home, "REDISDOCTOR_HISTFILE": home + "/history", "PAGER": "cat", "TERM": "xterm"])
        defer { repl.kill() }
        #expect(repl.waitFor(">").matched)
        repl.type(":cluster")
        #expect(repl.waitFor("OPS/S", count: 3).matched, "\(repl.screen())")
        // Some key of the 16 tried hashes to a slot this node does not own.
        repl.type("MGET " + (0..<16).map { "k\($0)" }.joined(separator: " "))
        repl.type("GET k1")
        repl.type("GET k2")
        repl.type("GET k3")
        let moved = repl.waitFor(timeout: 10) { $0.contains("(error) MOVED") && $0.contains("redirects are not followed: :connect 127.0.0.1") }
        #expect(moved.matched, "\(moved.screen)")

        // A replica stopped until every peer flags it fail: CLUSTER INFO still says ok everywhere.
        let replicaPort = try #require(cluster.lines(from: first).first { $0.flags.contains("slave") }?.port)
        let replica = try #require(cluster.node(port: replicaPort))
        replica.freeze()
        defer { replica.thaw() }
        let others = cluster.nodes.filter { $0.port != replicaPort }
        let flagged = cluster.waitUntil(seconds: 20) {
            others.allSatisfy { node in cluster.lines(from: node.port).contains { $0.port == replicaPort && $0.flags.contains("fail") && !$0.flags.contains("fail?") } }
        }
        #expect(flagged, "the peers flag the stopped replica fail")
        #expect(others.allSatisfy { $0.call("CLUSTER INFO").contains("cluster_state:ok") })
        // The stopped node holds its share of the deadline, never more: the run ends by -t.
        let stopped = try CommandRun.run(["-p", String(first), "-t", "4", "check", "--cluster", "--format", "json"])
        #expect(stopped.exitCode == 1, "\(stopped.stdout.prefix(800))")
        #expect(stopped.seconds < 4.5, "ended by its deadline: \(stopped.seconds) s")
        #expect(stopped.stdout.contains("replica 127.0.0.1:\(replicaPort) failed"), "\(stopped.stdout.prefix(800))")
        #expect(stopped.stdout.contains("did not answer within"), "\(stopped.stdout.prefix(800))")
        #expect(try JSONSchemaValidator.validate(stopped.stdout, schema: JSONSchemaValidator.clusterOutputSchema).status == 0)
        // The other five nodes' single-node rules still ran.
        #expect(stopped.stdout.components(separatedBy: "\"report\":").count == 6, "\(stopped.stdout.prefix(800))")
        let nagios = try CommandRun.run(["-p", String(first), "-t", "4", "check", "--cluster"])
        #expect(nagios.stdout.hasPrefix("REDIS CLUSTER WARNING - "), "\(nagios.stdout)")
        #expect(nagios.stdout.contains("has no replica that can take over (127.0.0.1:\(replicaPort) failed)"), "\(nagios.stdout)")
        replica.thaw()
        #expect(cluster.waitUntilHealthy(seconds: 30), "the replica rejoins")

        // A seed that is down, then one that answers: the run goes on, and says so.
        let down = try FreePort.find()
        let seeded = try CommandRun.run(["-p", String(down), "check", "--cluster", "--seed", "127.0.0.1:\(first)", "--format", "json"])
        // (A primary may still count seconds since the thawed replica's last ACK: not asserted here.)
        #expect(seeded.exitCode <= 1, "\(seeded.stdout.prefix(800))")
        #expect(seeded.stdout.contains("\"node_count\":6,\"shard_count\":3"), "\(seeded.stdout.prefix(800))")
        #expect(seeded.stdout.contains("{\"rule\":\"cluster-nodes\",\"status\":\"ok\""), "\(seeded.stdout.prefix(800))")
        #expect(seeded.stdout.contains("seed 127.0.0.1:\(down): connection refused"), "\(seeded.stdout.prefix(800))")
        let noSeed = try CommandRun.run(["-p", String(down), "check", "--cluster"])
        #expect(noSeed.exitCode == 2, "\(noSeed.stdout)")
        #expect(noSeed.stdout.contains("no seed listed the cluster's nodes: 127.0.0.1:\(down): connection refused"), "\(noSeed.stdout)")
    }

    @Test func aServerWithoutClusterSupportSaysSoInItsOwnWords() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        // A refused command: the check is pointed at the wrong thing, UNKNOWN as for a single server.
        let run = try CommandRun.run(["-p", String(server.port), "check", "--cluster"])
        #expect(run.exitCode == 3, "\(run.stdout)")
        #expect(run.stdout.contains("ERR This instance has cluster support disabled"), "\(run.stdout)")
        let discover = try CommandRun.run(["-p", String(server.port), "discover", "--cluster"])
        #expect(discover.exitCode == 1 && discover.stderr.contains("cluster support disabled"), "\(discover.stderr)")
    }
}
