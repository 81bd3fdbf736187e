/// A server that answers late because its host starves it: the process swapped out,
/// stopped, or waiting on I/O (seed 002's monitor stuck on a kernel lock, seen from the
/// other side).
public enum ServerStarvedDiagnosis: Diagnosis {
    public static let description = DiagnosisDescription(
        id: "server-starved",
        title: "server starved by its host",
        summary: "No answer or slow answers while the host shows the server process stopped, waiting on I/O or swapped out.",
        rationale: """
            Redis is one thread: when the check gets no answer by its deadline, or PINGs and \
            commands slow down (latency, slow-commands), and the server's own process is, read from \
            /proc, not running (state T: stopped; D: blocked on I/O) or in swap (host-swap), the \
            host is the cause, not the workload. Only local checks can see it. After a timeout the \
            process is the one listening on the port (found through /proc/net and the processes' \
            open sockets, which needs the server's user or root) or the one --host-checks pid=N \
            names; a process state read at that moment confirms it.
            """,
        findings: ["latency", "slow-commands", "host-swap"],
        facts: ["the check's timeout", "State (/proc/PID/status)", "VmSwap"],
        ruledOutBy: "the process running (state R or S) with nothing in swap while the slow answers continue",
        nextStep: "Act on the state: T (stopped by a signal or a debugger) resumes with kill -CONT PID; D is blocked in the kernel (cat /proc/PID/stack as root shows where); swap needs memory back (free -m, vm.swappiness=1, a lower maxmemory)",
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
            DiagnosisExample(
                "No answer within the deadline, the process stopped (SIGSTOP)",
                info: "", timeout: "connected to 127.0.0.1:6379, but no reply in 2.0 s: the server may be frozen, swapping or busy (a long command, a fork)",
                host: HostExample(status: "State:\tT (stopped)\nVmRSS:\t  1887436 kB\nVmSwap:\t       0 kB\n"),
                diagnosed: true, confidence: .confirmed, expectEvidence: ["server frozen: process 4242 is stopped (state T (stopped))", "no reply in 2.0 s"]),
            DiagnosisExample(
                "No answer within the deadline, the process running: busy, not frozen",
                info: "", timeout: "connected to 127.0.0.1:6379, but no reply in 2.0 s: the server may be frozen, swapping or busy (a long command, a fork)",
                host: HostExample(status: "State:\tR (running)\nVmRSS:\t  1887436 kB\nVmSwap:\t       0 kB\n"),
                diagnosed: false),
        ]
    )

    public static func diagnose(_ input: DiagnosisInput) -> DiagnosisResult? {
        guard let host = input.host else { return nil }
        if let error = input.error {
            return timedOut(error, host)
        }
        let slow = ["latency", "slow-commands"].compactMap(input.firing)
        guard !slow.isEmpty else { return nil }
        var findings = slow
        var facts: [String] = []
        if let swap = input.firing("host-swap") { findings.append(swap) }
        if let state = host.state, host.isStopped || host.isBlocked {
            facts.append("process \(host.pid) in state \(state.text) (/proc/\(host.pid)/status)")
        }
        guard findings.count > slow.count || !facts.isEmpty else { return nil }
        // A little swap fits a slow answer; a process not running, or a tenth of it in swap, explains it.
        let confirmed = !facts.isEmpty || input.firing("host-swap")?.status == .critical
        return description.result(confirmed ? .confirmed : .likely, headline: "\(description.title): \(DiagnosisInput.clause(slow[0]))", findings: findings, facts: facts)
    }

    /// A tenth of the process in swap: host-swap's CRITICAL default, enough to explain no answer.
    static let heavySwapShare = 0.1

    /// No answer by the deadline: the process's own state says why, when it says anything.
    static func timedOut(_ error: CheckError, _ host: HostFacts) -> DiagnosisResult? {
        guard error.kind == .timeout else { return nil }
        var headline: String
        var facts = ["the check: \(error.message)"]
        if let state = host.state, host.isStopped || host.isBlocked {
            headline = host.isBlocked ? "server starved: process \(host.pid) blocked on I/O (state \(state.text))"
                : "server frozen: process \(host.pid) is stopped (state \(state.text))"
            facts.append("process \(host.pid) in state \(state.text) (/proc/\(host.pid)/status), \(host.identifiedBy)")
        } else if let swap = host.swap, let rss = host.rss, swap > 0, swap >= heavySwapShare * rss {
            headline = "server starved: \(HumanFormat.bytes(swap)) of process \(host.pid) in swap"
            facts.append("VmSwap=\(HumanFormat.bytes(swap)), VmRSS=\(HumanFormat.bytes(rss)) (/proc/\(host.pid)/status)")
        } else {
            return nil
        }
        // Stopped stays stopped; one reading of D or of swap may catch a busy moment.
        return DiagnosisResult(id: description.id, title: description.title, confidence: host.isStopped ? .confirmed : .likely, status: error.status,
                               headline: headline, evidence: facts, findings: [], nextStep: description.nextStep, ruledOutBy: description.ruledOutBy)
    }
}
