import Foundation
import Glibc
import Testing
import TestSupport

/// Failures that do not heal: a primary killed (its shard then runs without a replica, which
/// redis-cli --cluster check calls OK), then a whole shard killed. Its own cluster: these
/// steps leave it broken.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"), .serialized)
struct ClusterFailoverTests {
    @Test func aKilledPrimaryLeavesAShardWithoutReplicaThenAKilledShardIsCritical() throws {
        let cluster = try LocalCluster()
        defer { cluster.stop() }
        let first = cluster.nodes[0].port
        let lines = cluster.lines(from: first)
        // A primary (not the node asked) with its replica.
        let pair = lines.filter { $0.flags.contains("master") && !$0.slots.isEmpty && $0.port != first }
            .compactMap { p in lines.first { $0.primary == p.id && $0.port != first }.map { (primary: p, replica: $0) } }.first
        let (primary, replica) = try #require(pair)
        try #require(cluster.node(port: primary.port)).stop()

        // Every other node agrees the replica took over.
        let survivors = cluster.nodes.filter { $0.port != primary.port }
        let promoted = cluster.waitUntil(seconds: 30) {
            survivors.allSatisfy { node in cluster.lines(from: node.port).contains { $0.port == replica.port && $0.flags.contains("master") && !$0.slots.isEmpty } }
                && survivors.allSatisfy { $0.call("CLUSTER INFO").contains("cluster_state:ok") }
        }
        try #require(promoted, "the replica was promoted")
        let cli = try PipedProcess.run("/bin/sh", ["-c", "redis-cli --cluster check 127.0.0.1:\(replica.port)"], input: "")
        #expect(!cli.text.contains("[ERR]"), "redis-cli --cluster check finds nothing wrong: \(cli.text)")
        let run = try CommandRun.run(["-p", String(first), "check", "--cluster"])
        #expect(run.exitCode == 1, "\(run.stdout.prefix(1200))")
        #expect(run.stdout.hasPrefix("REDIS CLUSTER WARNING - "), "\(run.stdout.prefix(600))")
        #expect(run.stdout.contains("primary 127.0.0.1:\(replica.port) (\(primary.slots)) has no replica"), "\(run.stdout.prefix(1200))")
        #expect(run.stdout.contains("127.0.0.1:\(primary.port) failed"), "\(run.stdout.prefix(1200))")
        #expect(!run.stdout.contains("CRITICAL"), "\(run.stdout.prefix(1200))")
        // discover leaves the failed node out, unless --all.
        let listed = try CommandRun.run(["-p", String(first), "discover", "--cluster", "--format", "lines"]).stdout
        #expect(listed.split(separator: "\n").count == 5 && !listed.contains("127.0.0.1:\(primary.port) "), "\(listed)")
        let everything = try CommandRun.run(["-p", String(first), "discover", "--cluster", "--all", "--format", "lines"]).stdout
        #expect(everything.contains("127.0.0.1:\(primary.port) master"), "\(everything)")

        // A whole shard: another primary and its replica.
        let other = try #require(cluster.lines(from: first).first { $0.flags.contains("master") && !$0.slots.isEmpty && $0.port != replica.port && $0.port != first })
        let otherReplica = try #require(cluster.lines(from: first).first { $0.primary == other.id })
        try #require(cluster.node(port: other.port)).stop()
        try #require(cluster.node(port: otherReplica.port)).stop()
        let alive = survivors.filter { $0.port != other.port && $0.port != otherReplica.port }
        let down = cluster.waitUntil(seconds: 30) { alive.allSatisfy { $0.call("CLUSTER INFO").contains("cluster_state:fail") } }
        try #require(down, "the survivors say cluster_state:fail")
        let critical = try CommandRun.run(["-p", String(alive[0].port), "check", "--cluster", "--format", "json"])
        #expect(critical.exitCode == 2, "\(critical.stdout.prefix(1200))")
        #expect(critical.stdout.contains("cluster_state:fail on \(alive.count) of \(alive.count) answering nodes"), "\(critical.stdout.prefix(1200))")
        #expect(critical.stdout.contains("slots owned by a failed node (127.0.0.1:\(other.port))"), "\(critical.stdout.prefix(1200))")
        #expect(try JSONSchemaValidator.validate(critical.stdout, schema: JSONSchemaValidator.clusterOutputSchema).status == 0)
    }
}

extension ClusterFailoverTests {
    /// `tls-cluster yes`: nodes announce their TLS ports, and the TLS options apply to every node.
    @Test func aTLSClusterIsCheckedOverTLSOnEveryNode() throws {
        let pki = try TLSFixtures()
        let cluster = try LocalCluster(tlsArguments: { pki.serverArguments(tlsPort: $0) }, createArguments: ["--tls", "--cacert", pki.ca])
        defer { cluster.stop() }
        let seed = cluster.announcedPorts[0]
        let healthy = try CommandRun.run(["-p", String(seed), "--tls", "--cacert", pki.ca, "check", "--cluster"])
        #expect(healthy.exitCode == 0, "\(healthy.stdout.prefix(800))")
        #expect(healthy.stdout.hasPrefix("REDIS CLUSTER OK - 6 nodes, 3 shards"), "\(healthy.stdout.prefix(800))")
        let json = try CommandRun.run(["-p", String(seed), "--tls", "--cacert", pki.ca, "check", "--cluster", "--format", "json"])
        // Every node was reached over TLS: each report judged its certificate.
        #expect(json.stdout.components(separatedBy: "{\"rule\":\"tls-certificate\",\"status\":\"ok\"").count == 7, "\(json.stdout.prefix(800))")
        // Without --tls nothing on the announced ports answers in plain text.
        let plain = try CommandRun.run(["-p", String(seed), "-t", "3", "check", "--cluster"])
        #expect(plain.exitCode != 0, "\(plain.stdout)")
        #expect(plain.stdout.contains("use --tls or rediss://"), "\(plain.stdout)")

        // One failure: a replica killed, flagged by its peers.
        let lines = cluster.lines(from: cluster.nodes[0].port)
        let replica = try #require(lines.first { $0.flags.contains("slave") })
        try #require(cluster.node(port: replica.port)).stop()
        let flagged = cluster.waitUntil(seconds: 20) {
            cluster.lines(from: cluster.nodes[0].port == replica.port ? cluster.nodes[1].port : cluster.nodes[0].port)
                .contains { $0.port == replica.port && $0.flags.contains("fail") && !$0.flags.contains("fail?") }
        }
        try #require(flagged)
        // A plain connection (the helper's) sees the plain ports; a TLS one the TLS ports.
        let index = try #require(cluster.nodes.firstIndex { $0.port == replica.port })
        let replicaTLSPort = cluster.announcedPorts[index]
        let run = try CommandRun.run(["-p", String(index == 0 ? cluster.announcedPorts[1] : seed), "--tls", "--cacert", pki.ca, "check", "--cluster"])
        #expect(run.exitCode == 1, "\(run.stdout.prefix(800))")
        #expect(run.stdout.contains("replica 127.0.0.1:\(replicaTLSPort) failed"), "\(run.stdout.prefix(800))")
    }
}
