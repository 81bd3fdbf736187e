/// Seed 000: a BGSAVE hung on a degraded EBS volume for twenty minutes while 67,162 changes
/// waited, and the operator could not tell a slow save from a dead one.
public enum SaveStuckDiagnosis: Diagnosis {
    public static let description = DiagnosisDescription(
        id: "save-stuck",
        title: "save stuck",
        summary: "A background save that makes no progress: its child waiting on the disk, or stopped.",
        rationale: """
            A save child that reports no progress between two samples (bgsave-stalled) is either \
            working on something huge, stopped, or waiting on the disk. On the server's host the \
            child's state says which: D (uninterruptible sleep) is I/O, and a filesystem of dir that \
            does not answer statvfs is the same volume seen from outside; T is a child stopped by a \
            signal (a debugger, a job-control mistake). Without the host the diagnosis is only \
            likely: the stall fits a slow disk best, but a stopped or CPU-starved child would look \
            the same. A child in state R (running) rules it out: it is working.
            """,
        findings: ["bgsave-stalled", "unsaved-changes", "host-disk"],
        facts: ["rdb_changes_since_last_save", "the save child's state (/proc)", "statvfs(dir)"],
        ruledOutBy: "the save child running or sleeping (state R or S: working on huge keys, or CPU-starved), or progress between two samples",
        nextStep: "Check the volume holding dir (iostat -x 1, dmesg) and the child's state (ps -o pid,stat,wchan --ppid PID); if the volume is gone, kill the save child and save elsewhere: CONFIG SET dir /healthy/path, then BGSAVE",
        examples: [
            DiagnosisExample(
                "Seed 000 on its host: no progress over 6 s, the child in state D",
                info: stalled(now: 1763800006, current: 7), previousInfo: stalled(now: 1763800000, current: 1),
                host: HostExample(saveChildStat: "4250 (redis-server) D 4242 4242 4242 0 -1 4194624 2271 0 0 0 3 1 0 0 20 0 1 0 88123 2481307648 601602 18446744073709551615\n"),
                diagnosed: true, confidence: .confirmed,
                expectEvidence: ["save stuck on disk I/O: 67162 changes not on disk", "save child 4250 in state D", "bgsave-stalled WARNING"]),
            DiagnosisExample(
                "The child stopped by a signal (state T)",
                info: stalled(now: 1763800006, current: 7), previousInfo: stalled(now: 1763800000, current: 1),
                host: HostExample(saveChildStat: "4250 (redis-server) T 4242 4242 4242 0 -1 4194624 2271 0 0 0 3 1 0 0 20 0 1 0 88123 2481307648 601602 18446744073709551615\n"),
                diagnosed: true, confidence: .confirmed, expectEvidence: ["save stuck: its child is stopped: 67162 changes not on disk", "state T (stopped)"]),
            DiagnosisExample(
                "The same stall read from another host: likely, not confirmed",
                info: stalled(now: 1763800006, current: 7), previousInfo: stalled(now: 1763800000, current: 1),
                diagnosed: true, confidence: .likely, expectEvidence: ["save stuck (likely on disk I/O): 67162 changes not on disk", "no host facts"]),
            DiagnosisExample(
                "The child is running (state R): busy, not stuck on the disk",
                info: stalled(now: 1763800006, current: 7), previousInfo: stalled(now: 1763800000, current: 1),
                host: HostExample(saveChildStat: "4250 (redis-server) R 4242 4242 4242 0 -1 4194624 2271 0 0 0 3 1 0 0 20 0 1 0 88123 2481307648 601602 18446744073709551615\n"),
                diagnosed: false),
            DiagnosisExample(
                "A save progressing normally",
                info: "redis_version:7.0.15\nserver_time_usec:1763800005000000\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:65\nrdb_last_bgsave_time_sec:60\ncurrent_save_keys_processed:120833\ncurrent_save_keys_total:300000\ncurrent_fork_perc:40.28\naof_rewrite_in_progress:0\n",
                previousInfo: "redis_version:7.0.15\nserver_time_usec:1763800000000000\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:60\nrdb_last_bgsave_time_sec:60\ncurrent_save_keys_processed:111617\ncurrent_save_keys_total:300000\ncurrent_fork_perc:37.21\naof_rewrite_in_progress:0\n",
                diagnosed: false),
        ]
    )

    static func stalled(now: Int, current: Int) -> String {
        "redis_version:7.0.15\nprocess_id:4242\nserver_time_usec:\(now)000000\nrdb_changes_since_last_save:67162\nrdb_bgsave_in_progress:1\nrdb_current_bgsave_time_sec:\(current)\nrdb_last_bgsave_time_sec:40\ncurrent_save_keys_processed:0\ncurrent_save_keys_total:300000\ncurrent_fork_perc:0.00\naof_rewrite_in_progress:0\n"
    }

    public static func diagnose(_ input: DiagnosisInput) -> DiagnosisResult? {
        guard let stall = input.firing("bgsave-stalled"), stall.evidence.contains(where: { $0.contains("unchanged over") }) else { return nil }
        var facts: [String] = []
        var confidence = DiagnosisConfidence.confirmed
        var title: String
        if let child = input.host?.saveChild {
            facts.append("save child \(child.pid) in state \(child.stateText) (/proc/\(child.pid)/stat)")
            switch child.state {
            case "D": title = "save stuck on disk I/O"
            case "T", "t": title = "save stuck: its child is stopped"
            default: return nil
            }
        } else if let fs = input.host?.filesystem, fs.hung {
            facts.append("statvfs(\(fs.path)) did not answer: the volume is hung")
            title = "save stuck on disk I/O"
        } else {
            facts.append(input.host == nil ? "no host facts: the child's state was not read (\(input.current.hostAbsence))" : "the save child's state was not read")
            confidence = .likely
            title = "save stuck (likely on disk I/O)"
        }
        let changes = input.info.number(.changesSinceLastSave) ?? 0
        let others = ["unsaved-changes", "host-disk"].compactMap(input.firing)
        let headline = title + (changes > 0 ? ": \(HumanFormat.number(changes)) changes not on disk" : "")
        return description.result(confidence, headline: headline, findings: [stall] + others,
                                  facts: facts + (changes > 0 ? ["rdb_changes_since_last_save=\(HumanFormat.number(changes))"] : []))
    }
}
