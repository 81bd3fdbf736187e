import Foundation
import Glibc
import Testing
import TestSupport
@testable import redis_doctor
import RedisDoctorCore

/// State files and snapshots are written only as regular files, through an exclusive
/// temporary file and a rename; anything else at the path is refused and left untouched.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct SafeFilesTests {
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : nil
    }

    /// A device node of the test's own (the system's /dev/null is never put at risk):
    /// as root, `--state-file /dev/null` once replaced it with a regular file.
    @Test(.enabled(if: getuid() == 0, "creating a device node needs root"))
    func devicesAreNeverReplaced() throws {
        let server = try RedisServerProcess()
        let port = String(server.port)
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-device")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let device = dir + "/null"
        #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, "mknod c 1 3 (glibc encoding of major 1, minor 3)")
        let before = Self.mode(device)
        #expect(before.map { $0 & S_IFMT == S_IFCHR } == true)
        let check = try CommandRun.run(["-p", port, "check", "--state-file", device])
        #expect(check.exitCode == 0)
        #expect(check.stderr.contains("\(device) is a character device, not a regular file"), "\(check.stderr)")
        let snapshot = try CommandRun.run(["-p", port, "snapshot", "-o", device])
        #expect(snapshot.exitCode == 3)
        #expect(snapshot.stderr.contains("is a character device, not a regular file; refusing to replace it"))
        #expect(Self.mode(device) == before)
    }

    @Test func aPlantedLinkIsRefusedAndItsTargetUntouched() throws {
        let server = try RedisServerProcess()
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-link")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let victim = dir + "/victim"
        #expect(FileManager.default.createFile(atPath: victim, contents: Data("precious\n".utf8)))
        for (name, arguments) in [("state", ["check", "--state-file"]), ("snap", ["snapshot", "-o"])] {
            let link = dir + "/" + name
            #expect(symlink(victim, link) == 0)
            let run = try CommandRun.run(["-p", String(server.port)] + arguments + [link])
            #expect(run.stderr.contains("is a symbolic link, not a regular file"), "\(run.stderr)")
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
            #expect(Self.mode(link).map { $0 & S_IFMT == S_IFLNK } == true)
        }
        // No temporary file is left beside them.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    /// A state file held by another run: the verdict is printed first and stands; the
    /// watchdog ends the wait with that verdict's code and prints nothing more.
    @Test func aHeldStateLockDoesNotChangeTheVerdict() throws {
        let server = try RedisServerProcess()
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-lock")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lock = open(dir + "/state.lock", O_RDWR | O_CREAT, 0o600)
        #expect(flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        let run = try CommandRun.run(["-p", String(server.port), "-t", "2", "check", "--state-file", dir + "/state"])
        #expect(run.exitCode == 0, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("REDIS OK - "))
        #expect(run.stdout.split(separator: "\n").count == 1, "one report: \(run.stdout)")
        #expect(run.seconds < 3)
        #expect(FileIO.kind(of: dir + "/state") == nil, "not written while the lock is held")
    }

    @Test func writtenFilesAreRegularAndPrivate() throws {
        let server = try RedisServerProcess()
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-files")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try CommandRun.run(["-p", String(server.port), "check", "--state-file", dir + "/state"])
        _ = try CommandRun.run(["-p", String(server.port), "snapshot", "-o", dir + "/snap"])
        for name in ["state", "snap"] {
            let mode = try #require(Self.mode(dir + "/" + name))
            #expect(mode & S_IFMT == S_IFREG)
            #expect(mode & 0o777 == 0o600, "\(name): \(String(mode & 0o777, radix: 8))")
        }
    }

    /// A rerun by hand seconds later must not replace the baseline Nagios's next run needs.
    @Test func aTooRecentSampleKeepsTheOlderBaseline() throws {
        let server = try RedisServerProcess()
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-state")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = dir + "/state"
        let first = try CommandRun.run(["-p", String(server.port), "check", "--state-file", state])
        #expect(first.exitCode == 0)
        let baseline = try Data(contentsOf: URL(fileURLWithPath: state))
        server.call("SET k v")
        // A minimum interval of a minute: the rerun is surely closer than that, even on a loaded machine.
        _ = try CommandRun.run(["-p", String(server.port), "check", "--state-file", state, "--set", "bgsave-stalled.stall-min-interval=60"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == baseline, "a sample closer than the minimum interval did not replace it")
        let later = try CommandRun.run(["-p", String(server.port), "check", "--state-file", state, "--set", "bgsave-stalled.stall-min-interval=0"])
        #expect(later.exitCode == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) != baseline, "with no minimum interval the sample is recorded")
    }
}

/// The state file's own edge cases, without a server.
struct StateFileEdgeTests {
    /// A corrupt sample time must not overflow the interval arithmetic (a trap would
    /// leave Nagios no status line at all).
    @Test func extremeSampleTimesDoNotTrap() throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-state-edge")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = StateFile(path: dir + "/state")
        let previous = Snapshot(target: "t", takenAtMicros: .min)
        file.record(Snapshot(target: "t", takenAtMicros: .max), for: "t", previous: previous, minimumInterval: 5)
        file.record(Snapshot(target: "t", takenAtMicros: .min), for: "t", previous: Snapshot(target: "t", takenAtMicros: .max), minimumInterval: 5)
        #expect(file.previous(for: "t")?.takenAtMicros == .min)
    }

    /// Many targets sharing one file: the oldest are dropped before it outgrows the read cap.
    @Test func aSharedStoreIsTrimmedOldestFirst() {
        var store = StateStore()
        for i in 0..<10 { store.record([UInt8](repeating: 1, count: 100), for: "t\(i)", writtenAtMicros: Int64(i)) }
        let trimmed = store.trimmed(toPayloadBytes: 450, keeping: "t0")
        #expect(Set(trimmed.entries.keys) == ["t0", "t7", "t8", "t9"])
    }
}
