import Testing
@testable import RedisDoctorCore

@Test func nagiosProblemOutput() {
    let lines = NagiosRenderer().render(SampleReports.problems).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "REDIS CRITICAL - used memory 95% of maxmemory (+2 warning, +1 unknown) | "
        + "'stale_clients'=12;10 'used_memory'=2040109465.6B;;;0;2147483648 'memory_pct'=95%;80;90;0;100 "
        + "'big \"key\"\\n'=100000000000000000000B 'tiny'=0.0000001s 'rejected_connections'=7c;;;0 'used_cpu_sys'=12.5c;;;0")
    #expect(lines.count == 5)
    #expect(lines[1] == "CRITICAL memory-usage: used memory 95% of maxmemory (used_memory=1.9 GiB; maxmemory=2 GiB) - advice: MEMORY PURGE; raise maxmemory")
    #expect(lines[2] == "WARNING stale-connections: 12 idle clients / pool leak? (idle=7200 name=\"worker\" ?[2J) - advice: CLIENT KILL ID 12")
    #expect(lines[3].hasPrefix("WARNING big-keys: "))
    #expect(lines[4] == "UNKNOWN replica-link: field master_link_status missing")
    #expect(!lines.joined().contains("SKIPPED"))
    #expect(!lines.joined().contains("\u{1B}"))
}

@Test func nagiosAllOKSummary() {
    #expect(NagiosRenderer().render(SampleReports.allOK) == "REDIS OK - 18 rules ok, 3 skipped; redis 7.0.15 master, used_memory 1.02 MiB")
    #expect(NagiosRenderer().render(CheckReport(target: "x")) == "REDIS OK - 0 rules ok")
}

@Test func nagiosError() {
    #expect(NagiosRenderer().render(SampleReports.refused) == "REDIS CRITICAL - connection refused to 127.0.0.1:6379 (ECONNREFUSED)")
    var report = SampleReports.problems
    report.error = .timeout(stage: "CLIENT LIST", seconds: 2, target: "127.0.0.1:6379")
    let first = NagiosRenderer().render(report).split(separator: "\n")[0]
    #expect(first.hasPrefix("REDIS CRITICAL - connected to 127.0.0.1:6379, but no reply to CLIENT LIST in 2 s: the server may be frozen, swapping or busy (a long command, a fork); used memory 95% of maxmemory (+2 warning, +1 unknown) | "))
}

@Test func nagiosUnknownOnlyWhenNothingWorse() {
    let report = CheckReport(target: "t", results: [
        RuleResult(ruleID: "a", status: .unknown, summary: "cannot tell"),
        RuleResult(ruleID: "b", status: .ok, summary: "fine"),
    ])
    #expect(NagiosRenderer().render(report) == "REDIS UNKNOWN - cannot tell\nUNKNOWN a: cannot tell")
}
