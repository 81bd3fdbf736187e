import Glibc

/// Runs the binary under test with posix_spawn and wait4, for what Process cannot tell:
/// the signal that ended it and its peak RSS.
public struct MeasuredRun: Sendable {
    public var exitCode: Int32?
    public var signal: Int32?
    public var seconds: Double
    /// Peak resident set size, from wait4's ru_maxrss.
    public var maxRSSBytes: Int
    public var stdout: String

    /// `signalAfter`: send `signal` after that many seconds (the run's own end is the test).
    public static func run(_ arguments: [String], stdinPath: String = "/dev/null", signalAfter: Double? = nil,
                           signal sent: Int32 = SIGTERM, killAfter: Double = 30) -> MeasuredRun {
        let dir = (try? TemporaryDirectory.make(prefix: "redis-doctor-measured")) ?? "/tmp"
        let outPath = dir + "/stdout"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([CommandRun.binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment: [UnsafeMutablePointer<CChar>?] = []
        var index = 0
        while let entry = environ[index] {
            if !String(cString: entry).hasPrefix("REDISCLI_AUTH=") { environment.append(strdup(entry)) }
            index += 1
        }
        environment.append(nil)
        defer { environment.forEach { free($0) } }
        // The test runner's threads may block signals; the child starts with none blocked
        // and default handlers, as from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let start = MonotonicNanos.now()
        let rc = posix_spawn(&pid, CommandRun.binary, &actions, &attributes, argv, environment)
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        guard rc == 0 else { return MeasuredRun(exitCode: nil, signal: nil, seconds: 0, maxRSSBytes: 0, stdout: "spawn failed: \(rc)") }
        var status: Int32 = 0
        var usage = rusage()
        var signalled = false
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            let elapsed = Double(MonotonicNanos.now() - start) / 1e9
            if let signalAfter, !signalled, elapsed >= signalAfter {
                kill(pid, sent)
                signalled = true
            }
            if elapsed > killAfter { kill(pid, SIGKILL) }
            usleep(5_000)
        }
        let seconds = Double(MonotonicNanos.now() - start) / 1e9
        let out = (try? String(decoding: readAll(outPath), as: UTF8.self)) ?? ""
        unlink(outPath)
        rmdir(dir)
        let exited = (status & 0x7f) == 0
        return MeasuredRun(exitCode: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f,
                           seconds: seconds, maxRSSBytes: Int(usage.ru_maxrss) * 1024, stdout: out)
    }

    private static func readAll(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return out }
            out += buffer[0..<n]
        }
    }
}
