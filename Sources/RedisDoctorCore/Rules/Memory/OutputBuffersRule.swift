/// Reply buffers: the largest recent one, and clients dropped for exceeding their limit.
public enum OutputBuffersRule: HealthRule {
    public static let description = RuleDescription(
        id: "output-buffers",
        title: "Client output buffers",
        category: .memory,
        summary: "The largest recent client output buffer, and disconnections at client-output-buffer-limit.",
        rationale: """
            A reply buffer grows when a client reads slower than Redis writes: a slow consumer of a large \
            KEYS/HGETALL/LRANGE, a Pub/Sub subscriber falling behind, or a replica during a full sync. That \
            memory counts against maxmemory and can trigger evictions or OOM. client_recent_max_output_buffer \
            (5.0+, the largest buffer of the last seconds) warns at 32 MiB and is CRITICAL at 256 MiB, the \
            default hard limit for replicas. Clients dropped by client-output-buffer-limit since the previous \
            sample (client_output_buffer_limit_disconnections, 7.0+) are a WARNING: those clients lost data. \
            Before 5.0 the field is client_longest_output_list, in reply items rather than bytes.
            """,
        fieldsRead: ["client_recent_max_output_buffer", "client_longest_output_list", "client_output_buffer_limit_disconnections"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "client_recent_max_output_buffer",
        defaultWarning: "33554432",
        defaultCritical: "268435456",
        examples: [
            RuleExample(
                "A 64 MiB reply buffer",
                info: "redis_version:7.2.6\nclient_recent_max_output_buffer:67108864\n",
                expect: .warning,
                expectEvidence: ["client_recent_max_output_buffer=64 MiB"]),
            RuleExample(
                "A 300 MiB reply buffer is CRITICAL",
                info: "redis_version:7.2.6\nclient_recent_max_output_buffer:314572800\n",
                expect: .critical,
                expectEvidence: ["300 MiB"]),
            RuleExample(
                "Three Pub/Sub subscribers dropped at their limit",
                info: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800060000000\nclient_recent_max_output_buffer:0\nclient_output_buffer_limit_disconnections:5\n",
                previousInfo: "redis_version:7.2.6\nrun_id:aaa\nserver_time_usec:1763800000000000\nclient_recent_max_output_buffer:0\nclient_output_buffer_limit_disconnections:2\n",
                expect: .warning,
                expectEvidence: ["3 clients disconnected"]),
            RuleExample(
                "Small buffers",
                info: "redis_version:7.2.6\nclient_recent_max_output_buffer:20504\nclient_output_buffer_limit_disconnections:0\n",
                expect: .ok),
            RuleExample(
                "Garnet prints no buffer figures",
                info: "redis_version:7.2.5\ngarnet_version:2.2.0\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        let largest = info.number(.clientRecentMaxOutputBuffer)
        let disconnections = info.number(.clientOutputBufferLimitDisconnections)
        guard largest != nil || disconnections != nil else {
            return context.skipped("the server prints no client output buffer figures")
        }
        let threshold = context.threshold()
        var status = Status.ok
        var evidence: [String] = []
        var metrics: [Metric] = []
        var summaryParts: [String] = []
        if let largest {
            let source = info.source(of: .clientRecentMaxOutputBuffer) ?? "client_recent_max_output_buffer"
            let inItems = source == "client_longest_output_list"
            status = threshold.evaluate(largest)
            evidence.append(inItems ? "\(source)=\(HumanFormat.number(largest)) (reply items, not bytes)" : "\(source)=\(HumanFormat.bytes(largest))")
            metrics.append(Metric("client_recent_max_output_buffer", largest, unit: inItems ? .none : .bytes, threshold: threshold))
            summaryParts.append(inItems ? "longest reply list \(HumanFormat.number(largest)) items" : "largest output buffer \(HumanFormat.bytes(largest))")
        }
        if let disconnections {
            if let delta = context.delta(.clientOutputBufferLimitDisconnections), delta > 0 {
                let over = context.interval.map { " in \(HumanFormat.duration(seconds: $0))" } ?? " since the previous sample"
                evidence.append("\(HumanFormat.number(delta)) clients disconnected at client-output-buffer-limit\(over) (client_output_buffer_limit_disconnections=\(HumanFormat.number(disconnections)))")
                summaryParts.append("\(HumanFormat.number(delta)) clients dropped at their buffer limit")
                if status == .ok { status = .warning }
            }
        }
        if summaryParts.isEmpty, let disconnections {
            summaryParts.append("\(HumanFormat.number(disconnections)) clients dropped at their buffer limit since start")
        }
        let summary = summaryParts.joined(separator: "; ")
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "CLIENT LIST and sort by omem (and tot-mem): which client, which cmd? Slow Pub/Sub consumers and replicas in full sync are usual suspects.",
            "Avoid huge replies (SCAN instead of KEYS, paginate ranges); tune CONFIG SET client-output-buffer-limit for the class (normal, replica, pubsub).",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}
