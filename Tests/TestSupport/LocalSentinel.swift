import Foundation
import Glibc

/// A throwaway Sentinel topology on 127.0.0.1: one primary, one replica and `sentinelCount`
/// sentinels watching them, every process stopped by its own PID.
public final class LocalSentinel: @unchecked Sendable {
    public let primary: RedisServerProcess
    public let replica: RedisServerProcess
    public let sentinels: [SentinelProcess]
    public let masterName: String
    public let downAfterMillis: Int
    public let failoverTimeoutMillis: Int
    public let quorum: Int
    /// The sentinels' own password (`requirepass`, and `sentinel sentinel-pass` between them).
    public let sentinelPassword: String?

    public enum Failure: Error, CustomStringConvertible {
        case cliNotInstalled
        case replicaNotSynced(String)
        case notReady(String)
        public var description: String {
            switch self {
            case .cliNotInstalled: return "redis-cli is not installed (apt-get install redis-tools)"
            case .replicaNotSynced(let text): return "the replica did not report master_link_status:up: \(text)"
            case .notReady(let text): return "the sentinels did not agree on the topology: \(text)"
            }
        }
    }

    public init(masterName: String = "mymaster", downAfterMillis: Int = 2000, failoverTimeoutMillis: Int = 10000,
                quorum: Int = 2, sentinelCount: Int = 3, extraSentinelConfig: [String] = [], sentinelPassword: String? = nil) throws {
        self.sentinelPassword = sentinelPassword
        self.masterName = masterName
        self.downAfterMillis = downAfterMillis
        self.failoverTimeoutMillis = failoverTimeoutMillis
        self.quorum = quorum
        guard Self.cliExecutable != nil else { throw Failure.cliNotInstalled }
        // Without a delay the primary starts the full sync at once, not after waiting 5 s for more
        // replicas; both get it, either may be the primary after a failover.
        let noSyncDelay = ["--repl-diskless-sync-delay", "0"]
        primary = try RedisServerProcess(noSyncDelay)
        do {
            replica = try RedisServerProcess(noSyncDelay + ["--replicaof", "127.0.0.1", String(primary.port)])
        } catch {
            primary.stop()
            throw error
        }
        // Sentinels start once the replica is synced: their first INFO of it then says the link is
        // up, and the next one comes only 10 s later.
        let end = Date().addingTimeInterval(20)
        while !replica.call("INFO replication").contains("master_link_status:up"), Date() < end { usleep(50_000) }
        let replication = replica.call("INFO replication")
        guard replication.contains("master_link_status:up") else {
            replica.stop()
            primary.stop()
            throw Failure.replicaNotSynced(replication)
        }
        var started: [SentinelProcess] = []
        do {
            for _ in 0..<sentinelCount {
                // Directives about the master come after `sentinel monitor`, which defines it.
                started.append(try SentinelProcess(configuration: [
                    "sentinel monitor \(masterName) 127.0.0.1 \(primary.port) \(quorum)",
                    "sentinel down-after-milliseconds \(masterName) \(downAfterMillis)",
                    "sentinel failover-timeout \(masterName) \(failoverTimeoutMillis)",
                ] + extraSentinelConfig + (sentinelPassword.map { ["requirepass \($0)", "sentinel sentinel-pass \($0)"] } ?? [])))
            }
        } catch {
            started.forEach { $0.stop() }
            replica.stop()
            primary.stop()
            throw error
        }
        sentinels = started
        guard waitUntilReady(seconds: 30) else {
            let views = sentinels.map { sentinel in
                "sentinel \(sentinel.port): master \(masterAddress(from: sentinel.port) ?? "unknown")"
                    + "\n  SENTINELS: \(sentinelEntries(sentinel.port, "SENTINELS", masterName).map { "\($0["port"] ?? "?") \($0["flags"] ?? "?")" })"
                    + "\n  REPLICAS: \(sentinelEntries(sentinel.port, "REPLICAS", masterName).map { "\($0["port"] ?? "?") \($0["flags"] ?? "?") link \($0["master-link-status"] ?? "?")" })"
                    + "\n  log (end):\n\(sentinel.log.split(separator: "\n").suffix(15).joined(separator: "\n"))"
            }.joined(separator: "\n")
            stop()
            throw Failure.notReady(views)
        }
    }

    deinit { stop() }

    /// Sentinels first: with them gone, stopping the primary starts no failover.
    public func stop() {
        sentinels.forEach { $0.stop() }
        replica.stop()
        primary.stop()
    }

