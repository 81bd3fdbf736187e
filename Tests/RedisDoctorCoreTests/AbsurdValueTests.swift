import Testing
@testable import RedisDoctorCore

/// Servers and pasted files can carry any number: `1e300`, `-1e300`, `Int.max`. Every
/// rule and renderer must answer, never trap (a trap is a check with no status at all).
struct AbsurdValueTests {
    static let values = ["1e300", "-1e300", "9223372036854775807", "-9223372036854775808", "1e-300", "nan"]

    /// INFO where every numeric field of the table holds `value`, with a role and a clock.
    static func info(_ value: String) -> String {
        var lines = ["redis_version:7.2.4", "role:master", "server_time_usec:1763800000000000"]
        for field in InfoField.allCases where field.spec.kind != .text {
            for key in field.spec.keys { lines.append("\(key):\(value)") }
        }
        lines.append("slave0:ip=10.0.0.2,port=6379,state=online,offset=\(value),lag=\(value)")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: values)
    func everyRuleAndRendererSurvives(_ value: String) throws {
        var snapshot = Snapshot.fromInfoText(Array(Self.info(value).utf8), source: "absurd")
        let client = "id=1 addr=10.0.0.9:5000 fd=8 name=w age=\(value) idle=\(value) flags=N db=0 omem=\(value) tot-mem=\(value) cmd=get\n"
        snapshot.exchanges.append(Exchange(command: ["CLIENT", "LIST"], reply: .bulk(Array((client + client).utf8))))
        let current = ParsedSnapshot(snapshot)
        for previous in [nil, current] {
            let results = RuleEngine.evaluate(current: current, previous: previous)
            #expect(results.count == RuleRegistry.nodeRules.count)
            let report = CheckReport(target: "absurd", server: current.facts, results: results)
            #expect(NagiosRenderer().render(report).hasPrefix("REDIS "))
            #expect(JSONRenderer().render(report).hasPrefix("{"))
            #expect(!PrometheusRenderer().render(report).isEmpty)
            #expect(!TextRenderer().render(report).isEmpty)
        }
    }

    @Test func clientGroupsSurviveExtremeNumbers() {
        let lines = [
            "id=1 addr=10.0.0.1:1 age=9223372036854775807 idle=-9223372036854775808 omem=9223372036854775807 tot-mem=9223372036854775807 cmd=get",
            "id=2 addr=10.0.0.1:2 age=-9223372036854775808 idle=9223372036854775807 omem=9223372036854775807 tot-mem=9223372036854775807 cmd=get",
            "id=3 addr=10.0.0.1:3 idle=9223372036854775807 omem=9223372036854775807",
        ]
        let clients = ClientList.parse(Array((lines.joined(separator: "\n") + "\n").utf8))
        for idle in [0, 60, Int.max] {
            let analysis = ClientGroups(clients, options: ClientGroupOptions(idleThresholdSeconds: idle))
            #expect(analysis.summary.total == 3)
            #expect(!ClientGroupsTable.render(groups: analysis.groups, summary: analysis.summary).isEmpty)
            #expect(ClientGroupsTable.json(groups: analysis.groups, summary: analysis.summary).hasPrefix("{"))
            _ = ClientGroupsTable.killCommands(for: analysis.groups)
        }
    }

    @Test func humanFormatNeverTraps() {
        for value in [1e300, -1e300, .infinity, -.infinity, .nan, 9.3e18, -9.3e18, 1e-300] {
            _ = HumanFormat.duration(seconds: value)
            _ = HumanFormat.bytes(value)
            _ = HumanFormat.fixed(value, 2)
            _ = HumanFormat.percent(value)
            _ = HumanFormat.number(value)
        }
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: 1e300) == .max)
        #expect(Int(saturating: -1e300) == .min)
        #expect(Int.max.saturatingAdd(1) == .max)
        #expect(Int.min.saturatingAdd(-1) == .min)
    }
}
