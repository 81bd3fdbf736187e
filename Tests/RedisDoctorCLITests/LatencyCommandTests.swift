import Foundation
import Glibc
import Testing
import TestSupport

/// `latency` on a real server stalled by DEBUG SLEEP from another client: the stall is in the
/// max and the histogram, the monitor shows it, and the run keeps its duration.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct LatencyCommandTests {
    /// Sends DEBUG SLEEP 0.3 after `delay` seconds, on a thread of its own.
    static func stall(_ server: RedisServerProcess, after delay: Double) -> Thread {
        let thread = Thread {
            usleep(UInt32(delay * 1_000_000))
            _ = server.call("DEBUG SLEEP 0.3")
        }
        thread.start()
        return thread
    }

    @Test func aStallShowsInTheMaxAndTheHistogram() throws {
        let server = try RedisServerProcess(["--enable-debug-command", "yes", "--latency-monitor-threshold", "100"])
        defer { server.stop() }
        _ = Self.stall(server, after: 0.8)
        let run = try CommandRun.run(["-p", String(server.port), "latency", "--duration", "2", "--rate", "0"])
        #expect(run.seconds < 2.8, "took \(run.seconds) s")
        #expect(run.exitCode == 1, "\(run.stdout)")
        let summary = try #require(run.stdout.split(separator: "\n").first { $0.contains(" max ") }, "\(run.stdout)")
        let maxText = summary.components(separatedBy: " max ").last?.components(separatedBy: " ms").first ?? ""
        let maxMs = try #require(Double(maxText), "\(summary)")
        #expect(maxMs >= 280, "\(summary)")
        // One PING in the 262-524 ms row of the histogram.
        #expect(run.stdout.split(separator: "\n").contains { $0.contains("262 - 524") && $0.hasSuffix("#") }, "\(run.stdout)")
        #expect(run.stdout.contains("verdict: WARNING (max "), "\(run.stdout)")
        // The server's monitor recorded the sleep as a command event.
        #expect(run.stdout.contains("latency monitor: on, events of 100 ms or more"), "\(run.stdout)")
        #expect(run.stdout.contains("    command: latest 30"), "\(run.stdout)")
        #expect(run.stdout.contains("LATENCY DOCTOR:"), "\(run.stdout)")
    }

    @Test func jsonCarriesThePercentilesAndTheMonitorBeingOff() throws {
        let server = try RedisServerProcess(["--enable-debug-command", "yes"])
        defer { server.stop() }
        _ = Self.stall(server, after: 0.5)
        let run = try CommandRun.run(["-p", String(server.port), "latency", "--duration", "1.5", "--rate", "200", "--format", "json"])
        #expect(run.seconds < 2.3, "took \(run.seconds) s")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let ping = try #require(report["ping"] as? [String: Any])
        let count = ping["count"] as? Double ?? 0
        // Paced at 200/s for 1.5 s, less the 0.3 s stall, which is not made up for with a burst.
        #expect(count >= 150 && count <= 265, "\(count)")
        #expect(ping["max_ms"] as? Double ?? 0 >= 280)
        for key in ["min_ms", "p50_ms", "p90_ms", "p99_ms", "p99.9_ms"] { #expect(ping[key] is Double, "\(key)") }
        #expect(report["status"] as? String == "warning")
        let monitor = try #require(report["latency_monitor"] as? [String: Any])
        #expect(monitor["threshold_ms"] as? Double == 0)
    }

    @Test func aServerThatGoesAwayMidRunIsCritical() throws {
        let server = try RedisServerProcess()
        let stopper = Thread {
            usleep(500_000)
            server.stop()
        }
        stopper.start()
        let run = try CommandRun.run(["-p", String(server.port), "latency", "--duration", "2", "--rate", "100"])
        #expect(run.exitCode == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("verdict: CRITICAL"), "\(run.stdout)")
        #expect(run.seconds < 2.8, "took \(run.seconds) s")
    }

    @Test func aServerThatStopsAnsweringIsCritical() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let freezer = Thread {
            usleep(500_000)
            server.freeze()
        }
        freezer.start()
        defer { server.thaw() }
        let run = try CommandRun.run(["-p", String(server.port), "-t", "0.5", "latency", "--duration", "2", "--rate", "0"])
        #expect(run.exitCode == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.seconds < 2 + 3 * 0.5 + 0.5, "took \(run.seconds) s")
        #expect(run.stdout.contains("verdict: CRITICAL"), "\(run.stdout)")
        #expect(run.stdout.contains("with no reply within 0.5 s"), "\(run.stdout)")
    }
}
