import Foundation
import Glibc
import Testing
import TestSupport
@testable import redis_doctor
import RedisDoctorCore

/// Every subcommand ends by its deadline and stays under 200 MB RSS, whatever the
/// server or a local file does. Serialized, so wall times hold on a loaded 2-core machine.
@Suite(.serialized)
struct BoundedRunTests {
    static let rssLimit = 200 * 1024 * 1024
    static let handshake: [String: FaultServer.FaultAnswer] = ["CLIENT SETNAME": .text("+OK\r\n"), "PING": .text("+PONG\r\n")]

    func fake(_ answers: [String: FaultServer.FaultAnswer]) throws -> FaultServer {
        try FaultServer(.scripted(Self.handshake.merging(answers) { $1 }))
    }

    /// `*2147483647` then silence: hiredis would allocate 2^31 slots and take 14 s to free them.
    @Test(arguments: [1, 7])
    func hugeCountsAreRefusedAtOnce(_ depth: Int) throws {
        let server = try fake(["INFO": .text(String(repeating: "*2147483647\r\n", count: depth))])
        defer { server.stop() }
        let send = try CommandRun.run(["-p", String(server.port), "-t", "2", "send", "INFO"])
        #expect(send.exitCode == 2)
        #expect(send.seconds < 1.5, "took \(send.seconds) s")
        #expect(send.stderr.contains("refused a reply announcing 2147483647 elements"), "\(send.stderr)")
        let check = try CommandRun.run(["-p", String(server.port), "-t", "2", "check"])
        #expect(check.exitCode == 3)
        #expect(check.seconds < 1.5)
        #expect(check.stdout.hasPrefix("REDIS UNKNOWN - refused a reply announcing 2147483647 elements"), "\(check.stdout)")
    }

    /// A deadline that passes while the server is silent is CRITICAL "no reply to INFO", always.
    @Test func silenceInsideAReplyIsATimeoutInThatCommand() throws {
        let server = try fake(["INFO": .text("*1000\r\n:1\r\n"), "CLIENT LIST": .text("$100\r\nid=")])
        defer { server.stop() }
        let check = try CommandRun.run(["-p", String(server.port), "-t", "2", "check"])
        #expect(check.exitCode == 2)
        #expect(check.seconds < 2.5)
        #expect(check.stdout.hasPrefix("REDIS CRITICAL - connected to 127.0.0.1:"), "\(check.stdout)")
        #expect(check.stdout.contains(", but no reply to INFO in 2.0 s: the server may be frozen"), "\(check.stdout)")
        for command in [["send", "INFO"], ["clients"], ["snapshot", "-o", "-"]] {
            let run = MeasuredRun.run(["-p", String(server.port), "-t", "2"] + command)
            #expect(run.exitCode == 2, "\(command)")
            #expect(run.seconds < 2.5, "\(command) took \(run.seconds) s")
        }
    }

    /// Tiny elements forever: each would become a hiredis object; the budget charges them.
    @Test func elementStreamsStayUnderTheMemoryBound() throws {
        let server = try fake(["INFO": .stream(header: "*20000000\r\n", element: ":1\r\n"),
                               "GET": .stream(header: "*800000\r\n", element: ":1\r\n"),
                               "CLIENT LIST": .stream(header: "$30000000\r\n", element: "x"),
                               "LRANGE": .stream(header: "$4000000000\r\n", element: "x")])
        defer { server.stop() }
        let port = String(server.port)
        for command in [["check"], ["send", "INFO"], ["send", "GET", "k"], ["clients"], ["send", "LRANGE", "k", "0", "-1"]] {
            let run = MeasuredRun.run(["-p", port, "-t", "3"] + command)
            #expect(run.exitCode.map { (0...3).contains($0) } == true, "\(command): \(String(describing: run.signal))")
            #expect(run.seconds < 3.5, "\(command) took \(run.seconds) s")
            #expect(run.maxRSSBytes < Self.rssLimit, "\(command): \(run.maxRSSBytes >> 20) MiB")
        }
    }

