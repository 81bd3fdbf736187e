import Testing
import TestSupport
@testable import RedisDoctorCore

struct ConfigNilTests {
    /// Redis 2.4 answers an unset requirepass with nil: kept as unset, so open-access judges.
    @Test func nilConfigValuesAreUnset() {
        let config = ConfigValues(reply: .array([.bulk(Array("requirepass".utf8)), .null, .bulk(Array("bind".utf8)), .bulk(Array("0.0.0.0".utf8))]))
        #expect(config["requirepass"] == "")
        let snapshot = Snapshot(target: "t", exchanges: [
            Exchange(command: ["INFO"], reply: .bulk(Array("redis_version:2.4.18\r\nuptime_in_seconds:9\r\n".utf8))),
            Exchange(command: ["CONFIG", "GET", "*"], reply: .array([.bulk(Array("requirepass".utf8)), .null, .bulk(Array("bind".utf8)), .bulk(Array("0.0.0.0".utf8))])),
        ])
        let report = CheckReport.evaluate(current: snapshot)
        #expect(report.results.first { $0.ruleID == "open-access" }?.status == .warning)
    }
}
