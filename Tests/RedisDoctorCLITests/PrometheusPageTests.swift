import Testing
import TestSupport

/// The textfile page of a real check, read by the tools that will read it in production.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct PrometheusPageTests {
    @Test func aRealPagePassesPromtoolAndTheOfficialParser() throws {
        let server = try RedisServerProcess(["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"])
        defer { server.stop() }
        for i in 1...20 { server.call("SET key:\(i) value") }
        server.call("SLOWLOG RESET")
        let run = try CommandRun.run(["-p", String(server.port), "check", "--format", "prometheus"])
        #expect(run.exitCode == 0, "\(run.stdout)")
        let page = run.stdout

        let lint = try PrometheusPageValidator.promtool(page)
        #expect(lint.status == 0, "\(lint.text)")
        #expect(lint.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "promtool lint: \(lint.text)")

        let parsed = try PrometheusPageValidator.pythonFamilies(page)
        #expect(parsed.status == 0, "\(parsed.text)")
        var families: [String: (type: String, labels: String)] = [:]
        for line in parsed.text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard words.count == 4 else { continue }
            families[words[0]] = (words[1], words[3])
        }
        // The client strips `_total` from a counter family's name.
        #expect(families["redis_doctor_rejected_connections"]?.type == "counter", "\(parsed.text)")
        #expect(families["redis_doctor_used_cpu_sys_seconds"]?.type == "counter", "\(parsed.text)")
        #expect(families["redis_doctor_ping_seconds"]?.type == "gauge", "\(parsed.text)")
        #expect(families["redis_doctor_used_memory_of_maxmemory_ratio"]?.type == "gauge", "\(parsed.text)")
        #expect(families["redis_doctor_unsaved_changes"]?.type == "gauge", "\(parsed.text)")
        #expect(families["redis_doctor_last_run_timestamp_seconds"] != nil, "\(parsed.text)")
        #expect(families["redis_doctor_run_duration_seconds"] != nil, "\(parsed.text)")
        #expect(families["redis_doctor_rule_status"]?.labels == "rule,target", "\(parsed.text)")
        #expect(families["redis_doctor_metric"] == nil)
        for (name, family) in families {
            #expect(family.labels.split(separator: ",").contains("target"), "\(name) has no target label")
        }
        #expect(page.contains("redis_doctor_up{target=\"127.0.0.1:\(server.port)\"} 1\n"))
    }
}
