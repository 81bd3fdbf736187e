import Foundation
import Glibc

/// A program running in a detached tmux server of its own, for driving the REPL like a user.
/// Always `kill()` it (in a defer): the tmux server outlives the test otherwise.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String

    public static var isInstalled: Bool {
        access("/usr/bin/tmux", X_OK) == 0
    }

    /// Starts `command` (a shell command line) in a 120x40 window with `environment` set.
    public init(_ command: String, environment: [String: String] = [:]) throws {
        socket = "rd-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let exports = environment.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        // The trailing sleep keeps the pane readable if the program exits.
        try tmux(["new-session", "-d", "-x", "120", "-y", "40", "\(exports) \(command); sleep 30"])
    }

    public func send(_ keys: String...) {
        _ = try? tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types text literally, then Enter.
    public func type(_ line: String) {
        _ = try? tmux(["send-keys", "-t", "0", "-l", line])
        _ = try? tmux(["send-keys", "-t", "0", "Enter"])
    }

    public func screen() -> String {
        (try? tmux(["capture-pane", "-p", "-t", "0", "-S", "-200"])) ?? ""
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    @discardableResult
    public func waitFor(timeout: Double = 5, _ predicate: (String) -> Bool) -> (matched: Bool, screen: String) {
        let end = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = screen()
            if predicate(last) { return (true, last) }
            usleep(50_000)
        } while Date() < end
        return (false, last)
    }

    /// Waits until `text` has appeared `count` times on the screen.
    @discardableResult
    public func waitFor(_ text: String, count: Int = 1, timeout: Double = 5) -> (matched: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.components(separatedBy: text).count - 1 >= count }
    }

    public func kill() {
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-L", socket] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
