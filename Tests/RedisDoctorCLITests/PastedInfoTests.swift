import Foundation
import Glibc
import Testing
import TestSupport

/// INFO pasted from a file has no server clock before 6.2: ages are judged against
/// --taken-at or the file's modification time, and the evidence says which.
struct PastedInfoTests {
    /// The first seed outage on a 2.2-era server: 67,162 changes, a save in progress, and
    /// the last save three hours before the INFO was taken.
    static let takenAt = 1_300_000_000.0
    static let seedInfo = """
        redis_version:2.2.12\r\nuptime_in_seconds:864000\r\nbgsave_in_progress:1\r\nchanges_since_last_save:67162\r\n\
        last_save_time:\(Int(takenAt) - 10_800)\r\naof_enabled:0\r\nused_memory_human:2.21G\r\nmem_fragmentation_ratio:1.44\r\n
        """

    static func write(_ text: String) throws -> String {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-pasted")
        let path = dir + "/info.txt"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func theFilesModificationTimeDatesIt() throws {
        let path = try Self.write(Self.seedInfo)
        var times = [timespec(tv_sec: Int(Self.takenAt), tv_nsec: 0), timespec(tv_sec: Int(Self.takenAt), tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let run = try CommandRun.run(["check", "--from-file", path, "--format", "text"])
        #expect(run.exitCode == 1, "\(run.stdout)")
        #expect(run.stdout.contains("WARNING   unsaved-changes: 67162 changes unsaved for 3h 0m"), "\(run.stdout)")
        #expect(run.stdout.contains("ages measured against the file's modification time 2011-03-13T07:06:40Z (the INFO has no server_time_usec)"), "\(run.stdout)")
    }

    @Test func takenAtOverridesTheFileTime() throws {
        let path = try Self.write(Self.seedInfo)   // modified now: years after the INFO
        let run = try CommandRun.run(["check", "--from-file", path, "--taken-at", "2011-03-13T08:06:40+01:00", "--format", "text"])
        #expect(run.exitCode == 1, "\(run.stdout)")
        #expect(run.stdout.contains("67162 changes unsaved for 3h 0m"), "\(run.stdout)")
        #expect(run.stdout.contains("ages measured against --taken-at 2011-03-13T07:06:40Z"), "\(run.stdout)")
    }

    /// The seed's own excerpt, as the postmortem shows it: no last_save_time, so no age.
    @Test func theSeedExcerptSaysTheAgeIsUnknownAndHowToJudgeIt() throws {
        let excerpt = "...\naof_enabled:0\nchanges_since_last_save:67162\nbgsave_in_progress:1\nused_memory_human:2.21G\nmem_fragmentation_ratio:1.44\n...\n"
        let path = try Self.write(excerpt)
        let run = try CommandRun.run(["check", "--from-file", path, "--format", "json"])
        #expect(run.stdout.contains("67162 changes unsaved (age unknown: this INFO has no last_save_time: check the live server, or paste the whole INFO persistence section)"), "\(run.stdout)")
        #expect(run.stdout.contains("RDB background save running (duration unknown"), "\(run.stdout)")
    }

    @Test(arguments: [
        (["check", "--taken-at", "1300000000"], "--taken-at 1300000000: only with --from-file"),
        (["check", "--from-file", "/nonexistent", "--taken-at", "last tuesday"], "--taken-at last tuesday: expected seconds since the epoch or ISO 8601 with a zone"),
        (["check", "--from-file", "/nonexistent", "--taken-at", "2011-03-13T07:06:40"], "--taken-at 2011-03-13T07:06:40: expected"),
    ])
    func aBadTakenAtIsAUsageError(_ arguments: [String], _ message: String) throws {
        let run = try CommandRun.run(["-p", "1"] + arguments)
        #expect(run.exitCode == 3)
        #expect(run.stdout.hasPrefix("REDIS UNKNOWN - \(message)"), "\(run.stdout)")
    }
}
