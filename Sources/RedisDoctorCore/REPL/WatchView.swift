/// One frame of `:watch`: key INFO counters with per-second rates since the previous frame,
/// and the rule status.
public enum WatchView {
    /// Gauges are shown as they are; counters as a rate per second.
    static let gauges: [InfoField] = [
        .connectedClients, .blockedClients, .usedMemory, .usedMemoryRss, .memFragmentationRatio,
        .instantaneousOpsPerSec, .changesSinceLastSave, .bgsaveInProgress, .connectedSlaves,
    ]
    static let counters: [InfoField] = [
        .totalCommandsProcessed, .totalConnectionsReceived, .rejectedConnections, .keyspaceHits, .keyspaceMisses,
        .expiredKeys, .evictedKeys, .totalErrorReplies, .usedCpuSys, .usedCpuUser,
    ]

    public static func render(target: String, current: Info, previous: Info?, elapsedSeconds: Double,
                              results: [RuleResult], clock: String) -> String {
        var lines = ["\(target)  \(clock)  (Ctrl-C to stop)", ""]
        let width = (gauges + counters).map { $0.spec.keys[0].count }.max() ?? 0
        func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        for field in gauges {
            guard let value = current.number(field) else { continue }
            lines.append("  \(pad(field.spec.keys[0]))  \(FieldExplanation.humanValue(value, unit: field.spec.unit))")
        }
        for field in counters {
            guard let value = current.number(field) else { continue }
            var line = "  \(pad(field.spec.keys[0]))  \(HumanFormat.number(value))"
            if let before = previous?.number(field), elapsedSeconds > 0 {
                let rate = (value - before) / elapsedSeconds
                line += "  (" + (rate >= 0 ? "+" : "") + HumanFormat.fixed(rate, 1) + "/s)"
            }
            lines.append(line)
        }
        lines.append("")
        let status = Status.worst(results.map(\.status))
        let problems = results.filter { $0.status != .ok && $0.status != .skipped }
        lines.append("  rules: \(status.label)" + (problems.isEmpty ? "" : "  " + problems.map { "\($0.status.label) \($0.ruleID)" }.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }
}
