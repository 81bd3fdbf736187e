import Testing
import TestSupport

/// `:watch` ticking every second on a real server whose save child is stuck: the rules line
/// must warn once the samples span bgsave-stalled's 5 s, as `:check --interval 6` would.
@Suite(.enabled(if: RedisServerProcess.shouldRun && TmuxSession.shouldRun, "redis-server or tmux not installed"))
struct ReplWatchTests {
    @Test func watchJudgesAStalledSaveOverItsMinimumInterval() throws {
        let server = try RedisServerProcess(["--save", "", "--rdb-key-save-delay", "10000000"])
        defer { server.stop() }
        for i in 1...3 { server.call("SET k\(i) v") }
        #expect(server.call("BGSAVE").hasPrefix("+Background saving started"))
        let home = try TemporaryDirectory.make(prefix: "redis-doctor-watch")
        let repl = try TmuxSession("'\(CommandRun.binary)' -p \(server.port)",
                                   environment: ["HOME": home, "REDISDOCTOR_HISTFILE": home + "/history", "PAGER": "cat", "TERM": "xterm"])
        defer { repl.kill() }
        #expect(repl.waitFor("master>").matched)
        repl.type(":watch 1")
        let early = repl.waitFor(timeout: 4) { $0.contains("save in progress:") && $0.contains("progress not judged: samples") }
        #expect(early.matched, "\(early.screen)")
        let judged = repl.waitFor(timeout: 10) { $0.contains("rules: WARNING  WARNING bgsave-stalled") }
        #expect(judged.matched, "\(judged.screen)")
        #expect(judged.screen.contains("bgsave-stalled: RDB background save running for"), "\(judged.screen)")
        repl.send("C-c")
        #expect(repl.waitFor("master>").matched)
    }
}
