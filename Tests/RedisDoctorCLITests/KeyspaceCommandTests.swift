import Foundation
import Glibc
import Testing
import TestSupport

/// `keyspace` on a real server of 300k keys with a planted big hash and big list: uncapped it
/// walks everything and finds both; under the default rate cap it keeps its budget, says how
/// much it saw and where to resume, and sends nothing that reads a whole value.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct KeyspaceCommandTests {
    /// One server, loaded once, for every run on the big dataset (stopped by the test).
    static func loadedServer() throws -> RedisServerProcess {
        let server = try RedisServerProcess(["--enable-debug-command", "yes"])
        _ = server.call("DEBUG POPULATE 300000 key 10", timeout: 30)
        let plant = """
            python3 -c 'import sys
            out = []
            def cmd(*args):
                out.append("*%d\\r\\n" % len(args) + "".join("$%d\\r\\n%s\\r\\n" % (len(a), a) for a in args))
            for i in range(0, 200000, 1000):
                args = ["HSET", "big:hash"]
                for j in range(i, i + 1000):
                    args += ["field:%d" % j, "v" * 20]
                cmd(*args)
            for i in range(0, 300000, 1000):
                cmd(*(["RPUSH", "big:list"] + ["item" * 3] * 1000))
            sys.stdout.write("".join(out))' | redis-cli -p \(server.port) --pipe
            """
        #expect(try CommandRun.shell(plant) == 0)
        return server
    }

    static func report(_ server: RedisServerProcess, _ arguments: [String]) throws -> (CommandRun, [String: Any]) {
        let run = try CommandRun.run(["-p", String(server.port), "keyspace", "--format", "json"] + arguments, killAfter: 60)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        return (run, object)
    }

    static func names(_ list: Any?) -> [String] {
        (list as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
    }

    @Test func itFindsThePlantedKeysUncappedAndKeepsItsBudgetCapped() throws {
        let server = try Self.loadedServer()
        defer { server.stop() }
        #expect(server.call("DBSIZE") == ":300002\r\n")
        let (run, report) = try Self.report(server, ["--rate", "0", "--budget", "10"])
        #expect(report["complete"] as? Bool == true, "\(run.stdout)")
        #expect(report["sampled"] as? Double ?? 0 >= 300_002)
        #expect(report["sampled_fraction"] as? Double == 1)
        #expect(report["cursor"] as? String == "0")
        let biggest = Self.names(report["biggest_by_memory"])
        #expect(Array(biggest.prefix(2)) == ["big:hash", "big:list"], "\(biggest)")
        let byLength = report["biggest_by_length"] as? [String: Any] ?? [:]
        #expect(Self.names(byLength["hash"]).first == "big:hash")
        #expect(Self.names(byLength["list"]).first == "big:list")
        let hash = (report["biggest_by_memory"] as? [[String: Any]])?.first
        #expect(hash?["length"] as? Double == 200_000)
        // 200k fields of 20 bytes: past the 10 MiB big-key line, so the verdict names it.
        #expect(run.exitCode == 1)
        #expect((report["reasons"] as? [String] ?? []).contains { $0.hasPrefix("big key \"big:hash\" (hash): ") }, "\(report["reasons"] ?? "")")

        // Under the default rate cap: the budget holds, the coverage and the cursor are said,
        // and MONITOR sees nothing that reads a whole value.
        let monitor = try MonitorRecorder(port: server.port)
        let capped = try CommandRun.run(["-p", String(server.port), "keyspace", "--budget", "3"], killAfter: 30)
        #expect(capped.seconds < 3 + 2 + 0.5, "took \(capped.seconds) s")
        #expect(capped.stdout.contains(" of 300002 keys sampled ("), "\(capped.stdout)")
        let cursor = try #require(capped.stdout.split(separator: "\n").first { $0.contains("resume with --cursor ") }.map { String($0.split(separator: " ").last ?? "") },
                                  "\(capped.stdout)")
        #expect(cursor != "0" && !cursor.isEmpty)
        #expect(capped.stdout.contains("the budget of 3 s is spent"), "\(capped.stdout)")
        usleep(200_000)
        let allowed: Set<String> = ["SCAN", "TYPE", "MEMORY USAGE", "STRLEN", "LLEN", "SCARD", "ZCARD", "HLEN", "XLEN", "DBSIZE", "TIME",
                                    "PTTL", "SELECT", "CLIENT SETNAME", "AUTH"]
        let seen = monitor.commands()
        #expect(seen.contains("SCAN") && seen.contains("MEMORY USAGE") && seen.contains("HLEN") || seen.contains("STRLEN"), "\(Set(seen))")
        #expect(Set(seen).subtracting(allowed).isEmpty, "\(Set(seen).subtracting(allowed))")
        // The rate cap holds: 2000 commands a second, give or take one batch.
        #expect(seen.count <= 2000 * 3 + 200, "\(seen.count) commands in 3 s")
        // Resumed uncapped from the printed cursor, it finishes the walk.
        let (rest, resumed) = try Self.report(server, ["--cursor", cursor, "--rate", "0"])
        #expect(resumed["complete"] as? Bool == true, "\(rest.stdout)")
        #expect(resumed["start_cursor"] as? String == cursor)
    }

    @Test func aUserWithoutKeyAccessIsToldWhatItNeeds() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        #expect(server.call("SET k v").hasPrefix("+OK"))
        #expect(server.call("ACL SETUSER nokeys on >secret-pw +@all resetkeys").hasPrefix("+OK"))
        let run = try CommandRun.run(["-p", String(server.port), "--user", "nokeys", "-a", "secret-pw", "keyspace", "--budget", "2"])
        #expect(run.exitCode == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("NOPERM") && run.stdout.contains("%R~*"), "\(run.stdout)")
        #expect(run.stdout.contains("verdict: UNKNOWN"), "\(run.stdout)")
        #expect(!run.stdout.contains("secret-pw") && !run.stderr.contains("secret-pw"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        for (arguments, message) in [(["--budget", "0"], "--budget must be above 0"), (["--cursor", "12x"], "--cursor must be the decimal SCAN cursor"),
                                     (["--top", "0"], "--top must be from 1 to 1000"), (["--rate=-1"], "--rate must be 0 (uncapped)")] {
            let run = try CommandRun.run(["-p", "1", "keyspace"] + arguments)
            #expect(run.exitCode == 3)
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
    }
}
