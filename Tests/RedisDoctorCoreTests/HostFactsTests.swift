import Foundation
import Testing
@testable import RedisDoctorCore

/// Parsing of real /proc and /sys captures (Fixtures/host/SOURCES.md), and the host part
/// of the snapshot file.
struct HostFactsTests {
    static func text(_ name: String) -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/host/\(name)")
        return String(decoding: Fixtures.read(url), as: UTF8.self)
    }

    static var serverPid: Int { ProcStat(parsing: text("redis-server-7.0.15.stat"))!.pid }

    /// The captures as the collector records them for the server's process.
    static func capture() -> HostCapture {
        let pid = serverPid
        let cgroup = CgroupMembership(parsing: text("redis-server-7.0.15.cgroup"))
        return HostCapture(pid: pid, identifiedBy: "process_id \(pid) from INFO: redis-server", saveChildPid: 5306, files: [
            HostFile(path: HostPaths.status(pid), text: text("redis-server-7.0.15.status")),
            HostFile(path: HostPaths.meminfo, text: text("meminfo")),
            HostFile(path: HostPaths.transparentHugepages, text: text("transparent_hugepage.enabled")),
            HostFile(path: HostPaths.overcommitMemory, text: text("overcommit_memory")),
            HostFile(path: HostPaths.somaxconn, text: text("somaxconn")),
            HostFile(path: HostPaths.cgroup(pid), text: text("redis-server-7.0.15.cgroup")),
            HostFile(path: HostPaths.cgroupV1(cgroup.v1Memory!, "memory.limit_in_bytes"), text: "9223372036854771712\n"),
            HostFile(path: HostPaths.cgroupV1(cgroup.v1Memory!, "memory.usage_in_bytes"), error: "Permission denied"),
            HostFile(path: HostPaths.stat(5306), text: text("redis-save-child-stopped.stat")),
            HostFile(path: HostPaths.status(5306), text: text("redis-save-child-stopped.status")),
        ], filesystem: HostFilesystem(path: "/tmp/hostprobe", availableBytes: 76_650_864_640, totalBytes: 270_553_174_016),
           dumpFiles: [HostFileSize(path: "/tmp/hostprobe/dump.rdb", bytes: 99)])
    }

    @Test func processStatusOfARealServer() throws {
        let status = ProcFields(parsing: Self.text("redis-server-7.0.15.status"))
        #expect(status.text("Name") == "redis-server")
        #expect(status.text("State")?.hasPrefix("S") == true)
        let rss = try #require(status.bytes("VmRSS"))
        #expect(rss > 1_000_000 && rss < 100_000_000, "VmRSS \(rss)")
        #expect(status.bytes("VmSwap") == 0)
        #expect(status.integer("THP_enabled") == 1)
        // kB lines are KiB: RssAnon + RssFile + RssShmem is VmRSS.
        let parts = ["RssAnon", "RssFile", "RssShmem"].compactMap { status.bytes($0) }
        #expect(parts.count == 3 && parts.reduce(0, +) == rss)
    }

    @Test func meminfoAndKernelSettings() throws {
        let facts = try #require(HostFacts(Self.capture()))
        #expect(facts.memory?.bytes("MemTotal") == Double(24_683_584 * 1024))
        let available = try #require(facts.memory?.bytes("MemAvailable"))
        #expect(available > 0 && available <= Double(24_683_584 * 1024))
        #expect(facts.memory?.bytes("SwapTotal") == 0)
        #expect(facts.transparentHugepages == "madvise")
        #expect(facts.processHasHugepages(disableThp: nil) == false, "madvise: only pages asked for")
        // Mode always: THP_enabled decides; a kernel without the line leaves it to disable-thp.
        var always = Self.capture()
        always.files[2].text = "[always] madvise never\n"
        #expect(HostFacts(always)?.processHasHugepages(disableThp: "yes") == true, "THP_enabled: 1 beats the setting")
        always.files[0].text = always.files[0].text!.replacingOccurrences(of: "THP_enabled:\t1\n", with: "")
        #expect(HostFacts(always)?.processHasHugepages(disableThp: "yes") == false)
        #expect(HostFacts(always)?.processHasHugepages(disableThp: nil) == true)
        #expect(facts.overcommitMemory == 0)
        #expect(facts.somaxconn == 4096)
    }

    @Test func theStoppedSaveChild() throws {
        let child = try #require(ProcStat(parsing: Self.text("redis-save-child-stopped.stat")))
        #expect(child.pid == 5306)
        #expect(child.command == "redis-server")
        #expect(child.state == "T")
        #expect(child.parentPid == Self.serverPid)
        #expect(child.stateText == "T (stopped)")
        let facts = try #require(HostFacts(Self.capture()))
        #expect(facts.saveChild?.state == "T")
        #expect(facts.facts.contains { $0.key == "save_child_state" && $0.value == "5306 T (stopped)" })
        // The pid reused by a process that is not the server's child says nothing of the save.
        var reused = Self.capture()
        reused.pid = 1
        reused.files[0].path = HostPaths.status(1)
        #expect(HostFacts(reused)?.saveChild == nil)
    }

    @Test func aCommandNameWithParenthesesAndSpaces() throws {
        let stat = try #require(ProcStat(parsing: "77 (a (b) c) D 1 77 77 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 123 0 0\n"))
        #expect(stat.command == "a (b) c")
        #expect(stat.state == "D")
        #expect(stat.startTicks == 123)
        #expect(ProcStat(parsing: "garbage") == nil)
        #expect(ProcStat(parsing: "1 (x) R") == nil)
    }

    @Test func cgroupMembershipAndLimits() throws {
        let membership = CgroupMembership(parsing: Self.text("redis-server-7.0.15.cgroup"))
        #expect(membership.v2 == "/")
        #expect(membership.v1Memory?.hasPrefix("/process_api/") == true)
        let facts = try #require(HostFacts(Self.capture()))
        #expect(facts.cgroup?.version == "v1")
        #expect(facts.cgroup?.limitBytes == nil, "v1's page-rounded 2^63 is no limit")
        #expect(facts.cgroup?.usageBytes == nil)
        #expect(facts.unreadable.map(\.path) == [HostPaths.cgroupV1(membership.v1Memory!, "memory.usage_in_bytes")])
        #expect(CgroupMemory.limit("max\n") == nil)
        #expect(CgroupMemory.limit("1073741824\n") == 1_073_741_824)
        #expect(CgroupMemory.lineage("/a/b/c") == ["/a/b/c", "/a/b", "/a"])
        #expect(CgroupMemory.lineage("/").isEmpty)
        // A slice's limit binds the unit below it.
        let slice = HostCapture(pid: 7, files: [
            HostFile(path: HostPaths.cgroup(7), text: "0::/system.slice/redis.service\n"),
            HostFile(path: HostPaths.cgroupV2("/system.slice/redis.service", "memory.max"), text: "max\n"),
            HostFile(path: HostPaths.cgroupV2("/system.slice/redis.service", "memory.current"), text: "1000\n"),
            HostFile(path: HostPaths.cgroupV2("/system.slice", "memory.max"), text: "4294967296\n"),
        ])
        let limited = try #require(HostFacts(slice)?.cgroup)
        #expect(limited.limitBytes == 4_294_967_296 && limited.limitGroup == "/system.slice" && limited.usageBytes == 1000)
        let v2 = CgroupMembership(parsing: "0::/system.slice/redis-server.service\n")
        #expect(v2.v2 == "/system.slice/redis-server.service" && v2.v1Memory == nil)
    }

    /// The real server's start, from /proc, matches its own clock minus its uptime.
    @Test func theServerProcessIsRecognisedByItsStartTime() throws {
        let info = Info(parsing: Array(Self.text("redis-server-7.0.15.info-server.txt").utf8))
        let now = try #require(info.number(.serverTimeMicros))
        let uptime = try #require(info.number(.uptimeSeconds))
        let serverStart = now / 1_000_000 - uptime
        let bootText = String(Self.text("proc-stat-btime").split(separator: " ")[1].filter { $0 != "\n" })
        let boot = try #require(Double(bootText))
        let stat = try #require(ProcStat(parsing: Self.text("redis-server-7.0.15.stat")))
        let started = boot + stat.startTicks / 100
        let pid = Int(try #require(info.number(.processId)))
        #expect(pid == stat.pid)
        let status = Self.text("redis-server-7.0.15.status")
        let match = ServerProcessMatch.judge(pid: pid, status: status, startedAt: started, serverStartedAt: serverStart)
        #expect(match == .success("process_id \(pid) from INFO: redis-server, started with the server"))
        // The same id, but a process that started an hour earlier: another process.
        guard case .failure(let other) = ServerProcessMatch.judge(pid: pid, status: status, startedAt: started - 3600, serverStartedAt: serverStart) else {
            Issue.record("a process an hour older was taken for the server")
            return
        }
        #expect(other.reason.contains("another process with the same id"))
        guard case .failure(let unknown) = ServerProcessMatch.judge(pid: pid, status: status, startedAt: nil, serverStartedAt: serverStart) else {
            Issue.record("a name alone was taken for the server")
            return
        }
        #expect(unknown.reason.contains("cannot be told from another server"))
        guard case .failure(let gone) = ServerProcessMatch.judge(pid: pid, status: nil, startedAt: nil, serverStartedAt: serverStart) else {
            Issue.record("a missing process was taken for the server")
            return
        }
        #expect(gone.reason.contains("not a process on this host"))
        let python = status.replacingOccurrences(of: "Name:\tredis-server", with: "Name:\tpython3")
        guard case .failure(let notRedis) = ServerProcessMatch.judge(pid: pid, status: python, startedAt: started, serverStartedAt: serverStart) else {
            Issue.record("python3 was taken for the server")
            return
        }
        #expect(notRedis.reason.contains("is python3, not a Redis-compatible server"))
    }

    @Test func theSnapshotFileKeepsTheHostExactly() throws {
        var snapshot = Snapshot(target: "127.0.0.1:23456", takenAtMicros: 1_796_140_810_000_000,
                                exchanges: [Exchange(command: ["PING"], reply: .status("PONG"))])
        snapshot.host = Self.capture()
        snapshot.host!.filesystem!.error = nil
        let decoded = try SnapshotFile.decode(SnapshotFile.encode(snapshot))
        #expect(decoded.host?.files.count == snapshot.host?.files.count)
        #expect(decoded == snapshot)
        var remote = snapshot
        remote.host = .notLocal("the server is remote (10.0.4.7:6379): \"quoted\"\nand a line end")
        #expect(try SnapshotFile.decode(SnapshotFile.encode(remote)) == remote)
        var hung = snapshot
        hung.host!.filesystem = HostFilesystem(path: "/mnt/ebs", error: "statvfs did not return within 2.0 s (a hung filesystem?)", hung: true)
        #expect(try SnapshotFile.decode(SnapshotFile.encode(hung)) == hung)
        // Paths with blanks, quotes and line ends; a size that could not be read.
        var odd = snapshot
        odd.host!.files.append(HostFile(path: "/proc/a b/\"q\"\nx", text: "t\r\n"))
        odd.host!.files.append(HostFile(path: "/sys/x", error: "Permission denied"))
        odd.host!.dumpFiles = [HostFileSize(path: "/var/lib/my redis/\"d\".rdb", bytes: 12), HostFileSize(path: "/var/lib/redis/dump.rdb", error: "Permission denied")]
        odd.host!.filesystem = HostFilesystem(path: "/var/lib/my redis", availableBytes: 5, totalBytes: 9)
        #expect(try SnapshotFile.decode(SnapshotFile.encode(odd)) == odd)
        // A FUSE filesystem reporting exabytes is clamped, not a trap.
        var huge = snapshot
        huge.host!.filesystem = HostFilesystem(path: "/mnt/s3", availableBytes: 1.8e19, totalBytes: .infinity)
        let text = String(decoding: SnapshotFile.encode(huge), as: UTF8.self)
        #expect(text.contains("host-fs-available: 9223372036854775807\n") && text.contains("host-fs-total: 0\n"))
        // Version 2 only when host files are in it: older readers refuse `===` records.
        #expect(text.hasPrefix("redis-doctor-snapshot 2\n"))
        #expect(String(decoding: SnapshotFile.encode(remote), as: UTF8.self).hasPrefix("redis-doctor-snapshot 1\n"))
        // Evaluated offline, the facts are those read live.
        let parsed = ParsedSnapshot(decoded)
        #expect(parsed.host?.pid == Self.serverPid)
        #expect(ParsedSnapshot(remote).host == nil)
        #expect(ParsedSnapshot(remote).hostAbsence.hasPrefix("the server is remote"))
    }

    @Test(arguments: [
        ("redis-doctor-snapshot 1\nhost-pid: many\n", "host-pid must be a whole number"),
        ("redis-doctor-snapshot 1\nhost-dump-file: 12\n", "host-dump-file must be 'BYTES PATH'"),
        ("redis-doctor-snapshot 1\n\n=== /proc/meminfo\n:12\n", "a host file record holds text ($) or an error (-)"),
        ("redis-doctor-snapshot 1\n\n=== a b\n$0\n\n", "expected '=== PATH'"),
    ])
    func aBadHostRecordIsNamedWithItsLine(_ text: String, _ message: String) {
        #expect(throws: SnapshotFileError.self) { try SnapshotFile.decode(Array(text.utf8)) }
        do {
            _ = try SnapshotFile.decode(Array(text.utf8))
        } catch {
            #expect("\(error)".contains(message), "\(error)")
            #expect("\(error)".contains("line"), "\(error)")
        }
    }

    @Test func hostCheckModes() {
        #expect(HostCheckMode.parse("auto") == .success(.auto))
        #expect(HostCheckMode.parse("off") == .success(.off))
        #expect(HostCheckMode.parse("pid=4242") == .success(.pid(4242)))
        for bad in ["on", "pid=", "pid=0", "pid=-3", "pid=x", ""] {
            guard case .failure(let error) = HostCheckMode.parse(bad) else {
                Issue.record("\(bad) accepted")
                continue
            }
            #expect(error.message.contains("expected auto, off or pid=N"))
        }
    }
}
