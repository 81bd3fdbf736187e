import Foundation
import Glibc
import Testing
import TestSupport

/// The seed outages reproduced on real servers: `diagnose` names each one, with the
/// findings and facts it rests on; a healthy server gets none.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct DiagnoseTests {
    static func diagnoses(_ arguments: [String]) throws -> (CommandRun, [[String: Any]]) {
        let run = try CommandRun.run(arguments + ["--format", "json"], killAfter: 40)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        return (run, object["diagnoses"] as? [[String: Any]] ?? [])
    }

    @Test func aHealthyServerGetsNone() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let run = try CommandRun.run(["-p", String(server.port), "diagnose", "--interval", "1"])
        #expect(run.exitCode == 0, "\(run.stdout)")
        #expect(run.stdout.contains("No diagnosis: no rule found a problem."), "\(run.stdout)")
    }

    /// Seed 000: a save child that stopped (SIGSTOP stands in for a hung volume) with writes waiting.
    @Test func aStoppedSaveIsNamedWithItsChild() throws {
        let server = try RedisServerProcess(["--save", "3600 1", "--enable-debug-command", "yes"])
        defer { server.stop() }
        _ = server.call("DEBUG POPULATE 20000")
        _ = server.call("CONFIG SET rdb-key-save-delay 1000")
        #expect(server.call("BGSAVE").contains("Background saving started"))
        var child: Int32?
        #expect(Poll.until(seconds: 5) {
            child = (try? String(contentsOfFile: "/proc/\(server.pid)/task/\(server.pid)/children", encoding: .utf8))?
                .split(separator: " ").compactMap { Int32($0) }.first
            return child != nil
        })
        let pid = try #require(child)
        kill(pid, SIGSTOP)
        defer { server.killChildren() }
        for i in 1...5 { _ = server.call("SET late:\(i) v") }
        usleep(1_500_000)
        let (run, diagnoses) = try Self.diagnoses(["-p", String(server.port), "diagnose", "--interval", "6"])
        let first = try #require(diagnoses.first, "\(run.stdout)")
        #expect(first["id"] as? String == "save-stuck")
        #expect(first["confidence"] as? String == "confirmed")
        #expect((first["headline"] as? String)?.hasPrefix("save stuck: its child is stopped: ") == true, "\(first)")
        let evidence = (first["evidence"] as? [String] ?? []).joined(separator: "\n")
        #expect(evidence.contains("save child \(pid) in state T (stopped)") && evidence.contains("bgsave-stalled WARNING"), "\(evidence)")
        #expect(run.exitCode == 1)
    }

    /// Seed 001: a separate process holding a named pool, never used, near maxclients.
    @Test func anIdleForkedPoolNearMaxclientsIsALeak() throws {
        let server = try RedisServerProcess(["--maxclients", "60"])
        defer { server.stop() }
        let pool = try IdlePool(port: server.port, count: 50, name: "celery-worker")
        defer { pool.stop() }
        usleep(3_000_000)
        let (run, diagnoses) = try Self.diagnoses(["-p", String(server.port), "diagnose", "--interval", "1", "--set", "stale-connections.idle=2"])
        let leak = try #require(diagnoses.first { $0["id"] as? String == "connection-leak" }, "\(run.stdout)")
        let evidence = (leak["evidence"] as? [String] ?? []).joined(separator: "\n")
        #expect(evidence.contains("stale-connections") && evidence.contains("client-capacity"), "\(evidence)")
        #expect(leak["confidence"] as? String == "confirmed", "\(leak)")
    }

    /// Seed 003: noeviction at maxmemory, and a writer refused with OOM.
    @Test func writesRefusedAtMaxmemoryAreMemoryExhausted() throws {
        let server = try RedisServerProcess(["--maxmemory", "3mb", "--maxmemory-policy", "noeviction"])
        defer { server.stop() }
        let value = String(repeating: "x", count: 1000)
        var refused = false
        for i in 0..<10_000 where !refused {
            refused = server.call("SET surge:\(i) \(value)").hasPrefix("-OOM")
        }
        #expect(refused, "the writer was never refused")
        // The writer goes on while the two samples are taken: refusals now, not only since the start.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        writer.arguments = ["-c", """
            import socket, sys, time
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            end = time.time() + 20
            i = 0
            while time.time() < end:
                k = b"late:%d" % i
                s.sendall(b"*3\\r\\n$3\\r\\nSET\\r\\n$%d\\r\\n%s\\r\\n$4\\r\\nvvvv\\r\\n" % (len(k), k))
                s.recv(200)
                i += 1
                time.sleep(0.01)
            """, String(server.port)]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        defer { writer.terminate(); writer.waitUntilExit() }
        let (run, diagnoses) = try Self.diagnoses(["-p", String(server.port), "diagnose", "--interval", "1"])
        let exhausted = try #require(diagnoses.first, "\(run.stdout)")
        #expect(exhausted["id"] as? String == "memory-exhausted")
        #expect((exhausted["headline"] as? String)?.contains("writes refused with OOM") == true, "\(exhausted)")
        #expect(exhausted["confidence"] as? String == "confirmed")
        #expect(run.exitCode == 2, "\(run.stdout)")
        let validation = try JSONSchemaValidator.validate(run.stdout)
        #expect(validation.status == 0, "\(validation.text)")
        // The Nagios line of a plain check leads with it.
        let check = try CommandRun.run(["-p", String(server.port), "check"])
        #expect(check.stdout.hasPrefix("REDIS CRITICAL - memory exhausted: "), "\(check.stdout)")
    }

    /// Seed 004: keys set together expire together under traffic, among live sessions with an
    /// hour to go. The storm's keys are planted already expired with the active expire cycle
    /// off, and the cycle is switched on only once `diagnose` has taken its first sample, so the
    /// storm falls inside its interval however slowly a loaded machine starts the process.
    @Test func keysExpiringTogetherUnderTrafficAreAnExpireStorm() throws {
        let server = try RedisServerProcess(["--enable-debug-command", "yes"])
        defer { server.stop() }
        let port = String(server.port)
        #expect(server.call("DEBUG SET-ACTIVE-EXPIRE 0").hasPrefix("+OK"))
        let load = """
            python3 -c 'import sys
            out = []
            for i in range(300000):
                k = "storm:%d" % i
                out.append("*5\\r\\n$3\\r\\nSET\\r\\n$%d\\r\\n%s\\r\\n$1\\r\\nv\\r\\n$2\\r\\nPX\\r\\n$1\\r\\n1\\r\\n" % (len(k), k))
            for i in range(20000):
                k = "session:%d" % i
                out.append("*5\\r\\n$3\\r\\nSET\\r\\n$%d\\r\\n%s\\r\\n$1\\r\\nv\\r\\n$2\\r\\nEX\\r\\n$4\\r\\n3600\\r\\n" % (len(k), k))
            sys.stdout.write("".join(out))' | redis-cli -p \(port) --pipe
            """
        #expect(try CommandRun.shell(load) == 0)
        #expect(server.call("DBSIZE") == ":320000\r\n")
        let traffic = Process()
        traffic.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/pipelined_load.py").path
        traffic.arguments = [script, port, "30", "2"]
        traffic.standardOutput = FileHandle.nullDevice
        traffic.standardError = FileHandle.nullDevice
        try traffic.run()
        defer { kill(traffic.processIdentifier, SIGKILL); traffic.waitUntilExit() }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            outcome.result = Result {
                try Self.diagnoses(["-p", port, "diagnose", "--interval", "1.5", "--skip", "persistence-disabled,unsaved-changes",
                                    "--warning", "cpu-saturation=25"])
            }
            done.signal()
        }
        // The first sample is in once the tool's connection has run INFO.
        let sampled = Poll.until(seconds: 20) {
            server.call("CLIENT LIST").split(separator: "\n").contains {
                $0.contains("name=redis-doctor") && !$0.contains("cmd=client|setname") && !$0.contains("cmd=ping") && !$0.contains("cmd=NULL")
            }
        }
        #expect(server.call("DEBUG SET-ACTIVE-EXPIRE 1").hasPrefix("+OK"))
        done.wait()
        try #require(sampled, "diagnose never took its first sample")
        let (run, diagnoses) = try #require(outcome.result).get()
        let storm = try #require(diagnoses.first { $0["id"] as? String == "expire-storm" }, "\(run.stdout)")
        let evidence = (storm["evidence"] as? [String] ?? []).joined(separator: "\n")
        #expect(evidence.contains("expire-storm CRITICAL") && evidence.contains("cpu-saturation"), "\(evidence)")
        #expect(storm["confidence"] as? String == "confirmed")
    }

    final class Outcome: @unchecked Sendable {
        var result: Result<(CommandRun, [[String: Any]]), any Error>?
    }

    /// A server that does not answer: after the timeout, its process found by its listening
    /// socket says why (SIGSTOP: state T), over TCP and the unix socket, within the deadline.
    @Test func aFrozenServerIsNamedAfterTheTimeout() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        server.freeze()
        defer { server.thaw() }
        for target in [["-p", String(server.port)], ["-s", server.unixSocket]] {
            let run = try CommandRun.run(target + ["-t", "2", "check"], hostChecks: true)
            #expect(run.exitCode == 2, "\(run.stdout)")
            #expect(run.stdout.hasPrefix("REDIS CRITICAL - server frozen: process \(server.pid) is stopped (state T (stopped)); connected to "), "\(run.stdout)")
            #expect(run.stdout.contains("DIAGNOSIS server-starved (confirmed)"), "\(run.stdout)")
            #expect(run.seconds < 2.6, "took \(run.seconds) s")
        }
        // Without the host, the timeout alone: no guess.
        let blind = try CommandRun.run(["-p", String(server.port), "-t", "2", "check"])
        #expect(blind.stdout.hasPrefix("REDIS CRITICAL - connected to "), "\(blind.stdout)")
        #expect(!blind.stdout.contains("DIAGNOSIS"))
    }
}
