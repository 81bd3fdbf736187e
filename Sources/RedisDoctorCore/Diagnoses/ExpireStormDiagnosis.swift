/// Seed 004: half a million keys set with the same TTL expired together and the active
/// expire cycle pinned the CPU.
public enum ExpireStormDiagnosis: Diagnosis {
    public static let description = DiagnosisDescription(
        id: "expire-storm",
        title: "expire storm",
        summary: "Mass expiry saturating the main thread: the expire cycle at its time cap with the CPU pinned or commands slowed.",
        rationale: """
            The active expire cycle runs in the main thread. When most sampled keys are already \
            expired and the cycle keeps hitting its time cap (expire-storm), and at the same time the \
            main thread's CPU is saturated (cpu-saturation) or commands and PINGs slow down (latency, \
            slow-commands), the expiry is what the server is busy with. With CPU saturation measured \
            over the same interval it is confirmed.
            """,
        findings: ["expire-storm", "cpu-saturation", "latency", "slow-commands"],
        facts: ["expired_stale_perc", "expired_time_cap_reached_count", "expire_cycle_cpu_milliseconds", "used_cpu_*_main_thread"],
        ruledOutBy: "expired_stale_perc back under 10 % with the time cap no longer reached, while the CPU stays high (then something else is busy)",
        nextStep: "Let it pass or spread it: give keys set together a random jitter on their TTL (EXPIRE key ttl+rand), and raise active-expire-effort only if the CPU has room",
        examples: [
            DiagnosisExample(
                "Seed 004: 91.8 % stale, 53 time-cap hits, the main thread at 97 %",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800060000000\nexpired_keys:480000\nexpired_stale_perc:91.80\nexpired_time_cap_reached_count:53\nexpire_cycle_cpu_milliseconds:742\nused_cpu_sys_main_thread:120.000000\nused_cpu_user_main_thread:318.200000\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_keys:0\nexpired_stale_perc:0.00\nexpired_time_cap_reached_count:0\nexpire_cycle_cpu_milliseconds:0\nused_cpu_sys_main_thread:100.000000\nused_cpu_user_main_thread:280.000000\n",
                diagnosed: true, confidence: .confirmed, expectEvidence: ["expire storm", "cpu-saturation CRITICAL", "expire-storm"]),
            DiagnosisExample(
                "The storm without a busy CPU: the cycle copes",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800060000000\nexpired_keys:480000\nexpired_stale_perc:91.80\nexpired_time_cap_reached_count:53\nexpire_cycle_cpu_milliseconds:742\nused_cpu_sys_main_thread:100.500000\nused_cpu_user_main_thread:281.000000\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_keys:0\nexpired_stale_perc:0.00\nexpired_time_cap_reached_count:0\nexpire_cycle_cpu_milliseconds:0\nused_cpu_sys_main_thread:100.000000\nused_cpu_user_main_thread:280.000000\n",
                diagnosed: false),
        ]
    )

    public static func diagnose(_ input: DiagnosisInput) -> DiagnosisResult? {
        guard let storm = input.firing("expire-storm") else { return nil }
        let cpu = input.firing("cpu-saturation")
        let slow = ["latency", "slow-commands"].compactMap(input.firing)
        guard cpu != nil || !slow.isEmpty else { return nil }
        return description.result(cpu != nil ? .confirmed : .likely, headline: "\(description.title): \(DiagnosisInput.clause(storm))",
                                  findings: [storm] + (cpu.map { [$0] } ?? []) + slow)
    }
}
