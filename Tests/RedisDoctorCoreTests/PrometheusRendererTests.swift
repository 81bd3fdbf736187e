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
    // One family per quantity, base units in the name, values converted.
    #expect(text.contains("# TYPE redis_doctor_used_memory_bytes gauge\nredis_doctor_used_memory_bytes{\(t)} 2040109465.6\n"))
    #expect(text.contains("# TYPE redis_doctor_memory_ratio gauge\nredis_doctor_memory_ratio{\(t)} 0.95\n"), "% becomes a ratio")
    #expect(text.contains("redis_doctor_tiny_seconds{\(t)} 0.0000001\n"))
    #expect(text.contains("redis_doctor_big__key__n_bytes{\(t)} 100000000000000000000\n"), "names are sanitised")
    #expect(text.contains("# TYPE redis_doctor_rejected_connections_total counter\nredis_doctor_rejected_connections_total{\(t)} 7\n"))
    #expect(text.contains("# TYPE redis_doctor_used_cpu_sys_seconds_total counter\nredis_doctor_used_cpu_sys_seconds_total{\(t)} 12.5\n"))
    #expect(text.contains("redis_doctor_last_run_timestamp_seconds{\(t)} 1763800000.25\n"))
    #expect(text.contains("redis_doctor_run_duration_seconds{\(t)} 0.0125\n"))
    #expect(!text.contains("redis_doctor_metric"), "no catch-all family")
    #expect(!text.contains("broken"), "NaN metric omitted")
    for family in ["redis_doctor_up", "redis_doctor_status", "redis_doctor_rule_status", "redis_doctor_rule_skipped", "redis_doctor_used_memory_bytes"] {
        #expect(text.components(separatedBy: "# HELP \(family) ").count == 2, "HELP once for \(family)")
        #expect(text.contains("# TYPE \(family) gauge\n"))
    }
    // Every sample line: name{labels} value
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        #expect(line.wholeMatch(of: /[a-z_]+\{([a-z]+="([^"\\\n]|\\.)*",?)+\} -?[0-9.]+/) != nil, "\(line)")
        #expect(!line.hasPrefix("redis_doctor_") || !line.contains("_total{") || text.contains("# TYPE \(line.prefix { $0 != "{" }) counter"), "\(line)")
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
    # HELP redis_doctor_check_error 1 when the check ended in a check-level error, labelled with its kind (timeout, connection-refused, authentication, ...).
    # TYPE redis_doctor_check_error gauge
    redis_doctor_check_error{kind="connection-refused",target="127.0.0.1:6379"} 1

    """)
}

/// The naming guide's rules, by unit and kind.
@Test(arguments: [
    (Metric("ping", 0.145, unit: .milliseconds), "redis_doctor_ping_seconds", 0.001),
    (Metric("expired_stale_perc", 12, unit: .percent), "redis_doctor_expired_stale_ratio", 0.01),
    (Metric("save_duration", 3, unit: .seconds), "redis_doctor_save_duration_seconds", 1),
    (Metric("mem_fragmentation_bytes", 3, unit: .bytes), "redis_doctor_mem_fragmentation_bytes", 1),
    (Metric("expire_cycle_cpu_milliseconds", 742, unit: .milliseconds, kind: .counter), "redis_doctor_expire_cycle_cpu_seconds_total", 0.001),
    (Metric("unsaved_changes", 42), "redis_doctor_unsaved_changes", 1),
    (Metric("errorstat_OOM", 3, kind: .counter), "redis_doctor_errorstat_oom_total", 1),
    (Metric("total_error_replies", 3, kind: .counter), "redis_doctor_error_replies_total", 1),
    (Metric("expired_time_cap_reached_count", 3, kind: .counter), "redis_doctor_expired_time_cap_reached_total", 1),
])
func prometheusFamilyNames(metric: Metric, name: String, scale: Double) {
    let family = PrometheusFamily(metric)
    #expect(family.name == name)
    #expect(family.scale == scale)
}
