import Foundation
import Glibc

/// A separate process holding `count` named, idle connections: the shape a forked
/// application worker leaves behind (seed outage 001). Killed by PID on stop.
public final class IdlePool: @unchecked Sendable {
    private let process: Process

    public init(port: Int, count: Int, name: String, seconds: Int = 60) throws {
        let script = """
        import socket, sys, time
        socks = []
        for _ in range(\(count)):
            s = socket.create_connection(("127.0.0.1", \(port)))
            s.sendall(b"CLIENT SETNAME \(name)\\r\\n")
            s.recv(64)
            socks.append(s)
        print("ready", flush=True)
        time.sleep(\(seconds))
        """
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // Wait until every connection is open and named.
        _ = out.fileHandleForReading.availableData
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
