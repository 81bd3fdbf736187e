import Testing
@testable import RedisDoctorCore

@Test func textReportWorstFirstWithoutColor() {
    let text = TextRenderer(color: false).render(SampleReports.problems)
    #expect(!text.contains("\u{1B}"), "no ANSI, and the client-supplied escape is neutralised")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "redis-doctor 127.0.0.1:6379: CRITICAL")
    #expect(lines[1] == "server redis 7.0.15, role master, used_memory 1.02 MiB, uptime 3d 4h")
    #expect(lines[3] == "CRITICAL  memory-usage: used memory 95% of maxmemory")
    #expect(lines[4] == "          evidence: used_memory=1.9 GiB")
    #expect(lines[6] == "          advice:   MEMORY PURGE")
    #expect(lines[8] == "WARNING   stale-connections: 12 idle clients | pool leak?")
    #expect(text.contains("UNKNOWN   replica-link: field master_link_status missing"))
    #expect(text.contains("\nOK (1): persistence-disabled"))
    #expect(text.contains("\nSKIPPED (1): latency-monitor (CONFIG denied (NOPERM))"))
    let order = ["CRITICAL  memory", "WARNING   stale", "WARNING   big-keys", "UNKNOWN   replica", "OK (1)", "SKIPPED (1)"]
    let positions = order.map { text.range(of: $0)!.lowerBound }
    #expect(positions == positions.sorted())
}

@Test func textReportColorsStatusWords() {
    let text = TextRenderer(color: true).render(SampleReports.problems)
    #expect(text.contains("\u{1B}[1;31mCRITICAL\u{1B}[0m"))
    #expect(text.contains("\u{1B}[1;33mWARNING\u{1B}[0m"))
    #expect(text.contains("\u{1B}[2mSKIPPED\u{1B}[0m"))
    #expect(!text.contains("\u{1B}[2J"))
}

@Test func textReportShowsError() {
    let text = TextRenderer().render(SampleReports.refused)
    #expect(text == "redis-doctor 127.0.0.1:6379: CRITICAL\n\nCRITICAL connection refused to 127.0.0.1:6379 (ECONNREFUSED) [stage: connect]")
}

private let byteCases: [(Double, String)] = [
    (0, "0 B"), (512, "512 B"), (1069547.52, "1.02 MiB"), (11010048, "10.5 MiB"),
    (1048473.6, "1 MiB"), (2147483648, "2 GiB"), (-2048, "-2 KiB"),
]

@Test(arguments: byteCases)
func humanBytes(value: Double, text: String) {
    #expect(HumanFormat.bytes(value) == text)
}

@Test(arguments: [(42.0, "42s"), (0.25, "0.25s"), (725, "12m 5s"), (12000, "3h 20m"), (187200, "2d 4h")])
func humanDuration(seconds: Double, text: String) {
    #expect(HumanFormat.duration(seconds: seconds) == text)
}
