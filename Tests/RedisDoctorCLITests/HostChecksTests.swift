import Foundation
import Glibc
import Testing
import TestSupport

/// The host rules against real servers on this machine: local mode found over TCP and a
/// unix socket, the facts equal to what /proc says, and SKIPPED when off or not a server.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct HostChecksTests {
    static let hostRules = ["host-swap", "host-memory", "host-rss-gap", "host-kernel", "host-disk"]

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    static func kib(_ file: String, _ name: String) -> Double? {
        for line in read(file).split(separator: "\n") where line.hasPrefix(name + ":") {
            return line.split(separator: " ").dropFirst().first.flatMap { Double($0) }.map { $0 * 1024 }
        }
        return nil
    }

    static func json(_ run: CommandRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
    }

    static func results(_ object: [String: Any]) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for result in object["results"] as? [[String: Any]] ?? [] {
            if let id = result["rule"] as? String { out[id] = result }
        }
        return out
    }

    static func hostCheck(_ target: [String], _ extra: [String] = []) throws -> (CommandRun, [String: Any]) {
        let run = try CommandRun.run(target + ["check", "--only", hostRules.joined(separator: ","), "--format", "json"] + extra, hostChecks: true)
        return (run, try json(run))
    }

    @Test func localOverTCPAndUnixSocketWithFactsFromProc() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        for target in [["-p", String(server.port)], ["-h", "::1", "-p", String(server.port)], ["-s", server.unixSocket]] {
            let (run, object) = try Self.hostCheck(target)
            let facts = try #require(object["server"] as? [String: Any])
            #expect(facts["host_process_id"] as? Double == Double(server.pid), "\(target): \(facts)")
            #expect(facts["host_mem_total_bytes"] as? Double == Self.kib("/proc/meminfo", "MemTotal"), "\(facts)")
            #expect(facts["host_swap_total_bytes"] as? Double == Self.kib("/proc/meminfo", "SwapTotal"), "\(facts)")
            #expect(facts["process_swap_bytes"] as? Double == Self.kib("/proc/\(server.pid)/status", "VmSwap"), "\(facts)")
            let rss = try #require(facts["process_rss_bytes"] as? Double)
            let procRss = try #require(Self.kib("/proc/\(server.pid)/status", "VmRSS"))
            #expect(rss > procRss / 2 && rss < procRss * 2, "VmRSS \(rss) against /proc's \(procRss) now")
            let overcommit = Double(Self.read("/proc/sys/vm/overcommit_memory").filter(\.isNumber))
            #expect(facts["vm_overcommit_memory"] as? Double == overcommit)
            #expect(facts["net_core_somaxconn"] as? Double == Double(Self.read("/proc/sys/net/core/somaxconn").filter(\.isNumber)))
            let thp = Self.read("/sys/kernel/mm/transparent_hugepage/enabled")
            let mode = thp.split(separator: "[").dropFirst().first?.split(separator: "]").first.map(String.init)
            #expect(facts["transparent_hugepage"] as? String == mode)
            #expect(facts["dir_available_bytes"] as? Double ?? 0 > 0)
            // Every host rule judged (not SKIPPED); a server that never forks is OK on kernel settings.
            let results = Self.results(object)
            for rule in Self.hostRules {
                let status = try #require(results[rule]?["status"] as? String, "\(target) \(rule) missing")
                #expect(status != "skipped", "\(target) \(rule): \(results[rule] ?? [:])")
            }
            #expect(results["host-kernel"]?["status"] as? String == "ok", "\(results["host-kernel"] ?? [:])")
            #expect((results["host-kernel"]?["evidence"] as? [String])?.contains { $0.contains("does not fork") } == true)
            #expect(run.exitCode == 0, "\(run.stdout)")
        }
    }

    /// Debian's default vm.overcommit_memory=0 is a finding only for a server that forks.
    @Test func overcommitIsJudgedForAServerThatForks() throws {
        let server = try RedisServerProcess(["--save", "3600 1"])
        defer { server.stop() }
        let (run, object) = try Self.hostCheck(["-p", String(server.port)], ["--only", "host-kernel"])
        let kernel = try #require(Self.results(object)["host-kernel"])
        let overcommit = Self.read("/proc/sys/vm/overcommit_memory").filter(\.isNumber)
        if overcommit == "1" {
            #expect(kernel["status"] as? String == "ok", "\(kernel)")
        } else {
            #expect(kernel["status"] as? String == "warning", "\(kernel)")
            let evidence = (kernel["evidence"] as? [String] ?? []).joined(separator: "\n")
            #expect(evidence.contains("vm.overcommit_memory=\(overcommit), and the server forks for save points (save 3600 1)"), "\(evidence)")
            #expect(evidence.contains("fix: sysctl -w vm.overcommit_memory=1"), "\(evidence)")
            #expect(run.exitCode == 1)
        }
    }

    @Test func offAndNotAServerAreSkippedWithTheReason() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let (_, off) = try Self.hostCheck(["-p", String(server.port)], ["--host-checks", "off"])
        for rule in Self.hostRules {
            let result = try #require(Self.results(off)[rule])
            #expect(result["status"] as? String == "skipped")
            #expect((result["summary"] as? String)?.contains("host checks are off (--host-checks off)") == true, "\(result)")
        }
        #expect((off["server"] as? [String: Any])?["host_process_id"] == nil)

        // A port owned by a process that is not a Redis server: this test process, answering INFO.
        let info = "# Server\r\nredis_version:7.0.15\r\nprocess_id:\(getpid())\r\nuptime_in_seconds:100\r\n"
        let fake = try FaultServer(.scripted([
            "PING": .text("+PONG\r\n"), "CLIENT SETNAME": .text("+OK\r\n"),
            "INFO": .text("$\(info.utf8.count)\r\n\(info)\r\n"),
        ]))
        defer { fake.stop() }
        let (_, notServer) = try Self.hostCheck(["-p", String(fake.port)])
        for rule in Self.hostRules {
            let summary = Self.results(notServer)[rule]?["summary"] as? String ?? ""
            #expect(Self.results(notServer)[rule]?["status"] as? String == "skipped", "\(rule)")
            #expect(summary.contains("process \(getpid()) on this host is") && summary.contains("not a Redis-compatible server"), "\(summary)")
        }
    }

    /// Taken on the host, a snapshot judges the host rules the same offline.
    @Test func aSnapshotCarriesTheHost() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let file = server.directory + "/host.snapshot"
        let snap = try CommandRun.run(["-p", String(server.port), "snapshot", "-o", file])
        #expect(snap.exitCode == 0, "\(snap.stderr)")
        #expect(Self.read(file).contains("\n=== /proc/\(server.pid)/status\n"))
        let (run, object) = try Self.hostCheck([], ["--from-snapshot", file])
        #expect((object["server"] as? [String: Any])?["host_process_id"] as? Double == Double(server.pid), "\(run.stdout)")
        for rule in Self.hostRules {
            let status = try #require(Self.results(object)[rule]?["status"] as? String, "\(rule) missing: \(run.stdout)")
            #expect(status != "skipped", "\(rule)")
        }
    }

    /// A save child stopped (SIGSTOP) mid-save: bgsave-stalled names its state from /proc.
    @Test func aStoppedSaveChildIsNamed() throws {
        let server = try RedisServerProcess(["--enable-debug-command", "yes"])
        defer { server.stop() }
        _ = server.call("DEBUG POPULATE 20000")
        _ = server.call("CONFIG SET rdb-key-save-delay 1000")
        #expect(server.call("BGSAVE").contains("Background saving started"))
        var child: Int32?
        #expect(Poll.until(seconds: 5) {
            child = Self.read("/proc/\(server.pid)/task/\(server.pid)/children").split(separator: " ").compactMap { Int32($0) }.first
            return child != nil
        })
        let pid = try #require(child)
        kill(pid, SIGSTOP)
        defer { server.killChildren() }
        usleep(1_200_000)
        let run = try CommandRun.run(["-p", String(server.port), "check", "--only", "bgsave-stalled", "--warning", "bgsave-stalled=0"], hostChecks: true)
        #expect(run.exitCode == 1, "\(run.stdout)")
        #expect(run.stdout.contains("save child \(pid): state T (stopped) (/proc/\(pid)/stat)"), "\(run.stdout)")
    }
}

