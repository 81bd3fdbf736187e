import Testing
@testable import RedisDoctorCore

/// Paths the examples cannot reach: an earlier sample carrying SLOWLOG, LATENCY
/// LATEST or CLIENT LIST (examples' previous samples hold INFO only).
struct RulesCTwoSampleTests {
    func snapshot(info: String, replies: [String: String] = [:], clientList: String? = nil) -> ParsedSnapshot {
        RuleExample("x", info: info, clientList: clientList, replies: replies, expect: .ok).snapshots().current
    }

    func run(_ rule: any HealthRule.Type, _ current: ParsedSnapshot, _ previous: ParsedSnapshot?,
             _ settings: [String: String] = [:]) throws -> RuleResult {
        let context = RuleContext(description: rule.description, current: current, previous: previous,
                                  settings: try RuleSettings(overrides: settings))
        return try rule.evaluate(context)
    }

    @Test func slowlogNewEntriesAreTrackedById() throws {
        let info = "redis_version:7.2.6\nrun_id:a\nserver_time_usec:1763800000000000\n"
        let before = snapshot(info: info, replies: ["SLOWLOG GET": "41 1763799950 1200000 10.0.0.7:1 web KEYS *\n"])
        let after = snapshot(info: info, replies: ["SLOWLOG GET": "42 1763799990 150000 10.0.0.8:2 - SMEMBERS s\n41 1763799950 1200000 10.0.0.7:1 web KEYS *\n"])
        let result = try run(SlowCommandsRule.self, after, before)
        #expect(result.status == .warning, "the 1.2 s entry was seen last time")
        #expect(result.evidence.contains { $0.contains("1 new entry since id 41") })
        #expect(!result.evidence.joined().contains("KEYS"))
        // A restart (new run_id) resets ids: fall back to the time window.
        let restarted = snapshot(info: "redis_version:7.2.6\nrun_id:b\nserver_time_usec:1763800000000000\n",
                                 replies: ["SLOWLOG GET": "1 1763799990 2000000 10.0.0.8:2 - SORT big\n"])
        #expect(try run(SlowCommandsRule.self, restarted, before).status == .critical)
    }

    @Test func latencySpikesOnlyWhenNewerThanThePreviousSample() throws {
        let info = "redis_version:7.2.6\nrun_id:a\nserver_time_usec:1763800000000000\n"
        let before = snapshot(info: info, replies: ["LATENCY LATEST": "fork 1763799000 1500 1500\n"])
        let same = snapshot(info: info, replies: ["LATENCY LATEST": "fork 1763799000 1500 1500\n"])
        #expect(try run(LatencyRule.self, same, before).status == .ok)
        let newer = snapshot(info: info, replies: ["LATENCY LATEST": "fork 1763799500 200 1500\n"])
        let result = try run(LatencyRule.self, newer, before)
        #expect(result.status == .warning, "judged by the latest 200 ms spike, not the old 1500 ms max")
    }

    @Test func sourceGrowthWarnsOnlyWithAPreviousClientList() throws {
        func pool(_ n: Int) -> String {
            (0..<n).map { "id=\($0) addr=10.0.0.7:\(1000 + $0) name=w age=10 idle=0 flags=N cmd=get\n" }.joined()
        }
        let info = "redis_version:7.2.6\nrun_id:a\nmaxclients:10000\n"
        let before = snapshot(info: info, clientList: pool(10))
        let after = snapshot(info: info, clientList: pool(40))
        let result = try run(StaleConnectionsRule.self, after, before)
        #expect(result.status == .warning)
        #expect(result.evidence.contains { $0.contains("10.0.0.7 grew by 30") })
        #expect(try run(StaleConnectionsRule.self, after, nil).status == .ok)
    }
}