    /// Under the size cap, a dense snapshot (one element per line) is refused by count:
    /// decoded, it would take 40 bytes of memory per 3 bytes of file.
    @Test func aDenseSnapshotUnderTheCapStaysUnderTheMemoryBound() throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-dense")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/dense.snapshot"
        var text = "redis-doctor-snapshot 1\ntarget: t\n>>> INFO\n*20000000\n"
        text += String(repeating: ":0\n", count: 20_000_000)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        // A generous deadline: this is about memory, and a debug build on a busy machine
        // decodes a million replies slowly. The refusal itself must be the outcome.
        for arguments in [["check", "--from-snapshot", path], ["clients", "--from-snapshot", path]] {
            let run = MeasuredRun.run(["-t", "60"] + arguments, killAfter: 90)
            #expect(run.exitCode == 3, "\(arguments)")
            #expect(run.maxRSSBytes < Self.rssLimit, "\(arguments): \(run.maxRSSBytes >> 20) MiB")
            if arguments[0] == "check" { #expect(run.stdout.contains("more than 1000000 replies"), "\(run.stdout)") }
        }
    }

    /// Replies that fit the budget but would split into millions of pieces once parsed:
    /// a 31 MB `slave0:a,a,a` line, a 30 MB `save` value, 10 million `a=` client lines.
    @Test func repliesThatSplitIntoMillionsStayUnderTheMemoryBound() throws {
        let info = "redis_version:7.0.15\r\nrole:master\r\nslave0:" + String(repeating: "a,", count: 15_000_000) + "\r\n"
        let save = String(repeating: "1 ", count: 15_000_000)
        let config = "*2\r\n$4\r\nsave\r\n$\(save.utf8.count)\r\n\(save)\r\n"
        let clients = String(repeating: "a=\n", count: 10_000_000)
        let server = try fake(["INFO": .text("$\(info.utf8.count)\r\n\(info)\r\n"), "CONFIG GET": .text(config),
                               "CLIENT LIST": .text("$\(clients.utf8.count)\r\n\(clients)\r\n")])
        defer { server.stop() }
        for command in [["check"], ["clients"]] {
            let run = MeasuredRun.run(["-p", String(server.port), "-t", "5"] + command)
            #expect(run.exitCode.map { (0...3).contains($0) } == true, "\(command)")
            #expect(run.maxRSSBytes < Self.rssLimit, "\(command): \(run.maxRSSBytes >> 20) MiB")
        }
    }