/// host-disk on a small tmpfs holding dir: the next save's room against the last RDB.
@Suite(.enabled(if: RedisServerProcess.shouldRun && SmallFilesystem.canMount, "needs redis-server and root to mount a tmpfs"))
struct HostDiskTests {
    @Test func freeSpaceAgainstTheLastRdb() throws {
        let filesystem = try SmallFilesystem(megabytes: 16)
        defer { filesystem.remove() }
        let server = try RedisServerProcess(["--dir", filesystem.path, "--save", "3600 1", "--rdbcompression", "no", "--enable-debug-command", "yes"])
        defer { server.stop() }
        _ = server.call("DEBUG POPULATE 20000 key 200")
        _ = server.call("SAVE")
        let rdb = Double(try #require(try FileManager.default.attributesOfItem(atPath: filesystem.path + "/dump.rdb")[.size] as? Int))
        #expect(rdb > 3_000_000, "the RDB is \(rdb) bytes")
        let target = ["-p", String(server.port)]

        let (roomy, roomyObject) = try HostChecksTests.hostCheck(target, ["--only", "host-disk"])
        #expect(HostChecksTests.results(roomyObject)["host-disk"]?["status"] as? String == "ok", "\(roomy.stdout)")

        // Leave room for the RDB but not its 20 % margin: WARNING.
        try filesystem.fill(leaving: rdb * 1.1)
        let (_, warned) = try HostChecksTests.hostCheck(target, ["--only", "host-disk"])
        let warning = try #require(HostChecksTests.results(warned)["host-disk"])
        #expect(warning["status"] as? String == "warning", "\(warning)")
        #expect((warning["evidence"] as? [String])?.contains { $0.contains("dump.rdb=") && $0.contains("MiB") } == true, "\(warning)")

        // Less than the RDB itself: the next save cannot fit.
        try filesystem.fill(leaving: rdb * 0.5)
        let (critical, criticalObject) = try HostChecksTests.hostCheck(target, ["--only", "host-disk"])
        let result = try #require(HostChecksTests.results(criticalObject)["host-disk"])
        #expect(result["status"] as? String == "critical", "\(result)")
        #expect(critical.exitCode == 2)
        #expect((result["summary"] as? String)?.contains("the next save cannot fit") == true, "\(result)")
        // And the server agrees: the save fails for want of space.
        _ = server.call("DEBUG POPULATE 40000 key 200")
        #expect(server.call("SAVE").hasPrefix("-ERR"), "a save into the full filesystem succeeded")
    }
}

/// A tmpfs of a few MiB mounted on a temp directory (root only), and a filler file to
/// leave a chosen amount free.
final class SmallFilesystem: @unchecked Sendable {
    let path: String

