import Testing
import TestSupport

/// A background save on a real server whose child is slowed to ten seconds a key: it
/// has reported no progress yet. What one sample, close samples and a proper interval say.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct SaveProgressTests {
    @Test func progressIsJudgedOverTheMinimumIntervalAndSaidWhenItIsNot() throws {
        let server = try RedisServerProcess(["--save", "", "--rdb-key-save-delay", "10000000"])
        defer { server.stop() }
        for i in 1...5 { server.call("SET k\(i) v") }
        #expect(server.call("BGSAVE").hasPrefix("+Background saving started"))
        let port = String(server.port)
        let pid = String(server.pid)

        // The seed's stuck child: 0 keys processed, unchanged over 6 s, from the first second.
        let judged = try CommandRun.run(["-p", port, "check", "--only", "bgsave-stalled", "--interval", "6"])
        #expect(judged.exitCode == 1, "\(judged.stdout)")
        // The status line leads with the diagnosis (only likely: this check does not read the host).
        #expect(judged.stdout.hasPrefix("REDIS WARNING - save stuck (likely on disk I/O): 5 changes not on disk"), "\(judged.stdout)")
        #expect(judged.stdout.contains("\nWARNING bgsave-stalled: RDB background save running for"), "\(judged.stdout)")
        #expect(judged.stdout.contains("no progress reported since it began"), "\(judged.stdout)")
        // A loaded machine stretches the interval a little: "over 6s" or "over 6.3s".
        #expect(judged.stdout.contains(/current_save_keys_processed=0 unchanged over [0-9.]+s: the child has reported no progress since the save began/), "\(judged.stdout)")
        #expect(judged.stdout.contains("next: ps -o pid,stat,wchan --ppid \(pid)"), "\(judged.stdout)")

        // One sample: OK, and the status line says how to judge the progress.
        let single = try CommandRun.run(["-p", port, "check", "--only", "bgsave-stalled"])
        #expect(single.exitCode == 0, "\(single.stdout)")
        let line = single.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.contains("bgsave-stalled progress not judged: one sample (use --interval 6, or a --state-file from its second run on)"), "\(line)")

        // Samples closer than the minimum: said in the text report too.
        let close = try CommandRun.run(["-p", port, "check", "--only", "bgsave-stalled", "--interval", "2", "--format", "text"])
        #expect(close.exitCode == 0, "\(close.stdout)")
        #expect(close.stdout.contains("bgsave-stalled: RDB background save running for"), "\(close.stdout)")
        #expect(close.stdout.contains(/progress not judged: samples [0-9.]+s apart, need 5s/), "\(close.stdout)")
    }
}
