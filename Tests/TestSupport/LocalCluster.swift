import Foundation
import Glibc

/// A throwaway Redis Cluster on 127.0.0.1: `size` redis-server processes with
/// `--cluster-enabled yes`, joined by `redis-cli --cluster create`, each stopped by PID.
public final class LocalCluster: @unchecked Sendable {
    public let nodes: [RedisServerProcess]
    public let nodeTimeoutMillis: Int

    public enum Failure: Error, CustomStringConvertible {
        case create(String)
        case notReady(String)
        public var description: String {
            switch self {
            case .create(let text): return "redis-cli --cluster create failed: \(text)"
            case .notReady(let text): return "the cluster did not become healthy: \(text)"
            }
        }
    }

    /// The port each node announces: its TLS port in a `tls-cluster yes` cluster, else its port.
    public let announcedPorts: [Int]

    /// `tlsArguments`: given a TLS port, the node's TLS options; the cluster then runs with
    /// `tls-cluster yes` and `createArguments` must carry redis-cli's `--tls --cacert`.
    public init(size: Int = 6, replicas: Int = 1, nodeTimeoutMillis: Int = 2000, extraArguments: [String] = [],
                tlsArguments: ((Int) -> [String])? = nil, createArguments: [String] = []) throws {
        self.nodeTimeoutMillis = nodeTimeoutMillis
        var started: [RedisServerProcess] = []
        var announced: [Int] = []
        do {
            for _ in 0..<size {
                let port = try FreePort.findForClusterNode()
                var arguments = ["--cluster-enabled", "yes", "--cluster-node-timeout", String(nodeTimeoutMillis)] + extraArguments
                if let tlsArguments {
                    // With tls-cluster the bus port may follow the TLS port: keep it valid too.
                    let tlsPort = try FreePort.findForClusterNode()
                    arguments += tlsArguments(tlsPort) + ["--tls-cluster", "yes", "--tls-replication", "yes"]
                    announced.append(tlsPort)
                } else {
                    announced.append(port)
                }
                started.append(try RedisServerProcess(arguments, port: port))
            }
        } catch {
            started.forEach { $0.stop() }
            throw error
        }
        nodes = started
        announcedPorts = announced
        let addresses = announced.map { "127.0.0.1:\($0)" }.joined(separator: " ")
        let create = try PipedProcess.run("/bin/sh", ["-c", "redis-cli \(createArguments.joined(separator: " ")) --cluster create \(addresses) --cluster-replicas \(replicas) --cluster-yes"], input: "")
        guard create.status == 0 else {
            stop()
            throw Failure.create(create.text)
        }
        guard waitUntilHealthy(seconds: 30) else {
            let text = nodes.map { $0.call("CLUSTER NODES") }.joined(separator: "\n")
            stop()
            throw Failure.notReady(text)
        }
    }

    deinit { stop() }

    public func stop() { nodes.forEach { $0.stop() } }

    /// The node reached at `port`, its plain port or the port it announces.
    public func node(port: Int) -> RedisServerProcess? {
        nodes.indices.first { nodes[$0].port == port || announcedPorts[$0] == port }.map { nodes[$0] }
    }

    /// Polls `condition` every 100 ms until it holds or `seconds` pass (`Poll.until`).
    public func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        Poll.until(seconds: seconds, condition)
    }

    /// Every running node says cluster_state:ok, lists as many replicas as there should be
    /// with no failure flag, and every replica's link to its primary is up.
    public func waitUntilHealthy(seconds: Double, running: [RedisServerProcess]? = nil, replicasExpected: Int? = nil) -> Bool {
        let alive = running ?? nodes
        let replicaCount = replicasExpected ?? nodes.count / 2
        return waitUntil(seconds: seconds) {
            alive.allSatisfy { node in
                guard node.call("CLUSTER INFO").contains("cluster_state:ok") else { return false }
                let lines = self.lines(from: node.port)
                guard lines.filter({ $0.flags.contains("slave") && !$0.flags.contains("fail") }).count >= replicaCount,
                      !lines.contains(where: { line in
                          line.flags.contains("fail") && (self.node(port: line.port).map { running in alive.contains { $0 === running } } ?? false)
                      }) else { return false }
                // Every primary with slots has an unflagged replica in this node's view.
                if replicasExpected == nil {
                    for primary in lines where primary.flags.contains("master") && !primary.slots.isEmpty {
                        guard lines.contains(where: { $0.primary == primary.id && !$0.flags.contains("fail") }) else { return false }
                    }
                }
                let replication = node.call("INFO replication")
                if replication.contains("role:slave") { return replication.contains("master_link_status:up") }
                // A primary's replicas online and caught up (lag is seconds since their last ack).
                let replicas = replication.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("slave") && $0.contains("state=") }
                return replicas.allSatisfy { line in
                    guard line.contains("state=online"), let lag = line.split(separator: ",").first(where: { $0.hasPrefix("lag=") }) else { return false }
                    return (Int(lag.dropFirst(4).prefix { $0.isNumber }) ?? 99) <= 1
                }
            }
        }
    }

    /// The node ids and roles as `port`'s CLUSTER NODES lists them.
    public func lines(from port: Int) -> [(id: String, port: Int, flags: String, primary: String, slots: String)] {
        guard let node = node(port: port) else { return [] }
        // The reply starts with RESP's `$N\r\n`, one Character in Swift: split at any newline.
        return node.call("CLUSTER NODES").split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count >= 8, let colon = fields[1].lastIndex(of: ":"), let at = fields[1].firstIndex(of: "@"),
                  let port = Int(fields[1][fields[1].index(after: colon)..<at]) else { return nil }
            return (String(fields[0]), port, String(fields[2]), String(fields[3]), fields.dropFirst(8).joined(separator: " "))
        }
    }
}