    /// Polls `condition` every 100 ms until it holds or `seconds` pass (`Poll.until`).
    public func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        Poll.until(seconds: seconds, condition)
    }

    /// Every sentinel names the primary, is linked to every other sentinel (they find each other
    /// through hello messages on the primary, every 2 s) and to the synced replica, and sees
    /// nothing down: a failover can then start at once.
    public func waitUntilReady(seconds: Double) -> Bool {
        let ports = Set(sentinels.map(\.port))
        return waitUntil(seconds: seconds) {
            sentinels.allSatisfy { sentinel in
                guard masterAddress(from: sentinel.port) == "127.0.0.1:\(primary.port)",
                      sentinelEntries(sentinel.port, "MASTER", masterName).first?["flags"] == "master" else { return false }
                let others = sentinelEntries(sentinel.port, "SENTINELS", masterName)
                guard Set(others.compactMap { $0["port"].flatMap { Int($0) } }) == ports.subtracting([sentinel.port]),
                      others.allSatisfy({ $0["flags"] == "sentinel" }) else { return false }
                let replicas = sentinelEntries(sentinel.port, "REPLICAS", masterName)
                return replicas.count == 1 && replicas[0]["port"] == String(replica.port)
                    && replicas[0]["flags"] == "slave" && replicas[0]["master-link-status"] == "ok"
            }
        }
    }

    /// redis-cli's reply to `args` sent to the sentinel at `port`, as it prints it to a pipe
    /// (one element a line, errors as their text, a nil as an empty line).
    public func sentinelCall(_ port: Int, _ args: String...) -> String {
        Self.cli(port, args, password: sentinelPassword)
    }

    /// The primary the sentinel at `port` names for `masterName`, "127.0.0.1:PORT"; nil if none.
    public func masterAddress(from port: Int) -> String? {
        let lines = sentinelCall(port, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName).split(whereSeparator: \.isNewline)
        guard lines.count == 2, Int(lines[1]) != nil else { return nil }
        return "\(lines[0]):\(lines[1])"
    }

    /// A SENTINEL reply made of field/value lists (MASTER: one; MASTERS, SENTINELS, REPLICAS:
    /// one each), each as a dictionary. redis-cli prints them flat; each list starts at `name`.
    public func sentinelEntries(_ port: Int, _ args: String...) -> [[String: String]] {
        let lines = Self.cli(port, ["SENTINEL"] + args, password: sentinelPassword).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "name" else { return [] }
        var entries: [[String: String]] = []
        var index = 0
        while index + 1 < lines.count {
            if lines[index] == "name" { entries.append([:]) }
            entries[entries.count - 1][lines[index]] = lines[index + 1]
            index += 2
        }
        return entries
    }

    static var cliExecutable: String? {
        RedisServerProcess.executable.map { ($0 as NSString).deletingLastPathComponent + "/redis-cli" }
            .flatMap { access($0, X_OK) == 0 ? $0 : nil }
            ?? ["/usr/bin/redis-cli", "/usr/local/bin/redis-cli"].first { access($0, X_OK) == 0 }
    }

    static func cli(_ port: Int, _ args: [String], password: String? = nil) -> String {
        let login = password.map { ["--no-auth-warning", "-a", $0] } ?? []
        guard let executable = cliExecutable,
              let run = try? PipedProcess.run(executable, ["-h", "127.0.0.1", "-p", String(port)] + login + args, input: "") else { return "" }
        return run.text.hasSuffix("\n") ? String(run.text.dropLast()) : run.text
    }
}

/// A redis-server in sentinel mode, stopped by its own PID. Sentinel rewrites its config file
/// (its id, the replicas and sentinels it found), so each has its own file in its own directory.
public final class SentinelProcess: @unchecked Sendable {
    public let port: Int
    public let directory: String
    public let configFile: String
    public let logFile: String
    public let pid: Int32
    private let process: Process

    /// Starts `redis-server <file> --sentinel` on a free loopback port (or `port`), with
    /// `configuration` after the port, bind, dir and logfile lines.
    public init(configuration: [String], port fixedPort: Int? = nil) throws {
        guard let executable = RedisServerProcess.executable else { throw RedisServerProcess.StartError.notInstalled }
        directory = try TemporaryDirectory.make(prefix: "redis-doctor-sentinel")
        port = try fixedPort ?? FreePort.find()
        configFile = directory + "/sentinel.conf"
        logFile = directory + "/sentinel.log"
        let lines = ["port \(port)", "bind 127.0.0.1", "dir \(directory)", "logfile \(logFile)", "daemonize no"] + configuration
        try (lines.joined(separator: "\n") + "\n").write(toFile: configFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // The config file must be the first argument: sentinel mode refuses to start without one.
        process.arguments = [configFile, "--sentinel"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.pid = process.processIdentifier
        guard RedisServerProcess.waitForPong(port: port, seconds: 10) else {
            let text = log
            stop()
            throw RedisServerProcess.StartError.didNotAnswer(text)
        }
    }

    deinit { stop() }

    /// What the sentinel logged so far (+sdown, +switch-master, ...).
    public var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// SIGSTOP: the kernel still accepts connections, nothing answers.
    public func freeze() { kill(pid, SIGSTOP) }

    public func thaw() { kill(pid, SIGCONT) }

    public func stop() {
        guard process.isRunning else { return }
        kill(pid, SIGCONT)
        kill(pid, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
