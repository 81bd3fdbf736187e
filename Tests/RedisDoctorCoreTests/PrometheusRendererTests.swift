import Testing
@testable import RedisDoctorCore

@Test func prometheusExposition() {
    let text = PrometheusRenderer().render(SampleReports.problems)
    let t = "target=\"127.0.0.1:6379\""
    #expect(text.hasSuffix("\n"))
    #expect(text.contains("redis_doctor_up{\(t)} 1\n"))
    #expect(text.contains("redis_doctor_status{\(t)} 2\n"))
    #expect(text.contains("redis_doctor_rule_status{rule=\"memory-usage\",\(t)} 2\n"))
    #expect(text.contains("redis_doctor_rule_status{rule=\"replica-link\",\(t)} 3\n"))
    #expect(!text.contains("redis_doctor_rule_status{rule=\"latency-monitor\""), "skipped rules have no status sample")
    #expect(text.contains("redis_doctor_rule_skipped{rule=\"latency-monitor\",\(t)} 1\n"))
    #expect(text.contains("redis_doctor_rule_skipped{rule=\"memory-usage\",\(t)} 0\n"))
    #expect(text.contains("redis_doctor_metric{rule=\"memory-usage\",name=\"used_memory\",unit=\"B\",\(t)} 2040109465.6\n"))
    #expect(text.contains("redis_doctor_metric{rule=\"big-keys\",name=\"big \\\"key\\\"\\\\n\",unit=\"B\",\(t)} 100000000000000000000\n"))
    #expect(!text.contains("broken"), "NaN metric omitted")
    for family in ["redis_doctor_up", "redis_doctor_status", "redis_doctor_rule_status", "redis_doctor_rule_skipped", "redis_doctor_metric"] {
        #expect(text.components(separatedBy: "# HELP \(family) ").count == 2, "HELP once for \(family)")
        #expect(text.contains("# TYPE \(family) gauge\n"))
    }
    // Every sample line: name{labels} value
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        #expect(line.wholeMatch(of: /[a-z_]+\{([a-z]+="([^"\\\n]|\\.)*",?)+\} -?[0-9.]+/) != nil, "\(line)")
    }
}

@Test(arguments: [("a\\b", "a\\\\b"), ("say \"hi\"", "say \\\"hi\\\""), ("l1\nl2", "l1\\nl2"), ("plain", "plain")])
func prometheusLabelEscaping(raw: String, escaped: String) {
    #expect(PrometheusRenderer.escapeLabelValue(raw) == escaped)
}

@Test func prometheusDownTarget() {
    let text = PrometheusRenderer().render(SampleReports.refused)
    #expect(text == """
    # HELP redis_doctor_up Whether the check completed without a check-level error (1) or not (0).
    # TYPE redis_doctor_up gauge
    redis_doctor_up{target="127.0.0.1:6379"} 0
    # HELP redis_doctor_status Overall status: 0 ok, 1 warning, 2 critical, 3 unknown.
    # TYPE redis_doctor_status gauge
    redis_doctor_status{target="127.0.0.1:6379"} 2

    """)
}
