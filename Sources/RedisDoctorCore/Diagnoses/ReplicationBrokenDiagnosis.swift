/// A replica that is no longer one: its link down, or so far behind that the backlog no
/// longer covers the gap and every reconnect is a full resync.
public enum ReplicationBrokenDiagnosis: Diagnosis {
    public static let description = DiagnosisDescription(
        id: "replication-broken",
        title: "replication broken",
        summary: "The replica's link to its master is down, or its lag outgrew the backlog so it can only resync in full.",
        rationale: """
            replication-link firing means the replica serves data that stops at the moment the link \
            dropped. A lag (replication-lag) alone fits a slow replica or a first sync and is no \
            diagnosis; with the lag near the size of repl-backlog-size (replication-lag CRITICAL), or \
            partial resyncs refused between the two samples (sync_partial_err grew), the backlog no \
            longer covers the gap: each reconnect forks the master for a full sync, \
            which is what keeps the link from recovering.
            """,
        findings: ["replication-link", "replication-lag"],
        facts: ["master_link_status", "master_link_down_since_seconds", "repl_backlog_size", "sync_full", "sync_partial_err"],
        ruledOutBy: "master_link_status:up with the offset lag below repl-backlog-size",
        nextStep: "Check the master is reachable from the replica (redis-cli -h MASTER -p PORT PING from the replica's host), then its log for 'Unable to partial resync'; raise repl-backlog-size above the lag",
        examples: [
            DiagnosisExample(
                "A replica whose link has been down for 10 minutes",
                info: "redis_version:7.2.6\nuptime_in_seconds:86400\nrole:slave\nmaster_host:10.0.0.5\nmaster_port:6379\nmaster_link_status:down\nmaster_last_io_seconds_ago:-1\nmaster_sync_in_progress:0\nmaster_link_down_since_seconds:600\n",
                diagnosed: true, confidence: .confirmed, expectEvidence: ["replication broken", "master_link_down_since_seconds=600", "replication-link CRITICAL"]),
            DiagnosisExample(
                "A replica 900 KiB behind a 1 MiB backlog: the next reconnect is a full resync",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:1\nslave0:ip=10.0.0.2,port=6379,state=online,offset=100000,lag=1\nmaster_repl_offset:1021600\nrepl_backlog_size:1048576\n",
                diagnosed: true, confidence: .confirmed, expectEvidence: ["replication-lag CRITICAL", "repl_backlog_size=1 MiB"]),
            DiagnosisExample(
                "One replica 12 s behind, well inside the backlog: slow, not broken",
                info: "redis_version:7.2.6\nrole:master\nconnected_slaves:2\nslave0:ip=10.0.0.2,port=6379,state=online,offset=4432,lag=0\nslave1:ip=10.0.0.3,port=6379,state=online,offset=4000,lag=12\nmaster_repl_offset:4432\nrepl_backlog_size:1048576\n",
                diagnosed: false),
            DiagnosisExample(
                "A replica in sync",
                info: "redis_version:7.2.6\nuptime_in_seconds:86400\nrole:slave\nmaster_host:10.0.0.5\nmaster_port:6379\nmaster_link_status:up\nmaster_last_io_seconds_ago:1\nmaster_sync_in_progress:0\n",
                diagnosed: false),
        ]
    )

    public static func diagnose(_ input: DiagnosisInput) -> DiagnosisResult? {
        let link = input.firing("replication-link")
        let lag = input.firing("replication-lag")
        // A lag alone fits a slow replica or a first sync; refused partial resyncs between the
        // samples, or a lag beyond the backlog, mean it can only resync in full.
        let partialErrors = input.growth { $0.number(.syncPartialErr) }
        let refused = (partialErrors ?? 0) > 0
        let backlogSpent = lag.map { $0.status == .critical && $0.evidence.contains { $0.contains("of repl_backlog_size") } } ?? false
        guard link != nil || (lag != nil && (refused || backlogSpent)) else { return nil }
        var facts: [String] = []
        if let down = input.info.number(.masterLinkDownSinceSeconds) { facts.append("master_link_down_since_seconds=\(HumanFormat.number(down))") }
        if refused, let errors = partialErrors {
            facts.append("sync_partial_err +\(HumanFormat.number(errors)) between the samples: partial resyncs refused")
        }
        if let backlog = input.info.number(.replBacklogSize) { facts.append("repl_backlog_size=\(HumanFormat.bytes(backlog))") }
        let lead = link ?? lag!
        return description.result(.confirmed, headline: "\(description.title): \(DiagnosisInput.clause(lead))",
                                  findings: [link, lag].compactMap { $0 }, facts: facts)
    }
}
