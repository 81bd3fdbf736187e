import Foundation
import Testing
import TestSupport
@testable import RedisDoctorCore

@Test(arguments: [
    ("plain", "\"plain\""), ("q\"b\\", "\"q\\\"b\\\\\""), ("a\nb\tc\r", "\"a\\nb\\tc\\r\""),
    ("\u{0}\u{1F}\u{7F}", "\"\\u0000\\u001f\\u007f\""), ("\u{2028}", "\"\\u2028\""), ("é🙂", "\"é🙂\""),
])
func jsonStringEscaping(text: String, json: String) {
    #expect(JSONValue.string(text).serialized() == json)
}

@Test func jsonOutputParsesAndKeepsKeyOrder() throws {
    let text = JSONRenderer().render(SampleReports.problems)
    #expect(text.hasPrefix("{\"status\":\"critical\",\"exit_code\":2,\"target\":\"127.0.0.1:6379\",\"server\":{\"server\":\"redis 7.0.15\",\"role\":\"master\",\"used_memory\":1069548"))
    #expect(!text.contains("e+") && !text.contains("nan"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["error"] == nil)
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.map { $0["rule"] as? String } == ["persistence-disabled", "stale-connections", "memory-usage", "latency-monitor", "replica-link", "big-keys"])
    #expect(results[3]["status"] as? String == "skipped")
    #expect((results[1]["evidence"] as? [String])?.first == "idle=7200 name=\"worker\"\n\u{1B}[2J", "JSON keeps evidence verbatim")
    let memoryMetrics = try #require(results[2]["metrics"] as? [[String: Any]])
    #expect(memoryMetrics.count == 2, "the NaN metric is omitted")
    #expect(memoryMetrics[1]["warning"] as? String == "80")
    #expect(memoryMetrics[0]["warning"] is NSNull)
    #expect((memoryMetrics[0]["max"] as? NSNumber)?.doubleValue == 2147483648)
}

@Test func jsonErrorObject() throws {
    var report = SampleReports.refused
    report.error?.status = .unknown
    let text = JSONRenderer().render(report)
    #expect(text == "{\"status\":\"unknown\",\"exit_code\":3,\"target\":\"127.0.0.1:6379\",\"server\":{},\"diagnoses\":[],\"results\":[],\"counters\":[],"
        + "\"error\":{\"message\":\"connection refused to 127.0.0.1:6379 (ECONNREFUSED)\",\"kind\":\"connection-refused\",\"status\":\"unknown\",\"stage\":\"connect\"}}")
}

@Test func jsonPrettyPrintingIsEquivalent() throws {
    let compact = JSONRenderer().render(SampleReports.problems)
    let pretty = JSONRenderer(indent: 2).render(SampleReports.problems)
    #expect(pretty.contains("\n  \"status\": \"critical\",\n"))
    let a = try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? NSDictionary
    let b = try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? NSDictionary
    #expect(a != nil && a == b)
}

/// Validates output with the real draft 2020-12 validator (python3-jsonschema).
@Test(arguments: ["problems", "allOK", "refused", "empty"])
func jsonOutputMatchesSchema(name: String) throws {
    let report: CheckReport = switch name {
    case "problems": SampleReports.problems
    case "allOK": SampleReports.allOK
    case "refused": SampleReports.refused
    default: CheckReport(target: "")
    }
    let output = try JSONSchemaValidator.validate(JSONRenderer().render(report))
    #expect(output.status == 0, "\(output.text)")
}

@Test func schemaRejectsBrokenOutput() throws {
    // Guards the validator itself: a wrong status must fail.
    let broken = JSONRenderer().render(SampleReports.allOK).replacingOccurrences(of: "\"status\":\"ok\",\"exit_code\"", with: "\"status\":\"fine\",\"exit_code\"")
    #expect(try JSONSchemaValidator.validate(broken).status != 0)
}
