import Foundation
import Glibc
import Testing
import TestSupport

/// State files and snapshots are written only as regular files, through an exclusive
/// temporary file and a rename; anything else at the path is refused and left untouched.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct SafeFilesTests {
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : nil
    }

    @Test func devicesAreNeverReplaced() throws {
        let server = try RedisServerProcess()
        let port = String(server.port)
        let before = Self.mode("/dev/null")
        let check = try CommandRun.run(["-p", port, "check", "--state-file", "/dev/null"])
        #expect(check.exitCode == 0)
        #expect(check.stderr.contains("/dev/null is a character device, not a regular file"))
        let snapshot = try CommandRun.run(["-p", port, "snapshot", "-o", "/dev/null"])
        #expect(snapshot.exitCode == 3)
        #expect(snapshot.stderr.contains("is a character device, not a regular file; refusing to replace it"))
        #expect(Self.mode("/dev/null") == before)
        #expect(before.map { $0 & S_IFMT == S_IFCHR } == true)
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
        _ = try CommandRun.run(["-p", String(server.port), "check", "--state-file", state])
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == baseline, "a sample under 5 s newer did not replace it")
        let later = try CommandRun.run(["-p", String(server.port), "check", "--state-file", state, "--set", "bgsave-stalled.stall-min-interval=0"])
        #expect(later.exitCode == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) != baseline, "with no minimum interval the sample is recorded")
    }
}
