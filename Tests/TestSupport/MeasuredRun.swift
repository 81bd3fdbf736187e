import Glibc

/// Runs the binary under test for what Process cannot tell: the signal that ended it and
/// its own peak RSS (wait4's ru_maxrss, measured by a small python3 parent).
public struct MeasuredRun: Sendable {
    public var exitCode: Int32?
    public var signal: Int32?
    public var seconds: Double
    /// Peak resident set size, from wait4's ru_maxrss.
    public var maxRSSBytes: Int
    public var stdout: String

    /// The child's own peak RSS needs a small parent: at exec, Linux starts a process's
    /// ru_maxrss from the high-water mark of the memory it was spawned from, which for a
    /// child of the test runner is the runner's own (hundreds of MB). This python3 wrapper
    /// forks the binary from a 10 MB process, forwards SIGTERM/SIGINT to it, and writes
    /// "exit signal maxrss-kilobytes" to the report file.
    static let wrapper = """
    import os, signal, sys
    report, argv = sys.argv[1], sys.argv[2:]
    pid = os.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, lambda n, f: os.kill(pid, n))
    while True:
        try:
            _, status, usage = os.wait4(pid, 0)
            break
        except InterruptedError:
            continue
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    with open(report, "w") as f:
        f.write("%d %d %d" % (code, sig, usage.ru_maxrss))
    """

    /// `signalAfter`: send `signal` after that many seconds (the run's own end is the test).
    public static func run(_ arguments: [String], stdinPath: String = "/dev/null", signalAfter: Double? = nil,
                           signal sent: Int32 = SIGTERM, killAfter: Double = 30) -> MeasuredRun {
        let dir = (try? TemporaryDirectory.make(prefix: "redis-doctor-measured")) ?? "/tmp"
        let outPath = dir + "/stdout"
        let reportPath = dir + "/report"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let python = "/usr/bin/python3"
        let argv = ([python, "-c", wrapper, reportPath, CommandRun.binary] + CommandRun.withPersistenceJudged(arguments, false)).map { strdup($0) } + [nil]
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
        let rc = posix_spawn(&pid, python, &actions, &attributes, argv, environment)
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        guard rc == 0 else { return MeasuredRun(exitCode: nil, signal: nil, seconds: 0, maxRSSBytes: 0, stdout: "spawn failed: \(rc)") }
        var status: Int32 = 0
        var signalled = false
        while true {
            if waitpid(pid, &status, WNOHANG) == pid { break }
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
        let report = ((try? String(decoding: readAll(reportPath), as: UTF8.self)) ?? "").split(separator: " ").compactMap { Int($0) }
        unlink(outPath)
        unlink(reportPath)
        rmdir(dir)
        guard report.count == 3 else { return MeasuredRun(exitCode: nil, signal: nil, seconds: seconds, maxRSSBytes: 0, stdout: out) }
        return MeasuredRun(exitCode: report[0] >= 0 ? Int32(report[0]) : nil, signal: report[1] > 0 ? Int32(report[1]) : nil,
                           seconds: seconds, maxRSSBytes: report[2] * 1024, stdout: out)
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
