import Foundation
import Glibc

/// A program running in a detached tmux server of its own, for driving the REPL like a user.
/// Always `kill()` it (in a defer): the tmux server outlives the test otherwise.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String

    public static var isInstalled: Bool {
        access("/usr/bin/tmux", X_OK) == 0
    }

    /// Like redis-server: under CI=true a missing tmux fails the REPL tests instead of skipping them.
    public static var shouldRun: Bool {
        isInstalled || ProcessInfo.processInfo.environment["CI"] == "true"
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
        // tmux leaves its socket file behind when killed this way.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }

    /// Runs tmux with posix_spawn and waits for it. Foundation's Process is not used: it
    /// notices a child's exit by EOF on a socket the child inherits, and the tmux server that
    /// `new-session` forks keeps that socket open, so waitUntilExit would hang until it exits.
    /// All descriptors above 2 are closed in the child, so the server holds nothing of ours.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let capture = arguments.first == "capture-pane"
        let outputPath = NSTemporaryDirectory() + "/\(socket)-\(UInt32.random(in: 0...UInt32.max)).txt"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // posix_spawn_file_actions_addclosefrom_np is not visible from Swift: bash closes them (dash cannot close fds above 9).
        let closeAndExec = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; exec /usr/bin/tmux \"$@\""
        let argv: [UnsafeMutablePointer<CChar>?] = (["bash", "-c", closeAndExec, "bash", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test runner's threads block some signals; the tmux server and the program under
        // test must start with a clean mask and default handlers, as from a login shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", &actions, &attributes, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard capture else { return "" }
        defer { unlink(outputPath) }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}