    static let canMount: Bool = {
        guard geteuid() == 0, let probe = try? TemporaryDirectory.make(prefix: "redis-doctor-mount-probe") else { return false }
        defer { rmdir(probe) }
        guard (try? CommandRun.shell("mount -t tmpfs -o size=1m tmpfs '\(probe)'")) == 0 else { return false }
        return (try? CommandRun.shell("umount '\(probe)'")) == 0
    }()

    init(megabytes: Int) throws {
        path = try TemporaryDirectory.make(prefix: "redis-doctor-tmpfs")
        guard try CommandRun.shell("mount -t tmpfs -o size=\(megabytes)m tmpfs '\(path)'") == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    var available: Double {
        var fs = statvfs()
        guard statvfs(path, &fs) == 0 else { return 0 }
        return Double(fs.f_bavail) * Double(fs.f_frsize)
    }

    /// Grows (or shrinks) the filler file until about `bytes` are free.
    func fill(leaving bytes: Double) throws {
        let filler = path + "/filler"
        let current = Double((try? FileManager.default.attributesOfItem(atPath: filler)[.size] as? Int) ?? 0)
        var remaining = Int(max(0, current + available - bytes))
        // Written, not truncated: a sparse file would take no room on tmpfs.
        let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x78, count: 65_536)
        while remaining > 0 {
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, min(remaining, $0.count)) }
            guard n > 0 else { throw CocoaError(.fileWriteUnknown) }
            remaining -= n
        }
    }

    func remove() {
        _ = try? CommandRun.shell("umount '\(path)'")
        rmdir(path)
    }
}
