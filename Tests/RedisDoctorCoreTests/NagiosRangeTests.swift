import Testing
@testable import RedisDoctorCore

@Test(arguments: [
    // text, value, alerts
    ("10", -1.0, true), ("10", 0, false), ("10", 10, false), ("10", 10.5, true),
    ("10:", 9.99, true), ("10:", 10, false), ("10:", 1e9, false),
    ("~:10", -1e9, false), ("~:10", 10, false), ("~:10", 10.01, true),
    ("10:20", 9, true), ("10:20", 10, false), ("10:20", 20, false), ("10:20", 21, true),
    ("@10:20", 9, false), ("@10:20", 10, true), ("@10:20", 15, true), ("@10:20", 20, true), ("@10:20", 20.1, false),
    ("-5:-1", -3, false), ("-5:-1", 0, true), ("0.5:1.5", 0.4, true), ("0.5:1.5", 1.5, false),
    ("@0", 0, true), ("@0", 0.1, false), (":10", -1, true), ("~:", -1e300, false),
])
func rangeAlerts(text: String, value: Double, alerts: Bool) throws {
    let range = try NagiosRange(parsing: text)
    #expect(range.alerts(value) == alerts)
}

@Test(arguments: [
    ("10", "10"), ("0:10", "10"), ("10:", "10:"), ("~:10", "~:10"), ("10:20", "10:20"),
    ("@10:20", "@10:20"), ("1.50:2.0", "1.5:2"), ("-3:-1", "-3:-1"), ("~:", "~:"), ("@~:0", "@~:0"),
])
func rangeCanonicalText(text: String, canonical: String) throws {
    let range = try NagiosRange(parsing: text)
    #expect(range.description == canonical)
    #expect(try NagiosRange(parsing: canonical) == range)
}

@Test(arguments: [
    ("", 1, "empty range"),
    ("@", 2, "expected a range"),
    ("20:10", 1, "greater than end"),
    ("-3", 1, "start 0 is greater than end -3"),
    ("10:x", 4, "unexpected \"x\""),
    ("1e5", 2, "unexpected \"e\""),
    ("inf", 1, "unexpected \"i\""),
    ("1:2:3", 4, "second \":\""),
    ("~", 1, "only allowed as the start"),
    ("~10:20", 1, "unexpected \"~\""),
    ("-", 1, "expected a number"),
    ("1..2", 3, "unexpected \".\""),
    ("10 ", 3, "unexpected \" \""),
])
func rangeParseErrors(text: String, position: Int, reason: String) {
    #expect {
        try NagiosRange(parsing: text)
    } throws: { error in
        guard let error = error as? NagiosRangeError else { return false }
        return error.position == position && error.reason.contains(reason)
            && error.description.contains("at character \(position)")
    }
}

@Test func nanAlwaysAlerts() throws {
    #expect(try NagiosRange(parsing: "~:").alerts(.nan))
    #expect(try NagiosRange(parsing: "@10:20").alerts(.nan))
}

@Test(arguments: [
    (5.0, Status.ok), (85, .warning), (95, .critical), (-1, .critical), (Double.nan, .unknown),
])
func thresholdChecksCriticalFirst(value: Double, expected: Status) throws {
    // Critical's range is wider below zero; both alert for -1, CRITICAL must win.
    let threshold = try Threshold(warning: "80", critical: "90")
    #expect(threshold.evaluate(value) == expected)
}

@Test func thresholdWithoutRangesIsOK() {
    #expect(Threshold().evaluate(1e12) == .ok)
}
