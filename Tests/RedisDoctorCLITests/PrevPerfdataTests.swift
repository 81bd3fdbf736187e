import Foundation
import Glibc
import Testing
import TestSupport

/// `--prev-perfdata` and `--prev-time`: the previous sample from the perfdata a monitoring
/// engine kept, judged as the state file's would be over the same two samples.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct PrevPerfdataTests {
    @Test func perfdataGivesTheSameDeltaVerdictAsAStateFile() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let dir = try TemporaryDirectory.make(prefix: "rd-prev-perfdata")
        let first = dir + "/first.snapshot", second = dir + "/second.snapshot"
        #expect(try CommandRun.run(["-p", String(server.port), "snapshot", "-o", first]).exitCode == 0)
        let firstTime = Date().timeIntervalSince1970
        // Three connections refused at maxclients, then keys that expire, between the samples.
        server.call("CONFIG SET maxclients 1")
        let held = try #require(RawSocket.connectLoopback(port: server.port, timeout: 2))
        // Refused until three refusals are seen (the server may accept the holder late on a loaded machine).
        var refused = 0
        for _ in 0..<100 where refused < 3 {
            if RawSocket.request(port: server.port, payload: "PING\r\n", timeout: 1).contains("max number of clients") { refused += 1 } else { usleep(50_000) }
        }
        close(held)
        usleep(200_000)
        server.call("CONFIG SET maxclients 10000")
        for i in 0..<50 { server.call("SET expiring:\(i) x PX 1") }
        usleep(1_200_000)
        #expect(try CommandRun.run(["-p", String(server.port), "snapshot", "-o", second]).exitCode == 0)

        let state = dir + "/state"
        _ = try CommandRun.run(["check", "--from-snapshot", first, "--state-file", state])
        let byState = try CommandRun.run(["check", "--from-snapshot", second, "--state-file", state, "--format", "json"])
        // What Nagios keeps: the perfdata after `|` of the first run's line, and when it ran.
        let firstLine = try CommandRun.run(["check", "--from-snapshot", first]).stdout.split(separator: "\n")[0]
        let perfdata = String(try #require(firstLine.split(separator: "|", maxSplits: 1).last)).trimmingCharacters(in: .whitespaces)
        let byPerfdata = try CommandRun.run(["check", "--from-snapshot", second, "--prev-perfdata", perfdata,
                                             "--prev-time", String(firstTime), "--format", "json"])
        // The same count either way (at least the three refusals seen).
        func rejected(_ run: CommandRun) -> Int? {
            run.stdout.firstMatch(of: #/(\d+) connections rejected in /#).flatMap { Int($0.1) }
        }
        #expect(rejected(byState) != nil && rejected(byState) == rejected(byPerfdata) && (rejected(byState) ?? 0) >= 3,
                "\(byState.stdout.prefix(600)) \(byPerfdata.stdout.prefix(600))")
        for run in [byState, byPerfdata] {
            #expect(run.stdout.contains("\"rule\":\"rejected-connections\",\"status\":\"warning\"") || run.stdout.contains("\"rule\":\"rejected-connections\",\"status\":\"critical\""),
                    "\(run.stdout.prefix(600))")
        }
        #expect(byState.exitCode == byPerfdata.exitCode)
        // Icinga 2 re-formats perfdata: bare labels, other number spellings. Same verdict.
        let reformatted = perfdata.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "=0c", with: "=0.000000c")
        let byIcinga = try CommandRun.run(["check", "--from-snapshot", second, "--prev-perfdata", reformatted,
                                           "--prev-time", String(firstTime), "--format", "json"])
        #expect(rejected(byIcinga) == rejected(byState), "\(byIcinga.stdout.prefix(600))")
    }

    @Test func badOrHalfGivenPerfdataIsAUsageErrorBeforeConnecting() throws {
        let garbage = try CommandRun.run(["-p", "1", "check", "--prev-perfdata", "expired_keys=abc", "--prev-time", "1764576000"])
        #expect(garbage.exitCode == 3)
        #expect(garbage.stdout.contains("'expired_keys' has no number"), "\(garbage.stdout)")
        let half = try CommandRun.run(["-p", "1", "check", "--prev-perfdata", "'expired_keys'=1c"])
        #expect(half.exitCode == 3)
        #expect(half.stdout.contains("--prev-perfdata and --prev-time go together"), "\(half.stdout)")
        // An engine's first run: empty macros, no previous sample, no error.
        let server = try RedisServerProcess()
        defer { server.stop() }
        let firstRun = try CommandRun.run(["-p", String(server.port), "check", "--prev-perfdata", "", "--prev-time", "0"])
        #expect(firstRun.exitCode == 0, "\(firstRun.stdout)")
    }

    @Test func noDeltaWithoutTheUptimeOrWhenItDidNotGrowWithTheTime() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let now = Date().timeIntervalSince1970
        // Up a few seconds now; "up 5 s" five minutes ago means another process since.
        let restarted = try CommandRun.run(["-p", String(server.port), "check", "--format", "json", "--prev-perfdata",
                                            "'uptime'=5s 'rejected_connections'=0c 'slowlog_last_id'=100000c", "--prev-time", String(now - 300)])
        #expect(!restarted.stdout.contains("connections rejected in"), "\(restarted.stdout.prefix(800))")
        #expect(!restarted.stdout.contains("since id 100000"), "\(restarted.stdout.prefix(800))")
        // No uptime at all (recent-restart was skipped): a restart could not be seen, so no delta.
        let blind = try CommandRun.run(["-p", String(server.port), "check", "--format", "json", "--prev-perfdata",
                                        "'rejected_connections'=0c", "--prev-time", String(now - 1)])
        #expect(!blind.stdout.contains("connections rejected in"), "\(blind.stdout.prefix(800))")
        // Plausible: the interval is the uptime's growth, whatever the engine's clock says.
        let uptime = try #require(server.call("INFO server").split(whereSeparator: \.isNewline).first { $0.hasPrefix("uptime_in_seconds:") })
        let seconds = try #require(Int(uptime.split(separator: ":")[1]))
        let plausible = try CommandRun.run(["-p", String(server.port), "check", "--format", "json", "--prev-perfdata",
                                            "'uptime'=\(max(0, seconds - 1))s 'rejected_connections'=0c", "--prev-time", String(now - 1)])
        #expect(plausible.stdout.contains("no connection rejected in "), "\(plausible.stdout.prefix(800))")
    }

    @Test func aRestartShowsAsUptimeGoingDown() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        // The previous run saw a server up for a day; this one has been up for seconds.
        let run = try CommandRun.run(["-p", String(server.port), "check", "--format", "json", "--prev-perfdata",
                                      "'uptime'=86400s 'rejected_connections'=5000c;;;0", "--prev-time", String(Date().timeIntervalSince1970 - 60)])
        #expect(run.stdout.contains("restarted since the previous sample (uptime went down)"), "\(run.stdout.prefix(600))")
        #expect(!run.stdout.contains("connections rejected in"), "no delta across a restart: \(run.stdout.prefix(600))")
    }
}
