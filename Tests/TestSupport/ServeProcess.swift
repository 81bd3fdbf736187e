import Foundation
import Glibc

/// A running `redis-doctor-serve` on a free loopback port, its stderr in a log file, stopped
/// by PID. Requests go through Tests/Scripts/http_client.py (Python's own HTTP client).
public final class ServeProcess: @unchecked Sendable {
    public let port: Int
    public let pid: Int32
    public let logFile: String
    public let directory: String
    private let process: Process

    public enum Failure: Error, CustomStringConvertible {
        case notServing(String)
        public var description: String {
            switch self {
            case .notServing(let log): return "redis-doctor-serve did not answer /-/healthy: \(log)"
            }
        }
    }

    /// The exporter next to the redis-doctor under test.
    public static var binary: String {
        URL(fileURLWithPath: CommandRun.binary).deletingLastPathComponent().appendingPathComponent("redis-doctor-serve").path
    }

    /// `config`: the text of a config file written for it (none when nil).
    public init(config: String? = nil, environment: [String: String] = [:]) throws {
        directory = try TemporaryDirectory.make(prefix: "redis-doctor-serve")
        port = try FreePort.find()
        logFile = directory + "/serve.log"
        var arguments = ["--listen", "127.0.0.1:\(port)"]
        if let config {
            try config.write(toFile: directory + "/serve.conf", atomically: true, encoding: .utf8)
            arguments += ["--config", directory + "/serve.conf"]
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        let log = FileHandle(forWritingAtPath: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        pid = process.processIdentifier
        let end = Date().addingTimeInterval(10)
        while Date() < end {
            if (try? Self.request("GET", "http://127.0.0.1:\(port)/-/healthy"))?.status == 200 { return }
            usleep(50_000)
        }
        stop()
        throw Failure.notServing(self.log)
    }

    deinit { stop() }

    public func stop() {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        // SIGTERM is the way it is stopped in production; a stuck one is killed after 5 s.
        let end = Date().addingTimeInterval(5)
        while process.isRunning, Date() < end { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
    }

    public var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// Resident memory in KiB (VmRSS).
    public var residentKiB: Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// One request: its status, seconds and body.
    public struct Response: Sendable {
        public var status: Int
        public var seconds: Double
        public var body: String
    }

    public static func request(_ method: String, _ url: String, headers: [String: String] = [:]) throws -> Response {
        let spec = ["mode": "one", "method": method, "url": url, "headers": headers] as [String: Any]
        let data = try JSONSerialization.data(withJSONObject: spec)
        let run = try PipedProcess.run("/usr/bin/python3", [script], input: String(decoding: data, as: UTF8.self))
        guard let object = try JSONSerialization.jsonObject(with: Data(run.text.utf8)) as? [String: Any] else {
            throw Failure.notServing(run.text)
        }
        return Response(status: object["status"] as? Int ?? 0, seconds: object["seconds"] as? Double ?? 0, body: object["body"] as? String ?? "")
    }

    public func get(_ path: String, headers: [String: String] = [:]) throws -> Response {
        try Self.request("GET", url(path), headers: headers)
    }

    /// Every URL at once (one thread and connection each): each one's status, seconds and whether its page says up.
    /// `delays`: seconds each request waits before it starts (all at once by default).
    public func burst(_ paths: [String], headers: [String: String] = [:], delays: [Double]? = nil) throws -> [(status: Int, seconds: Double, up: Bool?)] {
        var spec = ["mode": "burst", "urls": paths.map(url), "headers": headers] as [String: Any]
        if let delays { spec["delays"] = delays }
        let data = try JSONSerialization.data(withJSONObject: spec)
        let run = try PipedProcess.run("/usr/bin/python3", [Self.script], input: String(decoding: data, as: UTF8.self))
        guard let rows = try JSONSerialization.jsonObject(with: Data(run.text.utf8)) as? [[String: Any]] else { throw Failure.notServing(run.text) }
        return rows.map { ($0["status"] as? Int ?? 0, $0["seconds"] as? Double ?? 0, $0["up"] as? Bool) }
    }

    /// Sends a GET and disconnects after `seconds` without reading: whether it was answered first.
    public func abandon(_ path: String, after seconds: Double) throws -> Bool {
        let spec = ["mode": "abandon", "url": url(path), "after": seconds] as [String: Any]
        let data = try JSONSerialization.data(withJSONObject: spec)
        let run = try PipedProcess.run("/usr/bin/python3", [Self.script], input: String(decoding: data, as: UTF8.self))
        guard let object = try JSONSerialization.jsonObject(with: Data(run.text.utf8)) as? [String: Any] else { throw Failure.notServing(run.text) }
        return object["answered"] as? Bool ?? true
    }

    /// `count` requests one after another on one keep-alive connection: how many got 200 and
    /// whether the connection stayed the same.
    public func keepAlive(_ path: String, count: Int) throws -> (ok: Int, sameConnection: Bool) {
        let spec = ["mode": "keepalive", "url": url(path), "count": count] as [String: Any]
        let data = try JSONSerialization.data(withJSONObject: spec)
        let run = try PipedProcess.run("/usr/bin/python3", [Self.script], input: String(decoding: data, as: UTF8.self))
        guard let object = try JSONSerialization.jsonObject(with: Data(run.text.utf8)) as? [String: Any] else { throw Failure.notServing(run.text) }
        return (object["ok"] as? Int ?? 0, object["same_connection"] as? Bool ?? false)
    }

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/http_client.py").path
    }
}
