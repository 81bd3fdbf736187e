import Foundation
import Glibc

/// A real redis-server started for one test and stopped by its own PID.
///
/// With CI=true a missing redis-server is a failure, not a skip: a green run
/// must mean the integration tests ran.
public final class RedisServerProcess: @unchecked Sendable {
    public let port: Int
    public let directory: String
    public let unixSocket: String
    public let pid: Int32
    private let process: Process

    public enum StartError: Error, CustomStringConvertible {
        case notInstalled
        case didNotAnswer(String)
        public var description: String {
            switch self {
            case .notInstalled: return "redis-server is not installed (apt-get install redis-server)"
            case .didNotAnswer(let log): return "redis-server did not answer PING; log:\n\(log)"
            }
        }
    }

    public static var executable: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in paths + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(dir)/redis-server"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Integration tests run when redis-server exists, and always under CI (where they must not skip).
    public static var shouldRun: Bool {
        executable != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Starts a server on a free loopback port (IPv4 and, where available, ::1) and a unix socket;
    /// with `port`, on that port (to stand in for a restarted server after `stop()`).
    public init(_ extraArguments: [String] = [], port fixedPort: Int? = nil) throws {
        guard let executable = Self.executable else { throw StartError.notInstalled }
        directory = try TemporaryDirectory.make(prefix: "redis-doctor-test")
        port = try fixedPort ?? FreePort.find()
        unixSocket = directory + "/redis.sock"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--port", String(port), "--bind", "127.0.0.1", "-::1",
            "--unixsocket", unixSocket, "--unixsocketperm", "700",
            "--save", "", "--appendonly", "no", "--dir", directory,
            "--logfile", directory + "/redis.log", "--daemonize", "no",
        ] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.pid = process.processIdentifier
        guard Self.waitForPong(port: port, seconds: 10) else {
            let log = (try? String(contentsOfFile: directory + "/redis.log", encoding: .utf8)) ?? ""
            stop()
            throw StartError.didNotAnswer(log)
        }
    }

    deinit { stop() }

    /// SIGSTOP: the kernel still accepts connections, nothing answers.
    public func freeze() { kill(pid, SIGSTOP) }

    public func thaw() { kill(pid, SIGCONT) }

    /// Kills the server's children (a save child slowed by rdb-key-save-delay would
    /// otherwise outlive the server and the test).
    public func killChildren() {
        let path = "/proc/\(pid)/task/\(pid)/children"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        for child in text.split(separator: " ").compactMap({ Int32($0) }) {
            kill(child, SIGKILL)
        }
    }

    public func stop() {
        guard process.isRunning else { return }
        killChildren()
        kill(pid, SIGCONT)
        kill(pid, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Sends an inline command with a plain socket and returns the raw reply text.
    @discardableResult
    public func call(_ command: String, timeout: Double = 5) -> String {
        RawSocket.request(port: port, payload: command + "\r\n", timeout: timeout)
    }

    static func waitForPong(port: Int, seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            // A server with requirepass answers NOAUTH: it is up all the same.
            let reply = RawSocket.request(port: port, payload: "PING\r\n", timeout: 0.5)
            if reply.hasPrefix("+PONG") || reply.hasPrefix("-NOAUTH") { return true }
            usleep(20_000)
        }
        return false
    }
}
