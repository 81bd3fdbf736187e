/// A server that answers late because its host starves it: the process swapped out,
/// stopped, or waiting on I/O (seed 002's monitor stuck on a kernel lock, seen from the
/// other side).
public enum ServerStarvedDiagnosis: Diagnosis {
    public static let description = DiagnosisDescription(
        id: "server-starved",
        title: "server starved by its host",
        summary: "Slow answers while the host shows the server process swapped out, stopped or waiting on I/O.",
        rationale: """
            Redis is one thread: when PINGs and commands slow down (latency, slow-commands) and the \
            server's own process is in swap (host-swap) or, read from /proc, not running (state D: \
            blocked on I/O; T: stopped), the host is the cause, not the workload. Only local checks \
            can see it; a process state read at the moment of the slow answer confirms it.
            """,
        findings: ["latency", "slow-commands", "host-swap"],
        facts: ["State (/proc/PID/status)", "VmSwap"],
        ruledOutBy: "the process running (state R or S) with nothing in swap while the slow answers continue",
        nextStep: "Find what holds the host: free -m and vmstat 1 for swap, cat /proc/PID/stack (root) for a blocked process; give the server its memory back (vm.swappiness=1, lower maxmemory)",
        examples: [
            DiagnosisExample(
                "PING takes 180 ms and a quarter of the server is in swap",
                info: "redis_version:7.2.6\nprocess_id:4242\nserver_time_usec:1763800000000000\n",
                replies: ["PING": "180000", "LATENCY LATEST": ""],
                host: HostExample(status: "State:\tS (sleeping)\nVmRSS:\t  1887436 kB\nVmSwap:\t  629145 kB\n"),
                diagnosed: true, confidence: .confirmed, expectEvidence: ["latency WARNING", "host-swap CRITICAL"]),
            DiagnosisExample(
                "PING takes 180 ms with the process blocked on I/O",
                info: "redis_version:7.2.6\nprocess_id:4242\nserver_time_usec:1763800000000000\n",
                replies: ["PING": "180000", "LATENCY LATEST": ""],
                host: HostExample(status: "State:\tD (disk sleep)\nVmRSS:\t  1887436 kB\nVmSwap:\t       0 kB\n"),
                diagnosed: true, confidence: .confirmed, expectEvidence: ["process 4242 in state D (disk sleep)"]),
            DiagnosisExample(
                "PING takes 180 ms, the process runs and nothing is in swap: the workload, not the host",
                info: "redis_version:7.2.6\nprocess_id:4242\nserver_time_usec:1763800000000000\n",
                replies: ["PING": "180000", "LATENCY LATEST": ""],
                host: HostExample(status: "State:\tR (running)\nVmRSS:\t  1887436 kB\nVmSwap:\t       0 kB\n"),
                diagnosed: false),
        ]
    )

    public static func diagnose(_ input: DiagnosisInput) -> DiagnosisResult? {
        guard let host = input.host else { return nil }
        let slow = ["latency", "slow-commands"].compactMap(input.firing)
        guard !slow.isEmpty else { return nil }
        var findings = slow
        var facts: [String] = []
        if let swap = input.firing("host-swap") { findings.append(swap) }
        if let state = host.process?.text("State"), let letter = state.first, letter == "D" || letter == "T" {
            facts.append("process \(host.pid) in state \(state) (/proc/\(host.pid)/status)")
        }
        guard findings.count > slow.count || !facts.isEmpty else { return nil }
        // A little swap fits a slow answer; a process not running, or a tenth of it in swap, explains it.
        let confirmed = !facts.isEmpty || input.firing("host-swap")?.status == .critical
        return description.result(confirmed ? .confirmed : .likely, headline: "\(description.title): \(DiagnosisInput.clause(slow[0]))", findings: findings, facts: facts)
    }
}
