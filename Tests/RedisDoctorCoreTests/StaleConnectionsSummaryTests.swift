import Testing
import TestSupport
@testable import RedisDoctorCore

struct StaleConnectionsSummaryTests {
    /// Fired on a source's share of maxclients: the summary names it, not "0 stale in 0 groups".
    @Test func theSummaryNamesWhatFired() {
        func lines(_ count: Int, name: String, from: Int) -> String {
            (0..<count).map { "id=\(from + $0) addr=127.0.0.1:\(40000 + from + $0) fd=9 name=\(name) age=60 idle=0 flags=N db=0 cmd=get\n" }.joined()
        }
        let list = lines(200, name: "worker-old", from: 0) + lines(22, name: "web", from: 1000)
        let snapshot = Snapshot(target: "t", exchanges: [
            Exchange(command: ["INFO"], reply: .bulk(Array("redis_version:7.0.15\r\nconnected_clients:222\r\nmaxclients:250\r\n".utf8))),
            Exchange(command: ["CLIENT", "LIST"], reply: .bulk(Array(list.utf8))),
        ])
        let report = CheckReport.evaluate(current: snapshot)
        let result = report.results.first { $0.ruleID == "stale-connections" }
        #expect(result?.status == .warning)
        #expect(result?.summary == "127.0.0.1 holds 222 of 250 client slots (88.8%), 200 named worker-old", "\(result?.summary ?? "")")
        #expect(result?.advice.contains { $0.hasPrefix("redis-doctor clients") } == true)
    }
}