    /// Snapshot lines that would split into millions of strings: the first line, a command line.
    @Test func snapshotLinesThatSplitIntoMillionsAreRefused() throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-lines")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let words = String(repeating: "a ", count: 25_000_000)
        let files = ["first": words + "\n", "args": "redis-doctor-snapshot 1\ntarget: t\n>>> " + words + "\n+OK\n"]
        for (name, text) in files {
            #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8)))
            let run = MeasuredRun.run(["check", "--from-snapshot", dir + "/" + name])
            #expect(run.exitCode == 3, "\(name)")
            #expect(run.maxRSSBytes < Self.rssLimit, "\(name): \(run.maxRSSBytes >> 20) MiB")
        }
        let config = dir + "/config"
        #expect(FileManager.default.createFile(atPath: config, contents: Data(String(repeating: "\n", count: 2 << 20).utf8)))
        let run = try CommandRun.run(["check", "--config", config, "--from-file", "/dev/null"])
        #expect(run.exitCode == 3)
        #expect(run.stdout.contains("larger than the 1 MiB limit for settings files"), "\(run.stdout)")
    }

    @Test func localFilesAreCappedBeforeTheyAreRead() throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-big")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sparse = dir + "/sparse.txt"
        let fd = open(sparse, O_WRONLY | O_CREAT, 0o600)
        #expect(ftruncate(fd, 2 << 30) == 0)
        close(fd)
        for arguments in [["check", "--from-file", "/dev/zero"], ["check", "--from-file", sparse], ["check", "--from-snapshot", sparse],
                          ["check", "--config", sparse, "--from-file", "/dev/null"]] {
            let run = MeasuredRun.run(arguments)
            #expect(run.exitCode == 3, "\(arguments)")
            #expect(run.stdout.contains(arguments.contains("--config") ? "larger than the 1 MiB limit for settings files" : "larger than the 64 MiB limit for local files"), "\(arguments): \(run.stdout)")
            #expect(run.maxRSSBytes < Self.rssLimit, "\(arguments): \(run.maxRSSBytes >> 20) MiB")
            #expect(run.seconds < 5)
        }
    }

    @Test(arguments: ["0", "nan", "1e309", "86401", "-1"])
    func badTimeoutsAreUsageErrorsInEveryMode(_ value: String) throws {
        for arguments in [["check"], ["check", "--from-file", "/dev/null"], ["check", "--from-snapshot", "/dev/null"],
                          ["send", "PING"], ["clients"], ["snapshot", "-o", "-"]] {
            let run = try CommandRun.run(["-p", "1", "--timeout=\(value)"] + arguments, killAfter: 10)
            #expect(run.exitCode == 3, "\(arguments) -t \(value)")
            #expect((run.stdout + run.stderr).contains("at most 86400"), "\(arguments) -t \(value): \(run.stdout) \(run.stderr)")
        }
    }

    /// `-t 0` once disabled the watchdog, and a FIFO given as --from-file then hung forever.
    @Test func zeroTimeoutWithAFifoDoesNotHang() throws {
        let dir = try TemporaryDirectory.make(prefix: "redis-doctor-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/f", 0o600) == 0)
        let run = try CommandRun.run(["-t", "0", "check", "--from-file", dir + "/f"], killAfter: 10)
        #expect(run.exitCode == 3)
        #expect(run.seconds < 2)
    }

    /// usleep's UInt32 trapped (SIGILL) from --interval 4295 on. The run must sleep, and
    /// end by the signal we send, not by a trap of its own.
    @Test(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
    func aDayLongIntervalSleepsWithoutTrapping() throws {
        let server = try RedisServerProcess()
        let run = MeasuredRun.run(["-p", String(server.port), "-t", "86400", "check", "--interval", "86399"], signalAfter: 1.5, signal: SIGTERM)
        #expect(run.signal == SIGTERM, "ended with exit \(String(describing: run.exitCode)), signal \(String(describing: run.signal))")
    }

    @Test func watchdogSplicesTheStageIntoTheServerReport() {
        let report = OutputFormat.json.render(CheckReport(target: "t", error: .timeout(stage: Watchdog.stagePlaceholder, seconds: 2, target: "t")))
        let spliced = String(decoding: Watchdog.splice(Array(report.utf8), stage: Array("INFO".utf8)), as: UTF8.self)
        #expect(spliced.contains("\"message\":\"connected to t, but no reply to INFO in 2 s: the server may be frozen"))
        #expect(spliced.contains("\"stage\":\"INFO\""))
        #expect(spliced.contains("\"status\":\"critical\""))
    }

    /// Hostile replies from fixed seeds (huge counts, nesting, endless streams, garbage):
    /// every run ends in 0-3, by its deadline, under the memory bound. A failure names
    /// its seed; `HostileReply` gives the same bytes for it again.
    @Test(arguments: Array(UInt64(1)...UInt64(18)))
    func hostileRepliesNeverBreakTheBounds(_ seed: UInt64) throws {
        let server = try FaultServer(.hostile(seed: seed))
        defer { server.stop() }
        for command in [["check"], ["send", "GET", "k"], ["clients"]] {
            let run = MeasuredRun.run(["-p", String(server.port), "-t", "2"] + command)
            let what = "seed \(seed), \(command.joined(separator: " ")): exit \(String(describing: run.exitCode)), signal \(String(describing: run.signal))"
            #expect(run.exitCode.map { (0...3).contains($0) } == true, "\(what)")
            #expect(run.seconds <= 2.5, "\(what): \(run.seconds) s")
            #expect(run.maxRSSBytes <= Self.rssLimit, "\(what): \(run.maxRSSBytes >> 20) MiB")
        }
    }
}
