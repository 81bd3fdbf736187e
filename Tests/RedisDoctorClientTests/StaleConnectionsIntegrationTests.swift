import Foundation
import Glibc
import RedisDoctorClient
import RedisDoctorCore
import Testing
import TestSupport

/// Seed 001 on a real server: a child process opens a pool, names it and goes
/// idle while other clients stay busy; the rule must point at that pool.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct StaleConnectionsIntegrationTests {
    static let poolSize = 25

    /// A python3 child holding `poolSize` named, idle connections for 30 s.
    func startPool(port: Int) throws -> Process {
        let script = """
            import socket, time
            socks = []
            for _ in range(\(Self.poolSize)):
                s = socket.create_connection(("127.0.0.1", \(port)))
                s.sendall(b"CLIENT SETNAME pool-worker\\r\\n")
                s.recv(64)
                socks.append(s)
            time.sleep(30)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func forkedPoolIsOneStaleGroupAndWarns() throws {
        let server = try RedisServerProcess()
        let target = ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: server.port))
        let active = try (0..<3).map { _ in
            try Connection.open(target, deadline: Deadline(seconds: 5), options: ConnectionOptions(clientName: "active-client"))
        }
        let doctor = try Connection.open(target, deadline: Deadline(seconds: 5))
        let child = try startPool(port: server.port)
        defer {
            if child.isRunning { kill(child.processIdentifier, SIGKILL) }
            child.waitUntilExit()
        }

        // Wait for the pool to connect, then let it idle while the others work.
        let connected = Deadline(seconds: 10)
        while !connected.hasPassed {
            let list = try doctor.send(["CLIENT", "LIST"], deadline: Deadline(seconds: 5)).text ?? ""
            if list.components(separatedBy: "name=pool-worker ").count - 1 == Self.poolSize { break }
            usleep(50_000)
        }
        let idle = Deadline(seconds: 3)
        while !idle.hasPassed {
            for link in active { #expect(try link.send(["PING"], deadline: Deadline(seconds: 5)) == .status("PONG")) }
            usleep(200_000)
        }

        let exchanges = [
            Exchange(command: ["INFO", "everything"], reply: try doctor.send(["INFO", "everything"], deadline: Deadline(seconds: 5))),
            Exchange(command: ["CLIENT", "LIST"], reply: try doctor.send(["CLIENT", "LIST"], deadline: Deadline(seconds: 5))),
            Exchange(command: ["CONFIG", "GET", "timeout"], reply: try doctor.send(["CONFIG", "GET", "timeout"], deadline: Deadline(seconds: 5))),
        ]
        let snapshot = ParsedSnapshot(Snapshot(target: "test", exchanges: exchanges))
        let clients = try #require(snapshot.clients)

        let analysis = ClientGroups(clients, options: ClientGroupOptions(idleThresholdSeconds: 2))
        let pools = analysis.groups.filter { $0.name == "pool-worker" }
        #expect(pools.count == 1)
        let pool = try #require(pools.first)
        #expect(pool.host == "127.0.0.1" && pool.count == Self.poolSize && pool.idleCount == Self.poolSize)
        #expect(pool.neverUsed)
        #expect(analysis.groups.first == pool, "the pool is the worst group")
        let activeGroup = try #require(analysis.groups.first { $0.name == "active-client" })
        #expect(activeGroup.count == 3 && activeGroup.idleCount == 0)
        #expect(analysis.summary.excludedByReason[.own] == 1)

        let settings = try RuleSettings(overrides: ["stale-connections.idle": "2"])
        let context = RuleContext(description: StaleConnectionsRule.description, current: snapshot, previous: nil, settings: settings)
        let result = try StaleConnectionsRule.evaluate(context)
        #expect(result.status == .warning || result.status == .critical, "\(result)")
        let evidence = result.evidence.joined(separator: "\n")
        #expect(evidence.contains("127.0.0.1") && evidence.contains("pool-worker"), "\(evidence)")
        #expect(evidence.contains("fork signature"), "\(evidence)")
        #expect(evidence.contains("timeout 0"), "\(evidence)")
        #expect(result.advice.contains { $0.contains("CLIENT KILL ID") })
    }
}
