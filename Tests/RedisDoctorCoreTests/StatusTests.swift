import Testing
@testable import RedisDoctorCore

@Test(arguments: [
    (Status.ok, Int32(0), "OK"), (.warning, 1, "WARNING"), (.critical, 2, "CRITICAL"),
    (.unknown, 3, "UNKNOWN"), (.skipped, 0, "SKIPPED"),
])
func statusExitCodeAndLabel(status: Status, code: Int32, label: String) {
    #expect(status.nagiosExitCode == code)
    #expect(status.label == label)
}

@Test(arguments: [
    ([Status](), Status.ok),
    ([.skipped, .skipped], .ok),
    ([.ok, .unknown], .unknown),
    ([.unknown, .warning, .ok], .warning),
    ([.warning, .critical, .unknown], .critical),
    ([.skipped, .unknown], .unknown),
    ([.critical, .skipped], .critical),
])
func worstStatusRanking(statuses: [Status], expected: Status) {
    #expect(Status.worst(statuses) == expected)
}

@Test func reportStatusIsWorstOfResultsAndError() {
    var report = CheckReport(target: "t", results: [
        RuleResult(ruleID: "a", status: .ok, summary: "fine"),
        RuleResult(ruleID: "b", status: .skipped, summary: "not run"),
    ])
    #expect(report.status == .ok)
    #expect(report.exitCode == 0)
    report.results.append(RuleResult(ruleID: "c", status: .unknown, summary: "?"))
    #expect(report.exitCode == 3)
    report.error = .connectionRefused(target: "127.0.0.1:6379")
    #expect(report.status == .critical)
    #expect(report.exitCode == 2)
    report.error = .authentication("WRONGPASS")
    #expect(report.status == .unknown)
}

@Test func errorStatusCanBeOverridden() {
    let e = CheckError(kind: .timeout, message: "timed out", stage: "connect", status: .unknown)
    #expect(e.status == .unknown)
    #expect(CheckError.timeout(stage: "handshake", seconds: 2, target: "t:1").message
        == "connected to t:1, but no reply in 2 s: the server may be frozen, swapping or busy (a long command, a fork)")
    #expect(CheckError.timeout(stage: "INFO", seconds: 2, target: "t:1").message.hasPrefix("connected to t:1, but no reply to INFO in 2 s: "))
    #expect(CheckError.timeout(stage: "connect", seconds: 2, target: "t:1").message
        == "no answer from t:1 in 2 s: the host may be down, unreachable or firewalled")
    #expect(CheckError.timeout(stage: "handshake", seconds: 2, target: "t:1").status == .critical)
}

@Test func resultsWorstFirstIsStable() {
    let report = CheckReport(target: "t", results: [
        RuleResult(ruleID: "s", status: .skipped, summary: ""),
        RuleResult(ruleID: "o", status: .ok, summary: ""),
        RuleResult(ruleID: "w1", status: .warning, summary: ""),
        RuleResult(ruleID: "u", status: .unknown, summary: ""),
        RuleResult(ruleID: "c", status: .critical, summary: ""),
        RuleResult(ruleID: "w2", status: .warning, summary: ""),
    ])
    #expect(report.resultsWorstFirst.map(\.ruleID) == ["c", "w1", "w2", "u", "o", "s"])
}
