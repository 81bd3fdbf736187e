import Glibc
import Testing
import TestSupport

/// persistence-disabled against a real server: the other tests skip it (CommandRun adds
/// `--skip persistence-disabled`), since their servers run with `--save ""` on purpose.
@Suite(.enabled(if: RedisServerProcess.shouldRun))
struct PersistenceDisabledTests {
    @Test func noSavePointsNoAofAndKeysWarnUntilAofIsOn() throws {
        let server = try RedisServerProcess(["--save", "", "--appendonly", "no"])
        defer { server.stop() }
        let port = String(server.port)

        let empty = try CommandRun.run(["-p", port, "check", "--only", "persistence-disabled", "--format", "json"], judgePersistence: true)
        #expect(empty.exitCode == 0, "\(empty.stdout)")
        #expect(empty.stdout.contains("nothing to lose"), "\(empty.stdout)")

        for i in 1...3 { _ = server.call("SET key:\(i) v") }
        let off = try CommandRun.run(["-p", port, "check", "--only", "persistence-disabled"], judgePersistence: true)
        #expect(off.exitCode == 1, "\(off.stdout)")
        #expect(off.stdout.hasPrefix("REDIS WARNING - persistence off: 3 keys would be lost on restart"), "\(off.stdout)")
        #expect(off.stdout.contains("save=\"\" (no save points); appendonly=no; 3 keys in 1 database"), "\(off.stdout)")

        // Every other test's check skips it: the same server is OK there.
        let skipped = try CommandRun.run(["-p", port, "check", "--only", "persistence-disabled"])
        #expect(skipped.exitCode == 3, "\(skipped.stdout)")
        #expect(skipped.stdout.hasPrefix("REDIS UNKNOWN - nothing was judged: no rule is enabled"), "\(skipped.stdout)")

        _ = server.call("CONFIG SET appendonly yes")
        let aof = try CommandRun.run(["-p", port, "check", "--only", "persistence-disabled", "--format", "json"], judgePersistence: true)
        #expect(aof.exitCode == 0, "\(aof.stdout)")
        #expect(aof.stdout.contains("persistence on: AOF on"), "\(aof.stdout)")
    }

    /// A BGSAVE from outside (cron) while no save point is set: unsaved-changes judges the age.
    @Test func savesFromOutsideAreNotPersistenceOff() throws {
        let server = try RedisServerProcess(["--save", "", "--appendonly", "no"])
        defer { server.stop() }
        _ = server.call("SET k v")
        // The last save time is the start time until a save succeeds: save visibly later.
        usleep(3_000_000)
        _ = server.call("SAVE")
        let run = try CommandRun.run(["-p", String(server.port), "check", "--only", "persistence-disabled", "--format", "json"], judgePersistence: true)
        #expect(run.exitCode == 0, "\(run.stdout)")
        #expect(run.stdout.contains("after the start, rdb_saves=1 since start"), "\(run.stdout)")
    }
}
