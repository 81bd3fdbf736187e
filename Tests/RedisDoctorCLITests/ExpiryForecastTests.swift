import Foundation
import Glibc
import RedisDoctorCore
import Testing
import TestSupport

/// The expire-storm forecast on a real server: 200k keys set to expire in the middle of one
/// second 30 s from now, among 200k keys with TTLs spread over the hour.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct ExpiryForecastTests {
    @Test func aPlantedStormIsForecastToTheSecond() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let second = Int64(Date().timeIntervalSince1970) + 30
        let at = second * 1000 + 500
        let plant = """
            python3 -c 'import sys, random
            out = []
            def cmd(*args):
                out.append("*%d\\r\\n" % len(args) + "".join("$%d\\r\\n%s\\r\\n" % (len(a), a) for a in args))
            for i in range(200000):
                cmd("SET", "session:%d" % i, "v", "PXAT", "\(at)")
            for i in range(200000):
                cmd("SET", "cache:%d" % i, "v", "EX", str(random.randint(120, 3500)))
            sys.stdout.write("".join(out))' | redis-cli -p \(server.port) --pipe
            """
        #expect(try CommandRun.shell(plant) == 0)
        try #require(Int64(Date().timeIntervalSince1970) < second - 5, "planting took too long")
        let run = try CommandRun.run(["-p", String(server.port), "keyspace", "--ttl", "--rate", "0", "--budget", "15", "--format", "json"], killAfter: 40)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        let forecast = try #require(report["expiry_forecast"] as? [String: Any], "\(run.stdout)")
        let peak = try #require(forecast["peak"] as? [String: Any], "\(forecast)")
        let predicted = Int64(peak["second"] as? Double ?? 0)
        #expect(abs(predicted - second) <= 1, "predicted \(predicted), planted \(second)")
        #expect(peak["storm"] as? Bool == true)
        let prefixes = (peak["prefixes"] as? [[String: Any]] ?? []).compactMap { $0["prefix"] as? String }
        #expect(prefixes.first == "\"session:*\"", "\(prefixes)")
        #expect(run.exitCode == 1)
        #expect((report["reasons"] as? [String] ?? []).contains { $0.hasPrefix("expire storm ahead: ") && $0.contains("\"session:*\"") })
        // The text names the moment too.
        let text = try CommandRun.run(["-p", String(server.port), "keyspace", "--ttl", "--rate", "0", "--budget", "15"], killAfter: 40)
        #expect(text.stdout.contains("expire storm ahead: "), "\(text.stdout)")
        let moment = TimestampText.iso8601(Double(predicted))
        #expect(text.stdout.contains("expire in the second \(moment)"), "\(text.stdout)")
        // check, with the forecast on: a short sample (2 s at most) is enough to see it coming.
        let check = try CommandRun.run(["-p", String(server.port), "check", "--set", "expire-storm.forecast=on", "--skip", "persistence-disabled,unsaved-changes"])
        #expect(check.exitCode == 1, "\(check.stdout)")
        #expect(check.stdout.hasPrefix("REDIS WARNING - expire storm ahead: "), "\(check.stdout)")
        let named = [predicted - 1, predicted, predicted + 1].map { "expire in the second \(TimestampText.iso8601(Double($0)))" }
        #expect(named.contains { check.stdout.contains($0) }, "\(check.stdout)")
        #expect(check.stdout.contains("\"session:*\""), "\(check.stdout)")
        // Off by default: a plain check reads no key.
        let plain = try CommandRun.run(["-p", String(server.port), "check", "--skip", "persistence-disabled,unsaved-changes"])
        #expect(!plain.stdout.contains("forecast"), "\(plain.stdout)")
    }
}

